package io.jsylla.testkit.junit;

import io.jsylla.testkit.CassandraCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One Cassandra node shared by every test class of a run that uses this extension: started on
 * first use, stopped when the run ends. Inject it as a {@code CassandraCluster} or
 * {@code CassandraNode} parameter (of a test, constructor or {@code @BeforeAll} method).
 *
 * <pre>{@code
 * @ExtendWith(SharedCassandraNode.class)
 * class MyIT {
 *     @Test void works(CassandraCluster node) { ... node.contactPoint() ... }
 * }
 * }</pre>
 *
 * <p>The node listens on {@code 127.0.0.1:19042} (native) and 17000 (storage). Tests must leave
 * it running: a test that kills a node belongs on a cluster of its own.
 */
public final class SharedCassandraNode implements ParameterResolver {

    /** The shared node's configuration, for a test that wants to know or copy it. */
    public static CassandraCluster.Builder configuration() {
        return CassandraCluster.builder().name("shared-node").nodes(1)
                .nativePort(19042 + SharedClusters.portOffset()).storagePort(17000 + SharedClusters.portOffset())
                .jmxPort(17199 + SharedClusters.portOffset());
    }

    /** The shared node, started if this is its first use in the run. */
    public static CassandraCluster get(ExtensionContext context) {
        return SharedClusters.get(context, "node", SharedCassandraNode::configuration);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext context) {
        return SharedClusters.supports(p);
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext context) {
        return SharedClusters.resolve(p, get(context));
    }
}
