package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;

/**
 * A page of rows. The cells are not decoded here: {@code rows} is the rest of the frame body,
 * positioned at the first cell of the first row ({@code rowCount * columnCount} [bytes]). It shares
 * the frame body's unpooled heap memory and needs no release.
 */
public record RowsResult(RowsMetadata metadata, int rowCount, ByteBuf rows) implements Result {
}
