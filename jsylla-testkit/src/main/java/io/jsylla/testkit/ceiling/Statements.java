package io.jsylla.testkit.ceiling;

import static io.jsylla.testkit.ceiling.Wire.BIGINT;
import static io.jsylla.testkit.ceiling.Wire.BLOB;

import io.jsylla.testkit.ceiling.Statement.Kind;
import io.jsylla.testkit.ceiling.Wire.Column;
import io.jsylla.testkit.ceiling.Wire.CqlError;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recognizes the CQL the server answers, by tokens rather than by regular expressions so that
 * spacing, case and trailing semicolons do not matter, and remembers prepared ids. Statements
 * are cached by their exact text: a benchmark sends the same few strings millions of times.
 */
final class Statements {
    static final String KEYSPACE = "bench", TABLE = "kv";
    static final List<Column> KV = List.of(new Column("k", BIGINT), new Column("v", BLOB));
    static final List<Column> KEY = List.of(new Column("k", BIGINT));
    static final byte[] VOID_RESULT = {0, 0, 0, Wire.VOID};
    /** Bounds the cache against a client that never repeats itself. */
    private static final int CACHE_LIMIT = 10_000;
    private static final Set<String> SCHEMA_VERBS = Set.of("create", "drop", "alter", "truncate");
    private static final List<String> STAR = List.of("*");

    private final SystemTables system;
    private final Map<String, Statement> byText = new ConcurrentHashMap<>();
    private final Map<Id, Statement> byId = new ConcurrentHashMap<>();

    /** A 16-byte prepared id as a map key. */
    private record Id(long high, long low) {
        static Id of(byte[] id) {
            ByteBuffer b = ByteBuffer.wrap(id);
            return new Id(b.getLong(), b.getLong());
        }
    }

    Statements(SystemTables system) {
        this.system = system;
    }

    /** The statement for a QUERY or a BATCH child, or a syntax error naming it. */
    Statement classify(String cql) {
        Statement s = byText.get(cql);
        if (s != null) return s;
        s = parse(cql);
        if (byText.size() < CACHE_LIMIT) byText.putIfAbsent(cql, s);
        return s;
    }

    /** PREPARE: recognizes the statement and remembers its id for EXECUTE. */
    Statement prepare(String cql) {
        Statement s = classify(cql);
        if (s.prepared() == null) throw new CqlError(Wire.SYNTAX_ERROR, "ceiling server cannot prepare: " + cql.strip());
        byId.putIfAbsent(Id.of(s.id()), s);
        return s;
    }

    /** Reads an EXECUTE's or BATCH child's [short bytes] id: its statement, or an Unprepared error. */
    Statement prepared(ByteBuf b) {
        int n = b.readUnsignedShort();
        Statement s = n == 16 ? byId.get(new Id(b.getLong(b.readerIndex()), b.getLong(b.readerIndex() + 8))) : null;
        if (s == null) {
            byte[] id = ByteBufUtil.getBytes(b, b.readerIndex(), n);
            throw new CqlError(Wire.UNPREPARED, "Prepared query with ID " + HexFormat.of().formatHex(id)
                    + " not found (the ceiling server was restarted, or it was never prepared)", id);
        }
        b.skipBytes(n);
        return s;
    }

    private Statement parse(String cql) {
        List<String> t = tokens(cql);
        String text = String.join(" ", t);
        byte[] id = md5(text);
        Statement s = t.isEmpty() ? null : switch (t.get(0)) {
            case "use" -> t.size() == 2 && isIdentifier(t.get(1)) ? use(text, id, identifier(t.get(1))) : null;
            case "insert" -> isInsert(t) ? fixed(Kind.INSERT, text, id, VOID_RESULT, VOID_RESULT, KV, List.of()) : null;
            case "select" -> select(t, text, id);
            default -> SCHEMA_VERBS.contains(t.get(0))
                    ? fixed(Kind.SCHEMA, text, id, VOID_RESULT, VOID_RESULT, List.of(), List.of()) : null;
        };
        if (s == null) throw new CqlError(Wire.SYNTAX_ERROR, "ceiling server does not know: " + cql.strip());
        return s;
    }

    /** INSERT INTO [bench.]kv (k, v) VALUES (?, ?) */
    private static boolean isInsert(List<String> t) {
        if (t.size() < 3 || !t.get(1).equals("into")) return false;
        TableRef ref = TableRef.at(t, 2);
        return ref != null && ref.isWorkload()
                && t.subList(ref.end(), t.size()).equals(List.of("(", "k", ",", "v", ")", "values", "(", "?", ",", "?", ")"));
    }

