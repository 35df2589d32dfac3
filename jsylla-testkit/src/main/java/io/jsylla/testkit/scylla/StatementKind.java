package io.jsylla.testkit.scylla;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the simulator needs to know of a statement from its CQL text: whether ScyllaDB's rate
 * limiter would count it as a read or a write, and whether it is conditional (a lightweight
 * transaction). Read from the text only, after blanking out string literals, quoted names and
 * comments, so that an {@code IF} inside them does not count.
 *
 * @param opType {@link OpType#READ} for SELECT, {@link OpType#WRITE} for INSERT, UPDATE, DELETE
 *               and BEGIN ... BATCH; null for anything else (schema, USE, ...)
 * @param conditional an INSERT, UPDATE, DELETE or batch with {@code IF NOT EXISTS},
 *                    {@code IF EXISTS} or an {@code IF <condition>} clause after WHERE or SET
 */
public record StatementKind(OpType opType, boolean conditional) {

    /** ScyllaDB's rate limit op types, with their protocol values. */
    public enum OpType {
        READ(0), WRITE(1);

        final int code;

        OpType(int code) {
            this.code = code;
        }
    }

    static final StatementKind OTHER = new StatementKind(null, false);

    private static final Pattern FIRST_WORD = Pattern.compile("^\\s*([A-Za-z]+)");
    private static final Pattern IF_EXISTS = Pattern.compile("\\bIF\\s+(NOT\\s+)?EXISTS\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WHERE_OR_SET = Pattern.compile("\\b(WHERE|SET)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern IF = Pattern.compile("\\bIF\\b", Pattern.CASE_INSENSITIVE);

    /** The kind of a statement's text; {@link #OTHER} for null. */
    public static StatementKind of(String cql) {
        if (cql == null) return OTHER;
        String text = blankQuoted(cql);
        Matcher m = FIRST_WORD.matcher(text);
        if (!m.find()) return OTHER;
        OpType op = switch (m.group(1).toUpperCase(Locale.ROOT)) {
            case "SELECT" -> OpType.READ;
            case "INSERT", "UPDATE", "DELETE", "BEGIN" -> OpType.WRITE;
            default -> null;
        };
        if (op != OpType.WRITE) return new StatementKind(op, false);
        boolean conditional = IF_EXISTS.matcher(text).find();
        if (!conditional) {
            Matcher clause = WHERE_OR_SET.matcher(text);
            conditional = clause.find() && IF.matcher(text).region(clause.end(), text.length()).find();
        }
        return new StatementKind(op, conditional);
    }

    /**
     * The text with string literals ({@code '...'}, {@code $$...$$}), quoted names ({@code "..."})
     * and comments ({@code --}, {@code //}, {@code /* *\/}) replaced by spaces, positions kept.
     */
    static String blankQuoted(String cql) {
        StringBuilder out = new StringBuilder(cql);
        int i = 0, n = cql.length();
        while (i < n) {
            char c = cql.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = i + 1;
                while (end < n) {
                    if (cql.charAt(end) == c) {
                        if (end + 1 < n && cql.charAt(end + 1) == c) end += 2; // a doubled quote stands for itself
                        else break;
                    } else {
                        end++;
                    }
                }
                end = Math.min(end + 1, n);
            } else if (cql.startsWith("$$", i)) {
                int close = cql.indexOf("$$", i + 2);
                end = close < 0 ? n : close + 2;
            } else if (cql.startsWith("--", i) || cql.startsWith("//", i)) {
                int close = cql.indexOf('\n', i);
                end = close < 0 ? n : close;
            } else if (cql.startsWith("/*", i)) {
                int close = cql.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
            } else {
                i++;
                continue;
            }
            for (int j = i; j < end; j++) out.setCharAt(j, ' ');
            i = end;
        }
        return out.toString();
    }
}
