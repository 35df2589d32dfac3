package io.jsylla.testkit.internal;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Which nodes one node's failure detector holds up and down, read over the node's local JMX
 * port: the same view {@code nodetool status} prints. CQL shows peers, not their liveness.
 *
 * @param live storage endpoints ({@code host:port}) seen up, the node itself included
 * @param unreachable storage endpoints seen down
 * @param operationMode the node's mode, {@code NORMAL} once it has joined the ring
 */
public record GossipView(Set<String> live, Set<String> unreachable, String operationMode) {
    private static final ExecutorService JMX = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jsylla-testkit-jmx");
        t.setDaemon(true);
        return t;
    });

    /**
     * Reads the view of the node whose JMX listens on {@code 127.0.0.1:jmxPort}. RMI has no
     * overall timeout of its own, so the call runs on a helper thread and is abandoned after
     * {@code timeoutMillis}.
     */
    public static GossipView read(int jmxPort, long timeoutMillis) throws Exception {
        CompletableFuture<GossipView> f = CompletableFuture.supplyAsync(() -> {
            try {
                JMXServiceURL url = new JMXServiceURL("service:jmx:rmi:///jndi/rmi://127.0.0.1:" + jmxPort + "/jmxrmi");
                try (JMXConnector c = JMXConnectorFactory.connect(url)) {
                    MBeanServerConnection m = c.getMBeanServerConnection();
                    ObjectName ss = new ObjectName("org.apache.cassandra.db:type=StorageService");
                    return new GossipView(endpoints(m.getAttribute(ss, "LiveNodesWithPort")),
                            endpoints(m.getAttribute(ss, "UnreachableNodesWithPort")),
                            String.valueOf(m.getAttribute(ss, "OperationMode")));
                }
            } catch (Exception e) {
                throw new IllegalStateException("JMX on 127.0.0.1:" + jmxPort + ": " + e, e);
            }
        }, JMX);
        return f.get(timeoutMillis, TimeUnit.MILLISECONDS);
    }

    private static Set<String> endpoints(Object attribute) {
        Set<String> out = new TreeSet<>();
        if (attribute instanceof List<?> list) {
            for (Object o : list) {
                String s = String.valueOf(o);
                out.add(s.startsWith("/") ? s.substring(1) : s);
            }
        }
        return out;
    }
}
