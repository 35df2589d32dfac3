/**
 * The jsylla test kit: real Apache Cassandra nodes and clusters for tests, each node a separate
 * JVM started from Maven Central's {@code cassandra-all}, never on the test's own classpath.
 *
 * <p>{@link io.jsylla.testkit.CassandraCluster} starts and controls nodes;
 * {@link io.jsylla.testkit.CqlProbe} is a tiny independent CQL client for checks;
 * {@link io.jsylla.testkit.NodeRecord} finds a node again from its folder.
 */
package io.jsylla.testkit;
