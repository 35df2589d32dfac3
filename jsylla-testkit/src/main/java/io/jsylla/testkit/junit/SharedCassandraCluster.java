package io.jsylla.testkit.junit;

import io.jsylla.testkit.CassandraCluster;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A three-node Cassandra cluster (127.0.0.1..3, one datacenter {@code dc1}) shared by every test
 * class of a run that uses this extension. Inject it as a {@code CassandraCluster} parameter.
 *
 * <p>Its ports (native 19142, storage 17100, JMX 17299-17301) differ from
 * {@link SharedCassandraNode}'s, so both can run at once. A test that stops or kills a node must
 * start it again before it ends, so the next test finds three nodes up.
 */
public final class SharedCassandraCluster implements ParameterResolver {

    public static CassandraCluster.Builder configuration() {
        return CassandraCluster.builder().name("shared-cluster").nodes(3)
                .nativePort(19142 + SharedClusters.portOffset()).storagePort(17100 + SharedClusters.portOffset())
                .jmxPort(17299 + SharedClusters.portOffset());
    }

    public static CassandraCluster get(ExtensionContext context) {
        return SharedClusters.get(context, "cluster", SharedCassandraCluster::configuration);
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
