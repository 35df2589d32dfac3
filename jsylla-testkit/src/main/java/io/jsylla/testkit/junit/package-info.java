/**
 * JUnit 5 extensions that share one started Cassandra node, or one three-node cluster, across
 * a whole test run, so integration tests pay the start cost once.
 */
package io.jsylla.testkit.junit;
