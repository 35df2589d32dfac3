package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A prepared read's usual answer: rows with bare metadata (no column specs, no paging state),
 * said without an object of its own. The one instance stands for "the rows are in the frame",
 * which holds them from {@link #start(Frame)}; a request that knows its result columns asks for
 * it ({@link Responses#decodeKnowing}), so that the answer to a read by key costs no result
 * object besides the page itself. Everyone else gets a {@link RowsResult}.
 */
public final class BareRows implements Result {
    public static final BareRows INSTANCE = new BareRows();

    /** The result kind, the metadata flags, the column count and the row count: 4 ints. */
    private static final int ROWS_AT = 16;

    private BareRows() {
    }

    /** Whether {@code frame} is a RESULT of rows with bare metadata and a sane row count. */
    static boolean is(Frame frame) {
        return frame.opcode() == Opcode.RESULT && frame.bodyLength() >= ROWS_AT && frame.bodyInt(0) == Result.ROWS
                && MetadataCodec.bare(frame.bodyInt(4), frame.bodyInt(8)) != null && frame.bodyInt(12) >= 0;
    }

    /** The shared metadata the frame's rows have. */
    static RowsMetadata metadata(Frame frame) {
        return MetadataCodec.bare(frame.bodyInt(4), frame.bodyInt(8));
    }

    public static int columnCount(Frame frame) {
        return frame.bodyInt(8);
    }

    public static int rowCount(Frame frame) {
        return frame.bodyInt(12);
    }

    /** The buffer holding the rows: the frame's unpooled heap memory, which needs no release. */
    public static ByteBuf buffer(Frame frame) {
        return frame.source();
    }

    /** Where the first cell of the first row is in {@link #buffer}. */
    public static int start(Frame frame) {
        return frame.bodyStart() + ROWS_AT;
    }

    /** Where the rows end in {@link #buffer}. */
    public static int end(Frame frame) {
        return frame.bodyStart() + frame.bodyLength();
    }

    @Override
    public String toString() {
        return "BareRows";
    }
}
