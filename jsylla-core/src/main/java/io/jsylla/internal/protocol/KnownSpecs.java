package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The column specs of a prepared statement's rows, byte for byte as a v4 node last sent them.
 * v4 cannot tell a client that a table changed under a prepared SELECT, so the driver never asks
 * it to skip the metadata there; instead each answer's specs are compared in place with these,
 * and an unchanged answer is read as if it had none: no strings, no column objects. A single
 * page with these specs is said by this object itself ({@link RowsInFrame}): no result object.
 */
public final class KnownSpecs implements RowsInFrame {
    /** The result kind, the metadata flags and the column count, before the specs: 3 ints. */
    private static final int SPECS_AT = 12;

    private final int flags;       // without Has_more_pages, which varies from page to page
    private final int columnCount;
    private final byte[] specs;    // the global table spec if any, then every column spec

    private KnownSpecs(int flags, int columnCount, byte[] specs) {
        this.flags = flags;
        this.columnCount = columnCount;
        this.specs = specs;
    }

    /** The specs of a v4 rows answer that carries its metadata; null for any other frame. */
    public static KnownSpecs of(Frame frame) {
        if (frame.version() != ProtocolVersion.V4 || frame.opcode() != Opcode.RESULT) return null;
        ByteBuf in = frame.body();
        if (in.readableBytes() < 12 || in.readInt() != Result.ROWS) return null;
        int flags = in.readInt();
        int columnCount = in.readInt();
        if ((flags & RowsMetadata.NO_METADATA) != 0 || columnCount < 0) return null;
        if ((flags & RowsMetadata.HAS_MORE_PAGES) != 0) Wire.readBytes(in);
        int from = in.readerIndex();
        MetadataCodec.readColumns(in, flags, columnCount); // to find where they end
        byte[] specs = new byte[in.readerIndex() - from];
        in.getBytes(from, specs);
        return new KnownSpecs(flags & ~RowsMetadata.HAS_MORE_PAGES, columnCount, specs);
    }

    /**
     * {@code frame}'s rows read in place, with metadata that says No_metadata (the columns are the
     * known ones), if its column specs are exactly these; else null.
     */
    RowsResult match(Frame frame) {
        int at = rowCountAt(frame);
        return at < 0 ? null : rows(frame, at);
    }

    /**
     * As {@link #match}, except that one page (no paging state) with these specs is this object
     * itself, which then stands for the answer ({@link RowsInFrame}): no result object made.
     */
    Result matchKnowing(Frame frame) {
        int at = rowCountAt(frame);
        if (at < 0) return null;
        return at == SPECS_AT + specs.length ? this : rows(frame, at);
    }

    /**
     * Where the row count is in {@code frame}'s body (past the paging state, if any, and the
     * specs) when the frame is rows with exactly these specs and a sane row count; else -1.
     */
    private int rowCountAt(Frame frame) {
        if (frame.opcode() != Opcode.RESULT || frame.bodyLength() < SPECS_AT || frame.bodyInt(0) != Result.ROWS) return -1;
        int received = frame.bodyInt(4);
        if ((received & ~RowsMetadata.HAS_MORE_PAGES) != flags || frame.bodyInt(8) != columnCount) return -1;
        int at = SPECS_AT;
        if ((received & RowsMetadata.HAS_MORE_PAGES) != 0) {
            int n = frame.bodyInt(at);
            if (n < 0 || at + 4 + n > frame.bodyLength()) return -1;
            at += 4 + n;
        }
        if (at + specs.length + 4 > frame.bodyLength() || !sameBytes(frame.source(), frame.bodyStart() + at)) return -1;
        at += specs.length;
        return frame.bodyInt(at) < 0 ? -1 : at;
    }

    /** The rows of a frame that {@link #rowCountAt} matched, its row count at {@code rowCountAt}, as a result of their own. */
    private RowsResult rows(Frame frame, int rowCountAt) {
        int received = frame.bodyInt(4);
        ByteBuffer pagingState = null;
        if ((received & RowsMetadata.HAS_MORE_PAGES) != 0) {
            byte[] state = new byte[frame.bodyInt(SPECS_AT)];
            frame.source().getBytes(frame.bodyStart() + SPECS_AT + 4, state);
            pagingState = ByteBuffer.wrap(state);
        }
        int bareFlags = RowsMetadata.NO_METADATA | (flags & RowsMetadata.GLOBAL_TABLES_SPEC);
        RowsMetadata metadata = pagingState == null ? MetadataCodec.bare(bareFlags, columnCount) : null;
        if (metadata == null) {
            metadata = new RowsMetadata(bareFlags | (received & RowsMetadata.HAS_MORE_PAGES), columnCount, pagingState, null,
                    java.util.List.of());
        }
        return new RowsResult(metadata, frame.bodyInt(rowCountAt), frame.source(), frame.bodyStart() + rowCountAt + 4,
                frame.bodyStart() + frame.bodyLength());
    }

    @Override
    public int columnCount(Frame frame) {
        return columnCount;
    }

    @Override
    public int rowCount(Frame frame) {
        return frame.bodyInt(SPECS_AT + specs.length);
    }

    @Override
    public int start(Frame frame) {
        return frame.bodyStart() + SPECS_AT + specs.length + 4;
    }

    private boolean sameBytes(ByteBuf buf, int index) {
        if (buf.hasArray()) {
            int from = buf.arrayOffset() + index;
            return Arrays.equals(buf.array(), from, from + specs.length, specs, 0, specs.length);
        }
        for (int i = 0; i < specs.length; i++) {
            if (buf.getByte(index + i) != specs[i]) return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "KnownSpecs[" + columnCount + " columns, " + specs.length + " bytes]";
    }
}
