package io.jsylla.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts CQL text into statements at the semicolons that end them: not those inside 'strings',
 * "quoted names", $$function bodies$$ or comments (--, //, block comments). Fed a line at a time,
 * it keeps what is unfinished for the next line, as a shell needs. A BEGIN BATCH ends only at its
 * APPLY BATCH, as in cqlsh.
 */
final class CqlScript {
    private static final Pattern OPEN_BATCH = Pattern.compile("(?is)BEGIN\\s+((UN)?LOGGED\\s+|COUNTER\\s+)?BATCH\\b.*");
    private static final Pattern BATCH_END = Pattern.compile("(?i)\\bAPPLY\\s+BATCH$");
    private final StringBuilder pending = new StringBuilder();
    private char quote;          // ', " or $ (for $$) while inside one; 0 outside
    private boolean blockComment;

    /** Adds text (a line, with its newline, or a whole script) and returns the statements it completed, trimmed, without ';'. */
    List<String> add(String text) {
        List<String> done = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                }
                continue;
            }
            if (quote == '$') {
                pending.append(c);
                if (c == '$' && next == '$') {
                    pending.append(next);
                    quote = 0;
                    i++;
                }
                continue;
            }
            if (quote != 0) {
                pending.append(c);
                if (c == quote) quote = 0; // a doubled quote closes and reopens: same result
                continue;
            }
            if ((c == '-' && next == '-') || (c == '/' && next == '/')) {
                int end = text.indexOf('\n', i);
                if (end < 0) break;
                i = end - 1; // the newline itself is kept
                continue;
            }
            if (c == '/' && next == '*') {
                blockComment = true;
                i++;
                continue;
            }
            if (c == ';') {
                String statement = pending.toString().trim();
                if (OPEN_BATCH.matcher(statement).matches() && !BATCH_END.matcher(statement).find()) {
                    pending.append(c); // the ';' between a batch's statements
                    continue;
                }
                if (!statement.isEmpty()) done.add(statement);
                pending.setLength(0);
                continue;
            }
            if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '$' && next == '$') {
                quote = '$';
                pending.append(c);
                c = next;
                i++;
            }
            pending.append(c);
        }
        return done;
    }

    /** Whether a statement is started but not yet ended. */
    boolean hasPending() {
        return !pending.toString().isBlank() || quote != 0 || blockComment;
    }

    /** What is left unended (a last statement written without ';'), trimmed; empty if none. */
    String rest() {
        String s = pending.toString().trim();
        pending.setLength(0);
        quote = 0;
        blockComment = false;
        return s;
    }
}
