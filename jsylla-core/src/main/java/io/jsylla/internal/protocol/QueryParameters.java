package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The &lt;query_parameters&gt; shared by QUERY and EXECUTE. Absent options use sentinels rather than
 * boxing: {@code pageSize <= 0}, null, {@link #NO_TIMESTAMP}, {@link #NO_NOW_IN_SECONDS}.
 */
public record QueryParameters(Consistency consistency, Values values, boolean skipMetadata, int pageSize,
                              ByteBuffer pagingState, Consistency serialConsistency, long timestamp,
                              String keyspace, int nowInSeconds) {

    public static final long NO_TIMESTAMP = Long.MIN_VALUE;
    public static final int NO_NOW_IN_SECONDS = Integer.MIN_VALUE;

    static final int VALUES = 0x01;
    static final int SKIP_METADATA = 0x02;
    static final int PAGE_SIZE = 0x04;
    static final int PAGING_STATE = 0x08;
    static final int SERIAL_CONSISTENCY = 0x10;
    static final int TIMESTAMP = 0x20;
    static final int NAMES_FOR_VALUES = 0x40;
    static final int KEYSPACE = 0x80;
    static final int NOW_IN_SECONDS = 0x100;

    public QueryParameters {
        Objects.requireNonNull(consistency, "consistency");
        if (values == null) values = Values.NONE;
    }

    public static QueryParameters of(Consistency consistency, Values values) {
        return new QueryParameters(consistency, values, false, 0, null, null, NO_TIMESTAMP, null, NO_NOW_IN_SECONDS);
    }

    public QueryParameters withPaging(int pageSize, ByteBuffer pagingState) {
        return new QueryParameters(consistency, values, skipMetadata, pageSize, pagingState, serialConsistency,
                timestamp, keyspace, nowInSeconds);
    }

    public QueryParameters withSkipMetadata(boolean skip) {
        return new QueryParameters(consistency, values, skip, pageSize, pagingState, serialConsistency, timestamp,
                keyspace, nowInSeconds);
    }

    public QueryParameters withConsistency(Consistency c) {
        return new QueryParameters(c, values, skipMetadata, pageSize, pagingState, serialConsistency, timestamp,
                keyspace, nowInSeconds);
    }

    public void encode(ByteBuf out, ProtocolVersion version) {
        write(out, version, consistency, values, skipMetadata, pageSize, pagingState, serialConsistency, timestamp,
                keyspace, nowInSeconds);
    }

    /** Writes query parameters given field by field. */
    public static void write(ByteBuf out, ProtocolVersion version, Consistency consistency, Values values,
                             boolean skipMetadata, int pageSize, ByteBuffer pagingState, Consistency serialConsistency,
                             long timestamp, String keyspace, int nowInSeconds) {
        int n = values.size();
        int flags = flags(n > 0, n > 0 && values.names() != null, skipMetadata, pageSize, pagingState, serialConsistency,
                timestamp, keyspace, nowInSeconds);
        checkV5Only(flags, version);
        Wire.writeConsistency(consistency, out);
        writeFlags(flags, out, version);
        if ((flags & VALUES) != 0) writeValues(values, out);
        writeRest(flags, out, pageSize, pagingState, serialConsistency, timestamp, keyspace, nowInSeconds);
    }

    /**
     * As {@link #write}, for positional values already in wire form ({@code count} [value]s back to
     * back): one bulk copy, and no values object.
     */
    public static void writeWire(ByteBuf out, ProtocolVersion version, Consistency consistency, byte[] wire, int count,
                                 boolean skipMetadata, int pageSize, ByteBuffer pagingState, Consistency serialConsistency,
                                 long timestamp) {
        int flags = flags(count > 0, false, skipMetadata, pageSize, pagingState, serialConsistency, timestamp, null,
                NO_NOW_IN_SECONDS);
        Wire.writeConsistency(consistency, out);
        writeFlags(flags, out, version);
        if (count > 0) {
            Wire.writeCount(count, out, "values");
            out.writeBytes(wire);
        }
        writeRest(flags, out, pageSize, pagingState, serialConsistency, timestamp, null, NO_NOW_IN_SECONDS);
    }

    private static int flags(boolean values, boolean named, boolean skipMetadata, int pageSize, ByteBuffer pagingState,
                             Consistency serialConsistency, long timestamp, String keyspace, int nowInSeconds) {
        int flags = 0;
        if (values) flags |= VALUES;
        if (named) flags |= NAMES_FOR_VALUES;
        if (skipMetadata) flags |= SKIP_METADATA;
        if (pageSize > 0) flags |= PAGE_SIZE;
        if (pagingState != null) flags |= PAGING_STATE;
        if (serialConsistency != null) flags |= SERIAL_CONSISTENCY;
        if (timestamp != NO_TIMESTAMP) flags |= TIMESTAMP;
        if (keyspace != null) flags |= KEYSPACE;
        if (nowInSeconds != NO_NOW_IN_SECONDS) flags |= NOW_IN_SECONDS;
        return flags;
    }

    /** What follows the values, in the order the flags' bits say. */
    private static void writeRest(int flags, ByteBuf out, int pageSize, ByteBuffer pagingState, Consistency serialConsistency,
                                  long timestamp, String keyspace, int nowInSeconds) {
        if ((flags & PAGE_SIZE) != 0) out.writeInt(pageSize);
        if ((flags & PAGING_STATE) != 0) Wire.writeBytes(pagingState, out);
        if ((flags & SERIAL_CONSISTENCY) != 0) Wire.writeConsistency(serialConsistency, out);
        if ((flags & TIMESTAMP) != 0) out.writeLong(timestamp);
        if ((flags & KEYSPACE) != 0) Wire.writeString(keyspace, out);
        if ((flags & NOW_IN_SECONDS) != 0) out.writeInt(nowInSeconds);
    }

    /** Keyspace and now_in_seconds have no flag bit in v4; refusing beats silently running elsewhere. */
    static void checkV5Only(int flags, ProtocolVersion version) {
        if (version != ProtocolVersion.V4) return;
        if ((flags & KEYSPACE) != 0) throw new IllegalArgumentException("a per-request keyspace needs protocol v5");
        if ((flags & NOW_IN_SECONDS) != 0) throw new IllegalArgumentException("now_in_seconds needs protocol v5");
    }

    /** Flags are a [byte] in v4 and an [int] in v5. */
    static void writeFlags(int flags, ByteBuf out, ProtocolVersion version) {
        if (version == ProtocolVersion.V4) out.writeByte(flags);
        else out.writeInt(flags);
    }

    /** [short] n, then n [value]s, each preceded by its [string] name for named values. */
    static void writeValues(Values values, ByteBuf out) {
        int n = values.size();
        Wire.writeCount(n, out, "values");
        List<String> names = values.names();
        if (names == null) {
            values.writeAll(out);
            return;
        }
        for (int i = 0; i < n; i++) {
            Wire.writeString(names.get(i), out);
            values.write(i, out);
        }
    }
}
