package io.jsylla;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Statements that run as one request: {@code LOGGED} (atomic, through the batch log),
 * {@code UNLOGGED}, or {@code COUNTER}. Immutable: {@link #appendStatement} returns a new batch.
 * Values are given per statement when it runs ({@link Session#batch(Batch, List)}), or carried
 * by appended {@link BoundStatement}s.
 */
public final class Batch extends Statement<Batch> {
    private final BatchType type;
    private final List<Statement<?>> statements;

    public Batch(BatchType type) {
        this(type, List.of(), StatementOptions.DEFAULTS);
    }

    private Batch(BatchType type, List<Statement<?>> statements, StatementOptions options) {
        super(options);
        this.type = Objects.requireNonNull(type, "type");
        this.statements = List.copyOf(statements);
    }

    public static Batch logged() {
        return new Batch(BatchType.LOGGED);
    }

    public static Batch unlogged() {
        return new Batch(BatchType.UNLOGGED);
    }

    public static Batch counter() {
        return new Batch(BatchType.COUNTER);
    }

    public Batch appendStatement(String cql) {
        return append(Query.of(cql));
    }

    public Batch appendStatement(Query query) {
        return append(query);
    }

    public Batch appendStatement(PreparedStatement prepared) {
        return append(prepared);
    }

    public Batch appendStatement(BoundStatement bound) {
        return append(bound);
    }

    private Batch append(Statement<?> s) {
        Objects.requireNonNull(s, "statement");
        List<Statement<?>> list = new ArrayList<>(statements);
        list.add(s);
        return new Batch(type, list, options());
    }

    public BatchType getType() {
        return type;
    }

    /** The statements, in order: {@link Query}, {@link PreparedStatement} or {@link BoundStatement}. */
    public List<Statement<?>> getStatements() {
        return statements;
    }

    public int size() {
        return statements.size();
    }

    /** This batch with other statements (same type and options); for {@link Session#prepareBatch}. */
    public Batch withStatements(List<Statement<?>> replacement) {
        return new Batch(type, replacement, options());
    }

    @Override
    public Batch withOptions(StatementOptions options) {
        return new Batch(type, statements, options);
    }

    @Override
    public String toString() {
        return "Batch[" + type + ", " + statements.size() + " statements]";
    }
}
