/**
 * CQL value serialization: one {@link io.jsylla.internal.codec.Codec} per {@link io.jsylla.DataType},
 * turning the Java values a user binds into the native protocol's "Data Type Serialization Formats"
 * (section 6 of the v4/v5 specs) and decoding results back into natural Java types.
 *
 * <p>Entry point: {@link io.jsylla.internal.codec.Codecs}. {@code Codecs.of(type)} returns a cached,
 * stateless, thread-safe codec; composite codecs (collections, tuples, UDTs, vectors) are built from
 * their element codecs. Encoding is lenient about the Java type (an {@code Integer} binds to a
 * {@code bigint}) but strict about range and precision: nothing is silently truncated. Decoding
 * reads with absolute indexes so the protocol layer can decode straight out of a frame.
 *
 * <p>Codecs see only non-null values; {@code null} and "unset" are the protocol layer's [value]
 * lengths -1 and -2, handled by {@code Codecs.encodeForColumn} and {@code Codecs.decode}.
 */
package io.jsylla.internal.codec;
