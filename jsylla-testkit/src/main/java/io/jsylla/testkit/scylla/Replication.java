package io.jsylla.testkit.scylla;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A keyspace's replication, as {@code system_schema.keyspaces.replication} states it, reduced to
 * what replica placement needs.
 *
 * @param factor the replication factor of {@code SimpleStrategy}
 * @param perDatacenter the factors of {@code NetworkTopologyStrategy}, empty for SimpleStrategy
 * @param everywhere every node holds everything ({@code LocalStrategy}: system keyspaces are
 *                   local to each node, so no coordinator is a "wrong" one for them)
 */
public record Replication(int factor, Map<String, Integer> perDatacenter, boolean everywhere) {

    public static Replication simple(int factor) {
        return new Replication(factor, Map.of(), false);
    }

    /**
     * Reads a replication map; null for a strategy this simulator does not model (the requests
     * of such keyspaces are then not judged replica or not).
     */
    public static Replication parse(Map<String, String> replication) {
        String strategy = replication.getOrDefault("class", "");
        String simpleName = strategy.substring(strategy.lastIndexOf('.') + 1);
        switch (simpleName) {
            case "SimpleStrategy":
                return simple(factor(replication.get("replication_factor")));
            case "NetworkTopologyStrategy": {
                Map<String, Integer> dcs = new LinkedHashMap<>();
                replication.forEach((k, v) -> {
                    if (!k.equals("class") && !k.equals("replication_factor")) dcs.put(k, factor(v));
                });
                return new Replication(0, Map.copyOf(dcs), false);
            }
            case "LocalStrategy", "EverywhereStrategy":
                return new Replication(0, Map.of(), true);
            default:
                return null;
        }
    }

    /** "3", or "3/1" with transient replicas (all of them still replicas). */
    private static int factor(String value) {
        if (value == null) return 0;
        int slash = value.indexOf('/');
        return Integer.parseInt((slash < 0 ? value : value.substring(0, slash)).trim());
    }
}
