package io.jsylla;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A secondary index of a table, as {@code system_schema.indexes} holds it.
 *
 * @param options every option, {@code target} (the indexed column or {@code keys(m)},
 *     {@code values(s)}, {@code entries(m)}, {@code full(l)}) and, for a custom index,
 *     {@code class_name} included
 */
public record IndexMetadata(String keyspace, String table, String name, Kind kind, Map<String, String> options) {
    /** How the server stores the index: built-in ({@code COMPOSITES}, legacy {@code KEYS}) or a class of its own. */
    public enum Kind { KEYS, COMPOSITES, CUSTOM }

    public IndexMetadata {
        options = Map.copyOf(options);
    }

    /** What is indexed, in CQL: {@code col}, {@code "Col"}, {@code keys(m)}... */
    public String target() {
        return options.getOrDefault("target", "");
    }

    /** The class of a custom index ({@code sai}, {@code StorageAttachedIndex}, a class name), else empty. */
    public Optional<String> className() {
        return kind == Kind.CUSTOM ? Optional.ofNullable(options.get("class_name")) : Optional.empty();
    }

    /** {@code CREATE [CUSTOM] INDEX} recreating this index. */
    public String describe() {
        return describe(keyspace);
    }

    /** {@code CREATE [CUSTOM] INDEX} recreating this index on the same table in another keyspace. */
    public String describe(String asKeyspace) {
        // The target is stored as CQL already (quoted names, keys(...)), so it is written unchanged.
        String on = " ON " + CqlIdentifiers.quote(asKeyspace) + "." + CqlIdentifiers.quote(table) + " (" + target() + ")";
        if (kind != Kind.CUSTOM) return "CREATE INDEX " + CqlIdentifiers.quote(name) + on + ";";
        StringBuilder sb = new StringBuilder("CREATE CUSTOM INDEX ").append(CqlIdentifiers.quote(name)).append(on)
                .append(" USING ").append(literal(options.getOrDefault("class_name", "")));
        Map<String, String> rest = new TreeMap<>(options);
        rest.remove("target");
        rest.remove("class_name");
        if (!rest.isEmpty()) {
            sb.append(" WITH OPTIONS = {").append(rest.entrySet().stream()
                    .map(e -> literal(e.getKey()) + ": " + literal(e.getValue())).collect(Collectors.joining(", ")))
                    .append('}');
        }
        return sb.append(';').toString();
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
