/**
 * jsylla: a native Java driver for ScyllaDB and Apache Cassandra.
 *
 * <p>Only {@code io.jsylla} and its public subpackages are exported; everything under
 * {@code io.jsylla.internal} is an implementation detail.
 */
module io.jsylla {
    exports io.jsylla;
}
