/**
 * A ScyllaDB shard simulator: a protocol-level proxy that makes real Cassandra nodes (such as the
 * kit's) look like ScyllaDB nodes with shards, so that shard-aware drivers can be tested, and
 * their shard hits and misses counted, where ScyllaDB itself cannot run.
 *
 * <p>{@link io.jsylla.testkit.scylla.ShardSimulator#front} puts one
 * {@link io.jsylla.testkit.scylla.SimulatedNode} in front of each real node, on the node's own
 * address. Each has a regular port and a shard-aware port, and for each client connection:
 * <ul>
 *   <li>takes a shard: on the shard-aware port {@code source port % shards}, on the regular port
 *       the least-connected shard ({@link io.jsylla.testkit.scylla.ShardAssigner});
 *   <li>answers OPTIONS itself: the real node's SUPPORTED plus ScyllaDB's sharding keys for this
 *       connection ({@link io.jsylla.testkit.scylla.SupportedOptions});
 *   <li>refuses protocol v5 and later with a protocol error in a v4 frame, as ScyllaDB does, so
 *       drivers fall back to v4;
 *   <li>forwards every other frame byte for byte over its own upstream connection;
 *   <li>learns prepared statements' partition keys from PREPARED answers
 *       ({@link io.jsylla.testkit.scylla.PreparedShapes}), computes each EXECUTE's token
 *       ({@link io.jsylla.testkit.scylla.Murmur3Token}) and shard
 *       ({@link io.jsylla.testkit.scylla.Sharding}), and counts shard misses and requests
 *       coordinated by a non-replica ({@link io.jsylla.testkit.scylla.ShardStats}), optionally
 *       delaying each miss as a cross-core hop would;
 *   <li>removes ScyllaDB-only CQL that Cassandra would reject (a trailing
 *       {@code USING TIMEOUT}, which ScyllaDB's Java driver adds to its schema queries);
 *   <li>rewrites the CQL address and port of each real node into its simulated node's in
 *       {@code system.local}, {@code system.peers}, {@code system.peers_v2} rows and in topology
 *       and status events, so that drivers discovering peers still go through the simulator;
 *   <li>simulates ScyllaDB's LWT metadata mark ({@code LwtMark}):
 *       offers {@code SCYLLA_LWT_ADD_METADATA_MARK} and, on a connection whose STARTUP names it,
 *       sets bit 31 in the bind-variables metadata flags of the PREPARED answers of conditional
 *       statements ({@link io.jsylla.testkit.scylla.StatementKind}, read from the PREPARE text);
 *       counts LWT EXECUTEs and those arriving at their token's primary replica (first in ring
 *       order) on the token's shard;
 *   <li>simulates ScyllaDB's rate limit error ({@code RateLimitErrors}):
 *       offers {@code SCYLLA_RATE_LIMIT_ERROR} ({@code ERROR_CODE=61440}) and, on demand
 *       ({@link io.jsylla.testkit.scylla.SimulatedNode#rateLimit}), answers a seeded share of
 *       reads and/or writes itself, without forwarding them, with that error (Config_error on
 *       connections that did not negotiate it).
 * </ul>
 * Each extension has its own switch, on by default and independent of the sharding keys'.
 *
 * <p>TLS ({@link io.jsylla.testkit.scylla.ShardSimulatorTls}): in front of a kit cluster with
 * client TLS, each simulated node speaks TLS only, on its regular port and on its shard-aware
 * port, which takes the shard from the source port as in plain CQL and is announced under both
 * {@code SCYLLA_SHARD_AWARE_PORT} and {@code SCYLLA_SHARD_AWARE_PORT_SSL} (ScyllaDB with both
 * shard-aware port settings naming one port). The simulator must read frames, so it ends the
 * client's TLS with the kit's node certificate (valid for the node addresses it binds) and opens
 * its own TLS connection to the node, checking the node's certificate and presenting the kit's
 * client certificate; in {@link io.jsylla.testkit.TlsMode#MUTUAL} it asks clients for theirs.
 *
 * <p>Limits: a TLS node serves no plain CQL (ScyllaDB can serve both on separate ports). Compressed frames (LZ4 or
 * Snappy, once a client asks for compression in STARTUP) are forwarded unread: their EXECUTEs are
 * not counted, their PREPARED answers not learned, their discovery rows not rewritten; run
 * drivers without compression against the simulator. BATCH and unprepared QUERY requests are
 * forwarded without a shard verdict. Statement kinds come from the PREPARE text, so an EXECUTE of an
 * id prepared through a compressed frame, or before the simulator started, is neither rate-limited
 * nor counted as an LWT; SERIAL consistency alone does not make an LWT. Tablets are not simulated.
 */
package io.jsylla.testkit.scylla;
