package io.jsylla.examples;

import io.jsylla.ClusterData;
import io.jsylla.NodeInfo;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.PrintStream;

/** What the driver knows of the cluster: nodes, keyspaces, tables. */
public final class ClusterDataExample implements Example {
    @Override
    public String title() {
        return "Cluster data: nodes and schema";
    }

    @Override
    public void run(String contactPoint, PrintStream out) {
        try (Session session = SessionBuilder.create().knownNode(contactPoint).build()) {
            ClusterData data = session.getClusterData();
            out.println("  cluster '" + data.getClusterName() + "'");
            for (NodeInfo n : data.getNodes()) out.println("  node " + n);
            data.getKeyspace(Examples.KEYSPACE).ifPresent(k -> {
                out.println("  " + k.name() + " has tables " + k.tables().keySet());
                out.println("  " + k.getTable("users").orElseThrow().describe().replace("\n", "\n  "));
            });
        }
    }
}
