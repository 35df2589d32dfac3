package io.jsylla.testkit.ceiling;

import io.jsylla.testkit.ceiling.Wire.CqlError;
import io.netty.buffer.ByteBuf;

/**
 * The parts of a QUERY's or EXECUTE's {@code <query_parameters>} (section 4.1.4) that answers
 * depend on. The first bound value is located in the frame rather than copied: the GET answer
 * copies its 8 bytes straight into the response.
 *
 * @param skipMetadata flag 0x02: answer Rows with No_metadata
 * @param firstValueIndex where the first bound value's bytes start in the frame, or -1
 * @param firstValueLength its [value] length (negative for null or unset), or -1 when absent
 * @param pageSize the requested page size, or -1 when none was given
 * @param offset where a scan resumes: the paging state this server handed out, else 0
 */
record QueryParameters(boolean skipMetadata, int firstValueIndex, int firstValueLength, int pageSize, long offset) {
    private static final int VALUES = 0x01, SKIP_METADATA = 0x02, PAGE_SIZE = 0x04, PAGING_STATE = 0x08,
            NAMES_FOR_VALUES = 0x40;

    /** Reads them from b; serial consistency and timestamp, which follow, do not matter here. */
    static QueryParameters read(ByteBuf b) {
        b.skipBytes(2); // consistency: a one-node cluster meets every level
        int flags = b.readUnsignedByte();
        int firstIndex = -1, firstLength = -1;
        if ((flags & VALUES) != 0) {
            int n = b.readUnsignedShort();
            for (int i = 0; i < n; i++) {
                if ((flags & NAMES_FOR_VALUES) != 0) b.skipBytes(b.readUnsignedShort());
                int length = b.readInt();
                if (i == 0) {
                    firstIndex = b.readerIndex();
                    firstLength = length;
                }
                if (length > 0) b.skipBytes(length);
            }
        }
        int pageSize = (flags & PAGE_SIZE) != 0 ? b.readInt() : -1;
        long offset = 0;
        if ((flags & PAGING_STATE) != 0) {
            int length = b.readInt();
            if (length == 8) {
                offset = b.readLong();
            } else if (length >= 0) {
                throw new CqlError(Wire.PROTOCOL_ERROR, "not a paging state of the ceiling server (" + length + " bytes)");
            }
        }
        return new QueryParameters((flags & SKIP_METADATA) != 0, firstIndex, firstLength, pageSize, offset);
    }
}
