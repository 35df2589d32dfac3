package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads and writes the column metadata of rows and prepared results (spec 4.2.5.2 and 4.2.5.4). */
final class MetadataCodec {

    private MetadataCodec() {
    }

    /**
     * The metadata of most answers to a prepared read, No_metadata with or without
     * Global_tables_spec (Cassandra keeps that flag): shared, by flags and column count.
     */
    private static final RowsMetadata[][] BARE = new RowsMetadata[2][32];

    static {
        for (int i = 0; i < 32; i++) {
            BARE[0][i] = new RowsMetadata(RowsMetadata.NO_METADATA, i, null, null, List.of());
            BARE[1][i] = new RowsMetadata(RowsMetadata.NO_METADATA | RowsMetadata.GLOBAL_TABLES_SPEC, i, null, null, List.of());
        }
    }

    /** The shared metadata for these flags and column count, or null if they are not bare ones. */
    static RowsMetadata bare(int flags, int columnCount) {
        if ((flags & ~RowsMetadata.GLOBAL_TABLES_SPEC) != RowsMetadata.NO_METADATA || columnCount < 0 || columnCount >= 32) return null;
        return BARE[flags & RowsMetadata.GLOBAL_TABLES_SPEC][columnCount];
    }

    static RowsMetadata readRows(ByteBuf in, ProtocolVersion version) {
        int flags = in.readInt();
        int columnCount = readCount(in, "column");
        RowsMetadata bare = bare(flags, columnCount);
        if (bare != null) return bare;
        ByteBuffer pagingState = (flags & RowsMetadata.HAS_MORE_PAGES) != 0 ? Wire.readBytesBuffer(in) : null;
        byte[] newMetadataId = version != ProtocolVersion.V4 && (flags & RowsMetadata.METADATA_CHANGED) != 0
                ? Wire.readShortBytes(in) : null;
        List<ColumnDef> columns = (flags & RowsMetadata.NO_METADATA) != 0
                ? List.of() : readColumns(in, flags, columnCount);
        return new RowsMetadata(flags, columnCount, pagingState, newMetadataId, columns);
    }

    static PreparedMetadata readPrepared(ByteBuf in) {
        int flags = in.readInt();
        int columnCount = readCount(in, "bind variable");
        int pkCount = readCount(in, "partition key index");
        if (pkCount > in.readableBytes() / 2) {
            throw new CodecException(pkCount + " partition key indexes announced, " + in.readableBytes() + " bytes left");
        }
        int[] pkIndexes = new int[pkCount];
        for (int i = 0; i < pkCount; i++) pkIndexes[i] = in.readUnsignedShort();
        return new PreparedMetadata(flags, pkIndexes, readColumns(in, flags, columnCount));
    }

    private static int readCount(ByteBuf in, String what) {
        int n = in.readInt();
        if (n < 0) throw new CodecException("negative " + what + " count " + n);
        return n;
    }

    static List<ColumnDef> readColumns(ByteBuf in, int flags, int count) {
        boolean global = (flags & RowsMetadata.GLOBAL_TABLES_SPEC) != 0;
        String keyspace = global ? Wire.readString(in) : null;
        String table = global ? Wire.readString(in) : null;
        // A column spec takes at least 4 bytes, so the readable bytes bound a sane initial capacity.
        List<ColumnDef> columns = new ArrayList<>(Math.min(count, in.readableBytes() / 4));
        for (int i = 0; i < count; i++) {
            String ks = global ? keyspace : Wire.readString(in);
            String tb = global ? table : Wire.readString(in);
            columns.add(new ColumnDef(ks, tb, Wire.readString(in), TypeCodec.read(in)));
        }
        return Collections.unmodifiableList(columns);
    }

    /**
     * Writes rows metadata. Has_more_pages and Metadata_changed follow the paging state and new
     * metadata id; Global_tables_spec and No_metadata are taken from the flags as given.
     */
    static void writeRows(RowsMetadata metadata, ByteBuf out, ProtocolVersion version) {
        int flags = metadata.flags() & ~(RowsMetadata.HAS_MORE_PAGES | RowsMetadata.METADATA_CHANGED);
        if (metadata.pagingState() != null) flags |= RowsMetadata.HAS_MORE_PAGES;
        if (metadata.newMetadataId() != null && version != ProtocolVersion.V4) flags |= RowsMetadata.METADATA_CHANGED;
        out.writeInt(flags);
        out.writeInt(metadata.columnCount());
        if (metadata.pagingState() != null) Wire.writeBytes(metadata.pagingState(), out);
        if ((flags & RowsMetadata.METADATA_CHANGED) != 0) Wire.writeShortBytes(metadata.newMetadataId(), out);
        if ((flags & RowsMetadata.NO_METADATA) == 0) writeColumns(metadata.columns(), flags, out);
    }

    static void writePrepared(PreparedMetadata metadata, ByteBuf out) {
        out.writeInt(metadata.flags());
        out.writeInt(metadata.columns().size());
        out.writeInt(metadata.partitionKeyIndexes().length);
        for (int index : metadata.partitionKeyIndexes()) out.writeShort(index);
        writeColumns(metadata.columns(), metadata.flags(), out);
    }

    private static void writeColumns(List<ColumnDef> columns, int flags, ByteBuf out) {
        boolean global = (flags & RowsMetadata.GLOBAL_TABLES_SPEC) != 0;
        if (global) {
            if (columns.isEmpty()) throw new IllegalArgumentException("a global table spec needs at least one column");
            ColumnDef first = columns.get(0);
            for (ColumnDef c : columns) {
                if (!c.keyspace().equals(first.keyspace()) || !c.table().equals(first.table())) {
                    throw new IllegalArgumentException("global table spec, but column " + c.name() + " is in "
                            + c.keyspace() + "." + c.table());
                }
            }
            Wire.writeString(first.keyspace(), out);
            Wire.writeString(first.table(), out);
        }
        for (ColumnDef c : columns) {
            if (!global) {
                Wire.writeString(c.keyspace(), out);
                Wire.writeString(c.table(), out);
            }
            Wire.writeString(c.name(), out);
            TypeCodec.write(c.type(), out);
        }
    }
}
