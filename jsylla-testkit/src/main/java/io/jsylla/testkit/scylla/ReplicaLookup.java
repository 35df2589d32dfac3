package io.jsylla.testkit.scylla;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a node is a replica of a token in a keyspace: the ring, plus each keyspace's
 * replication read from the real cluster. A keyspace's replication is (re)read whenever a
 * statement on it is prepared, before the PREPARED answer reaches the client, so it is known by
 * the first EXECUTE and follows a keyspace dropped and created again.
 */
final class ReplicaLookup {
    private static final Logger log = LoggerFactory.getLogger(ReplicaLookup.class);

    private final TokenRing ring;
    private final Function<String, Replication> reader;
    private final Executor executor;
    private final Map<String, Optional<Replication>> known = new ConcurrentHashMap<>();

    /** @param reader reads a keyspace's replication (blocking; null when not modelled) */
    ReplicaLookup(TokenRing ring, Function<String, Replication> reader, Executor executor) {
        this.ring = ring;
        this.reader = reader;
        this.executor = executor;
    }

    /** Reads the keyspace's replication again, off the event loop; never fails. */
    CompletableFuture<Void> refresh(String keyspace) {
        return CompletableFuture.runAsync(() -> {
            try {
                known.put(keyspace, Optional.ofNullable(reader.apply(keyspace)));
            } catch (RuntimeException e) {
                log.debug("Cannot read the replication of {}: {}", keyspace, e.toString());
                known.put(keyspace, Optional.empty());
            }
        }, executor);
    }

    /** True or false when known; null when the keyspace's replication is not (yet) known. */
    Boolean isReplica(int node, String keyspace, long token) {
        Optional<Replication> r = known.get(keyspace);
        if (r == null || r.isEmpty()) return null;
        return ring.replicas(token, r.get()).contains(node);
    }

    /** Whether the node is the token's primary replica (first in ring order); null when not known. */
    Boolean isPrimary(int node, String keyspace, long token) {
        Optional<Replication> r = known.get(keyspace);
        if (r == null || r.isEmpty()) return null;
        return ring.primary(token, r.get()) == node;
    }
}
