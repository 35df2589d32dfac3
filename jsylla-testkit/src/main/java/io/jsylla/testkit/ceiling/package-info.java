/**
 * The "driver ceiling" server: a minimal CQL server, native protocol v4 only, that answers
 * from memory everything a Java driver needs to connect and run the benchmark workload, so
 * that a benchmark measures a driver's own cost without a database's.
 *
 * <p>It plays a one-node cluster "ceiling" (datacenter dc1, rack rack1, Murmur3Partitioner,
 * release 5.0.9, one token "0") and answers:
 * <ul>
 *   <li>OPTIONS, STARTUP (no authentication, no compression), REGISTER (no events ever);
 *   <li>reads of system.local (its one row), system.peers and system.peers_v2 (no rows), and
 *       of any other system table, system_schema included (no rows);
 *   <li>USE, and CREATE, DROP, ALTER, TRUNCATE (Void: drivers then do not wait for schema
 *       agreement);
 *   <li>on {@code bench.kv (k bigint PRIMARY KEY, v blob)}, by QUERY, PREPARE/EXECUTE or
 *       BATCH: {@code INSERT INTO bench.kv (k, v) VALUES (?, ?)} (Void),
 *       {@code SELECT k, v FROM bench.kv WHERE k = ?} (k echoed, v a fixed value) and
 *       {@code SELECT k, v FROM bench.kv} (paged rows k = 0 .. scanRows - 1).
 * </ul>
 * Anything else is a syntax error naming the statement, so that a benchmark's mistake shows at
 * once. A client opening with protocol v5 is told, in v4, that only v4 is supported, and
 * drivers then retry with v4.
 *
 * <p>The server shares no code with the driver under test on purpose (as the kit's probe does
 * not): it is small, written from the protocol specification, and independent.
 */
package io.jsylla.testkit.ceiling;
