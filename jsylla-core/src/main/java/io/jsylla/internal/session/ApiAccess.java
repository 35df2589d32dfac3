package io.jsylla.internal.session;

import io.jsylla.BoundStatement;
import io.jsylla.PreparedStatement;
import io.jsylla.StatementOptions;
import io.jsylla.internal.codec.BoundValues;
import io.jsylla.internal.request.PreparedCache;

/**
 * How the driver reads what public statement classes hold without copying it (a statement id,
 * values in wire form), while applications see only copies. The public classes register the
 * accessor when they load; this package is not exported, so only the driver can call it.
 */
public final class ApiAccess {
    /** What the public classes open to the driver. */
    public interface Accessor {
        byte[] preparedId(PreparedStatement ps);

        BoundValues boundValues(BoundStatement b);

        /** As {@link PreparedStatement#bind(Object...)} does, without the statement object: the values' wire form. */
        byte[] bind(PreparedStatement ps, Object[] values);

        Object resultShape(PreparedStatement ps);

        void resultShape(PreparedStatement ps, Object shape);

        Object resolved(StatementOptions options);

        void resolved(StatementOptions options, Object resolved);
    }

    private static volatile Accessor accessor;

    private ApiAccess() {}

    public static void register(Accessor a) {
        if (accessor != null) throw new IllegalStateException("accessor already registered");
        accessor = a;
    }

    static Accessor get() {
        Accessor a = accessor;
        if (a == null) {
            try {
                Class.forName(PreparedStatement.class.getName(), true, PreparedStatement.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            a = accessor;
        }
        return a;
    }

    static byte[] id(PreparedStatement ps) {
        return get().preparedId(ps);
    }

    static BoundValues values(BoundStatement b) {
        return get().boundValues(b);
    }

    static byte[] bind(PreparedStatement ps, Object[] values) {
        return get().bind(ps, values);
    }

    static PreparedCache.ResultShape shape(PreparedStatement ps) {
        return (PreparedCache.ResultShape) get().resultShape(ps);
    }

    static void shape(PreparedStatement ps, PreparedCache.ResultShape shape) {
        get().resultShape(ps, shape);
    }

    static Object resolved(StatementOptions options) {
        return get().resolved(options);
    }

    static void resolved(StatementOptions options, Object resolved) {
        get().resolved(options, resolved);
    }
}
