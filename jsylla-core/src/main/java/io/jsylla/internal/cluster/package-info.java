/**
 * What the driver knows of the cluster: one immutable {@code ClusterState} (nodes as
 * {@code Node} values, keyed by address; schema; token map) held by {@code Metadata} and
 * replaced whole, kept current by the {@code ControlConnection} (system tables, and topology,
 * status and schema events), and seen by policies through {@code SessionClusterView}.
 *
 * <p>Dependencies: this package uses {@code internal.connection}, {@code internal.protocol} and
 * {@code internal.routing}, and the public API; not {@code internal.pool} (what is live per node,
 * connections and counters, is there, keyed by the same address) nor {@code internal.result}
 * (the control connection is given a {@code ResultReader}). The session wires node events to
 * the pools.
 */
package io.jsylla.internal.cluster;
