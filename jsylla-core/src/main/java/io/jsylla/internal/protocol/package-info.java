/**
 * The CQL native protocol codec, versions 4 and 5, with no I/O: bytes in, messages out.
 *
 * <p>This package owns the wire primitives ({@link io.jsylla.internal.protocol.Wire}), the request
 * encoders and response decoders, the 9-byte frame header ({@link io.jsylla.internal.protocol.FrameCodec}),
 * v4 frame-body compression (LZ4, Snappy) and the v5 segment layer: CRC-protected segments
 * ({@link io.jsylla.internal.protocol.SegmentCodec}), packing outbound frames into them
 * ({@link io.jsylla.internal.protocol.SegmentPacker}) and reassembling inbound frames
 * ({@link io.jsylla.internal.protocol.FrameAssembler}).
 *
 * <p>It knows nothing of channels, pipelines, stream-id allocation or retries; the connection layer
 * drives it. Row cells are not decoded here: a rows result hands back the raw row bytes.
 *
 * <p>Every decoder treats its input as untrusted: malformed bytes raise
 * {@link io.jsylla.internal.protocol.CodecException}, and no declared length or count is trusted
 * before the bytes behind it are known to be there.
 */
package io.jsylla.internal.protocol;
