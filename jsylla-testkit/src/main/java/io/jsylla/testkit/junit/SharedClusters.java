package io.jsylla.testkit.junit;

import io.jsylla.testkit.CassandraCluster;
import io.jsylla.testkit.CassandraNode;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;

/**
 * Keeps clusters in the root store of a JUnit run, so one start serves every test class that
 * asks for the same cluster, and JUnit closes it when the run ends.
 */
final class SharedClusters {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedClusters.class);

    /** Added to every port of the shared clusters, so two builds on one machine can run side by side. */
    static final String PORT_OFFSET_PROPERTY = "jsylla.testkit.portOffset";

    private SharedClusters() {}

    static int portOffset() {
        String v = System.getProperty(PORT_OFFSET_PROPERTY, "0").trim();
        try {
            int offset = Integer.parseInt(v);
            if (offset < 0 || offset > 20000) throw new NumberFormatException();
            return offset;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + PORT_OFFSET_PROPERTY + " must be a number from 0 to 20000: " + v);
        }
    }

    /**
     * A stored cluster, or why it failed to start: one failed start fails every test that asks,
     * without starting again each time. JUnit (5.13+) closes AutoCloseable store values.
     */
    private record Holder(CassandraCluster cluster, RuntimeException failure) implements AutoCloseable {
        static Holder start(CassandraCluster cluster) {
            try {
                return new Holder(cluster.start(), null);
            } catch (RuntimeException e) {
                cluster.close();
                return new Holder(cluster, e);
            }
        }

        CassandraCluster get() {
            if (failure != null) throw new IllegalStateException("The shared cluster failed to start: " + failure.getMessage(), failure);
            return cluster;
        }

        @Override
        public void close() {
            cluster.close();
        }
    }

    static CassandraCluster get(ExtensionContext context, String key, Supplier<CassandraCluster.Builder> config) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(key, k -> Holder.start(config.get().build()), Holder.class)
                .get();
    }

    static boolean supports(ParameterContext p) {
        Class<?> t = p.getParameter().getType();
        return t == CassandraCluster.class || t == CassandraNode.class;
    }

    static Object resolve(ParameterContext p, CassandraCluster cluster) {
        return p.getParameter().getType() == CassandraNode.class ? cluster.node(1) : cluster;
    }
}
