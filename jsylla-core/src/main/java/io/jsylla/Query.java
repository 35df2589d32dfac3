package io.jsylla;

import java.util.Objects;

/**
 * A CQL statement by its text, with options. Values are given when it runs
 * ({@code session.query(q, values...)}); with values it is prepared once, transparently.
 */
public final class Query extends Statement<Query> {
    private final String cql;

    public Query(String cql) {
        this(cql, StatementOptions.DEFAULTS);
    }

    private Query(String cql, StatementOptions options) {
        super(options);
        this.cql = Objects.requireNonNull(cql, "cql");
        if (cql.isBlank()) throw new IllegalArgumentException("CQL text is empty");
    }

    public static Query of(String cql) {
        return new Query(cql);
    }

    public String getCql() {
        return cql;
    }

    @Override
    public Query withOptions(StatementOptions options) {
        return new Query(cql, options);
    }

    @Override
    public String toString() {
        return "Query[" + cql + (options().equals(StatementOptions.DEFAULTS) ? "" : " " + options()) + "]";
    }
}