    private Statement select(List<String> t, String text, byte[] id) {
        int from = t.indexOf("from");
        if (from < 2) return null;
        List<String> selection = selection(t.subList(1, from));
        TableRef ref = TableRef.at(t, from + 1);
        if (selection == null || ref == null) return null;
        List<String> rest = t.subList(ref.end(), t.size());
        if (ref.isWorkload()) {
            if (selection != STAR && !selection.equals(List.of("k", "v"))) return null;
            if (rest.isEmpty()) return fixed(Kind.SCAN, text, id, null, null, List.of(), KV);
            if (rest.equals(List.of("where", "k", "=", "?"))) return fixed(Kind.GET, text, id, null, null, KEY, KV);
            return null;
        }
        if (ref.keyspace() == null || !ref.keyspace().startsWith("system")) return null;
        // Reads of system tables ignore their WHERE clause: there is one node and one local row.
        List<Column> columns = SystemTables.columns(ref.keyspace(), ref.table(), selection == STAR ? null : selection);
        byte[] rows = system.rows(ref.keyspace(), ref.table(), columns, false);
        byte[] bare = system.rows(ref.keyspace(), ref.table(), columns, true);
        // Preparing a system query with bind markers would need their types: not supported.
        byte[] prepared = t.contains("?") || t.contains(":") ? null
                : preparedBody(id, List.of(), ref.keyspace(), ref.table(), columns);
        return new Statement(Kind.SYSTEM, text, id, rows, bare, prepared);
    }

    private static Statement use(String text, byte[] id, String keyspace) {
        byte[] result = Wire.encode(b -> {
            b.writeInt(Wire.SET_KEYSPACE);
            Wire.writeString(b, keyspace);
        });
        return fixed(Kind.USE, text, id, result, result, List.of(), List.of());
    }

    private static Statement fixed(Kind kind, String text, byte[] id, byte[] result, byte[] bare,
                                   List<Column> variables, List<Column> columns) {
        return new Statement(kind, text, id, result, bare, preparedBody(id, variables, KEYSPACE, TABLE, columns));
    }

    /**
     * A RESULT Prepared body (section 4.2.5.4). In the workload the first bind variable, when
     * there is one, is always the partition key k: pk_indexes [0], for token-aware routing.
     */
    static byte[] preparedBody(byte[] id, List<Column> variables, String keyspace, String table, List<Column> columns) {
        return Wire.encode(b -> {
            b.writeInt(Wire.PREPARED);
            Wire.writeShortBytes(b, id);
            boolean keyed = !variables.isEmpty();
            b.writeInt(keyed ? Wire.GLOBAL_TABLE_SPEC : 0).writeInt(variables.size()).writeInt(keyed ? 1 : 0);
            if (keyed) b.writeShort(0);
            Wire.writeSpecs(b, keyspace, table, variables);
            // Statements that return no rows have empty result metadata: No_metadata and 0 columns.
            Wire.writeRowsMetadata(b, keyspace, table, columns, columns.isEmpty(), null);
        });
    }

    /** The selected column names, {@link #STAR} for `*`, or null for what the server does not handle. */
    private static List<String> selection(List<String> s) {
        if (s.equals(STAR)) return STAR;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.size(); i += 2) {
            if (!isIdentifier(s.get(i)) || (i + 1 < s.size() && !s.get(i + 1).equals(","))) return null;
            names.add(identifier(s.get(i)));
        }
        return s.size() % 2 == 1 ? names : null;
    }

    /** [keyspace .] table, from token i; end is the index of the first token after it. */
    private record TableRef(String keyspace, String table, int end) {
        static TableRef at(List<String> t, int i) {
            if (i >= t.size() || !isIdentifier(t.get(i))) return null;
            if (i + 2 < t.size() && t.get(i + 1).equals(".") && isIdentifier(t.get(i + 2))) {
                return new TableRef(identifier(t.get(i)), identifier(t.get(i + 2)), i + 3);
            }
            return new TableRef(null, identifier(t.get(i)), i + 1);
        }

        /** bench.kv, or kv alone: the session's keyspace is taken to be bench. */
        boolean isWorkload() {
            return table.equals(TABLE) && (keyspace == null || keyspace.equals(KEYSPACE));
        }
    }

    /**
     * Splits CQL into tokens: words lower-cased (CQL folds unquoted names and keywords), quoted
     * names and string literals kept whole, any other character alone; trailing semicolons go.
     */
    static List<String> tokens(String cql) {
        List<String> out = new ArrayList<>();
        int i = 0, n = cql.length();
        while (i < n) {
            char c = cql.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(cql.charAt(i)) || cql.charAt(i) == '_')) i++;
                out.add(cql.substring(start, i).toLowerCase(Locale.ROOT));
                continue;
            } else if (c == '"' || c == '\'') {
                i = closingQuote(cql, i) + 1;
            } else {
                i++;
            }
            out.add(cql.substring(start, i));
        }
        while (!out.isEmpty() && out.get(out.size() - 1).equals(";")) out.remove(out.size() - 1);
        return out;
    }

    /** The index of the quote closing the one at open; a doubled quote inside stands for itself. */
    private static int closingQuote(String s, int open) {
        char quote = s.charAt(open);
        int i = open + 1;
        while (i < s.length()) {
            if (s.charAt(i) != quote) {
                i++;
            } else if (i + 1 < s.length() && s.charAt(i + 1) == quote) {
                i += 2;
            } else {
                return i;
            }
        }
        return s.length() - 1; // unterminated: the rest of the text is the token
    }

    private static boolean isIdentifier(String token) {
        char c = token.charAt(0);
        return c == '"' || Character.isLetter(c) || c == '_';
    }

    /** A name as CQL means it: a quoted one unquoted with doubled quotes undone, others as lower-cased. */
    private static String identifier(String token) {
        if (!token.startsWith("\"")) return token;
        return token.substring(1, Math.max(1, token.length() - 1)).replace("\"\"", "\"");
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
