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
}
