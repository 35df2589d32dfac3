package io.jsylla.internal.protocol;

/**
 * Rows with bare metadata (no column specs, no paging state): a prepared read's usual answer
 * where the node skips the metadata (v5, or asked to). The one instance stands for "the rows
 * are in the frame"; see {@link RowsInFrame}.
 */
public final class BareRows implements RowsInFrame {
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

    @Override
    public int columnCount(Frame frame) {
        return frame.bodyInt(8);
    }

    @Override
    public int rowCount(Frame frame) {
        return frame.bodyInt(12);
    }

    @Override
    public int start(Frame frame) {
        return frame.bodyStart() + ROWS_AT;
    }

    @Override
    public String toString() {
        return "BareRows";
    }
}
