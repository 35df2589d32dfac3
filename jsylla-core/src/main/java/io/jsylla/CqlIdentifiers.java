package io.jsylla;

import java.util.Locale;
import java.util.Set;

/** CQL identifiers: when they need quotes, and how to write them. */
public final class CqlIdentifiers {
    /** Reserved words that must be quoted to be used as names. */
    private static final Set<String> RESERVED = Set.of("add", "allow", "alter", "and", "apply", "asc", "authorize",
            "batch", "begin", "by", "columnfamily", "create", "delete", "desc", "describe", "drop", "entries",
            "execute", "from", "full", "grant", "if", "in", "index", "infinity", "insert", "into", "is", "keyspace",
            "limit", "materialized", "mbean", "mbeans", "modify", "nan", "norecursive", "not", "null", "of", "on",
            "or", "order", "primary", "rename", "replace", "revoke", "schema", "select", "set", "table", "to",
            "token", "truncate", "unlogged", "unset", "update", "use", "using", "view", "where", "with");

    private CqlIdentifiers() {}

    /** {@code name} as CQL writes it: bare when it is lower-case and not reserved, else in double quotes. */
    public static String quote(String name) {
        if (name.matches("[a-z][a-z0-9_]*") && !RESERVED.contains(name)) return name;
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A name as the user gave it: case-sensitive names are quoted; others are lower-cased, as
     * CQL folds unquoted identifiers.
     */
    public static String fromUser(String name, boolean caseSensitive) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("empty identifier");
        if (caseSensitive) return '"' + name.replace("\"", "\"\"") + '"';
        if (name.startsWith("\"") && name.endsWith("\"") && name.length() > 1) return name;
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("'" + name + "' is not a valid unquoted CQL identifier;"
                    + " pass caseSensitive=true to use it exactly as written");
        }
        return lower;
    }
}
