/**
 * The driver's implementation, not exported by the module. Layers depend one way only, from
 * the bottom: {@code protocol} (pure codec) ← {@code codec} (values) ← {@code routing} (tokens,
 * replicas, shards) ← {@code connection} (Netty) ← {@code pool} ← {@code cluster} (one immutable
 * cluster state) ← {@code result} (rows) ← {@code request} (the execution core) ← {@code session}
 * (the public API's implementation). {@code ArchitectureTest} keeps it so.
 */
package io.jsylla.internal;
