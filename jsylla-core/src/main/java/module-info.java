/**
 * jsylla: a native Java driver for ScyllaDB and Apache Cassandra.
 *
 * <p>Only {@code io.jsylla} and its public subpackages are exported; everything under
 * {@code io.jsylla.internal} is an implementation detail.
 */
module io.jsylla {
    requires io.netty.buffer;
    requires io.netty.common;
    requires io.netty.transport;
    requires io.netty.handler;
    requires io.netty.codec;
    requires org.lz4.java;
    requires org.xerial.snappy;
    requires org.slf4j;
    requires HdrHistogram;

    exports io.jsylla;
    exports io.jsylla.policies;

    // TupleValue and UdtValue normalize their components through the codecs without naming them
    // (no import cycle between the public values and the codecs that decode them). The service
    // type is in a package that is not exported: uses/provides within this module only.
    uses io.jsylla.internal.values.ValueNormalizer;
    provides io.jsylla.internal.values.ValueNormalizer with io.jsylla.internal.codec.CodecNormalizer;
}
