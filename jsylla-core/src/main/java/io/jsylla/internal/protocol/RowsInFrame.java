package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * Rows read straight from their frame, said by a shared object instead of one result object
 * per answer: the usual answer to a prepared read whose columns the request already knows.
 * {@link BareRows} stands for rows sent without metadata; a {@link KnownSpecs} for a v4 answer
 * whose column specs are exactly the ones it holds. Either way there is one page and no more:
 * an answer with a paging state is a {@link RowsResult}.
 */
public sealed interface RowsInFrame extends Result permits BareRows, KnownSpecs {

    int columnCount(Frame frame);

    int rowCount(Frame frame);

    /** Where the first cell of the first row is in {@link #buffer}. */
    int start(Frame frame);

    /** Where the rows end in {@link #buffer}: the end of the frame's body. */
    default int end(Frame frame) {
        return frame.bodyStart() + frame.bodyLength();
    }

    /** The buffer holding the rows: the frame's unpooled heap memory, which needs no release. */
    default ByteBuf buffer(Frame frame) {
        return frame.source();
    }
}
