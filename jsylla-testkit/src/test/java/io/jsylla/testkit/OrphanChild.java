package io.jsylla.testkit;

/**
 * A stand-in for a test JVM that dies without running its shutdown hooks: it starts a node,
 * prints the node's pid, and waits to be killed. Run by {@link OrphanIT}.
 */
public final class OrphanChild {
    private OrphanChild() {}

    public static void main(String[] args) throws Exception {
        boolean stopWithOwner = Boolean.parseBoolean(args[1]);
        CassandraCluster cluster = OrphanIT.node(args[0]).stopWithOwner(stopWithOwner).build().start();
        System.out.println("NODE-PID " + cluster.node(1).pid().getAsLong());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
