package io.jsylla.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.KeyspaceMetadata;
import io.jsylla.NodeInfo;
import io.jsylla.internal.routing.TokenMap;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClusterStateTest {
    private static final String MURMUR3 = "org.apache.cassandra.dht.Murmur3Partitioner";
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 9042);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.2", 9042);
    private static final InetSocketAddress C = new InetSocketAddress("127.0.0.3", 9042);

    private static Node node(InetSocketAddress a, String token) {
        return new Node(a, UUID.nameUUIDFromBytes(a.toString().getBytes()), "dc1", "r1", "4.1", List.of(token), null, true);
    }

    private static KeyspaceMetadata keyspace(String name, int rf) {
        return new KeyspaceMetadata(name, true, Map.of("class", "SimpleStrategy", "replication_factor", String.valueOf(rf)),
                Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static ClusterState ring() {
        return ClusterState.EMPTY.withNodes("test", MURMUR3, List.of(
                node(C, "6000000000000000000"), node(A, "-6000000000000000000"), node(B, "0")))
                .withKeyspaces(Map.of("ks", keyspace("ks", 2)));
    }

    private static final ByteBuffer KEY = ByteBuffer.wrap(new byte[] {0, 0, 0, 1});

    @Test
    void theTokenMapIsBuiltWithTheState() {
        ClusterState s = ring();
        assertThat(s.tokenMap()).isNotNull();
        assertThat(s.getReplicas("ks", KEY)).hasSize(2);
        assertThat(s.getReplicas("ks", KEY)).allSatisfy(n -> assertThat(s.getNodes()).contains(n));
        // The same cached list each time: a state is complete once made.
        assertThat(s.getReplicas("ks", KEY)).isSameAs(s.getReplicas("ks", KEY));
    }

    @Test
    void nodesAreInAddressOrderAndTheirInfosAreTheUsersView() {
        ClusterState s = ring();
        assertThat(s.nodes()).extracting(Node::address).containsExactly(A, B, C);
        assertThat(s.getNodes()).extracting(NodeInfo::address).containsExactly(A, B, C);
        assertThat(s.getNodes().get(0)).isSameAs(s.node(A).info());
        assertThat(s.getClusterName()).isEqualTo("test");
        assertThat(s.getPartitioner()).isEqualTo(MURMUR3);
    }

    @Test
    void nodeDownMakesANewStateAndLeavesTheOldOneAsItWas() {
        ClusterState before = ring();
        List<NodeInfo> nodesBefore = before.getNodes();
        List<NodeInfo> replicasBefore = before.getReplicas("ks", KEY);

        ClusterState after = before.withNodeUp(B, false);

        assertThat(after).isNotSameAs(before);
        assertThat(after.node(B).isUp()).isFalse();
        assertThat(before.node(B).isUp()).isTrue();
        assertThat(before.getNodes()).isSameAs(nodesBefore).allMatch(NodeInfo::isUp);
        assertThat(before.getReplicas("ks", KEY)).isSameAs(replicasBefore);
        // The new token map is over the new node infos: a down replica shows as down.
        assertThat(after.tokenMap()).isNotSameAs(before.tokenMap());
        assertThat(after.getNodes()).filteredOn(n -> n.address().equals(B)).singleElement()
                .satisfies(n -> assertThat(n.isUp()).isFalse());
        for (NodeInfo r : after.getReplicas("ks", KEY)) assertThat(r.isUp()).isEqualTo(!r.address().equals(B));
    }

    @Test
    void anUpdateThatChangesNothingKeepsTheState() {
        ClusterState s = ring();
        assertThat(s.withNodeUp(A, true)).isSameAs(s);
        assertThat(s.withNodeUp(new InetSocketAddress("127.0.0.9", 9042), false)).isSameAs(s);
    }

    @Test
    void aRefreshThatFindsNothingNewKeepsTheState() {
        ClusterState s = ring();
        List<Node> same = List.of(node(B, "0"), node(A, "-6000000000000000000"), node(C, "6000000000000000000"));
        assertThat(s.withNodes("test", MURMUR3, same)).isSameAs(s);
        assertThat(s.withKeyspaces(Map.of("ks", keyspace("ks", 2)))).isSameAs(s);
        assertThat(s.withNodes("renamed", MURMUR3, same)).isNotSameAs(s);
        ClusterState moved = s.withNodes("test", MURMUR3, List.of(node(B, "1"), node(A, "-6000000000000000000"), node(C, "6000000000000000000")));
        assertThat(moved).isNotSameAs(s);
        assertThat(moved.tokenMap()).isNotSameAs(s.tokenMap());
    }

    @Test
    void aSchemaChangeKeepsTheRingAndRebuildsPlacement() {
        ClusterState before = ring();
        ClusterState after = before.withKeyspaces(Map.of("ks", keyspace("ks", 3), "other", keyspace("other", 1)));
        assertThat(after.tokenMap().ring()).isSameAs(before.tokenMap().ring());
        assertThat(after.getReplicas("ks", KEY)).hasSize(3);
        assertThat(after.getReplicas("other", KEY)).hasSize(1);
        assertThat(before.getReplicas("ks", KEY)).hasSize(2);
        assertThat(before.getKeyspaces()).containsOnlyKeys("ks");
        assertThat(after.nodes()).containsExactlyElementsOf(before.nodes());
    }

    @Test
    void withoutAKnownPartitionerThereIsNoTokenMap() {
        ClusterState s = ClusterState.EMPTY.withNodes("test", "com.example.Unknown", List.of(node(A, "0")));
        assertThat(s.tokenMap()).isNull();
        assertThat(s.getNodes()).hasSize(1);
        assertThat(ClusterState.EMPTY.tokenMap()).isNull();
    }

    @Test
    void metadataPublishesEachUpdateWhole() {
        Metadata m = new Metadata();
        ClusterState held = m.state();
        assertThat(held).isSameAs(ClusterState.EMPTY);

        Metadata.Change change = m.update(s -> ring());
        assertThat(change.before()).isSameAs(held);
        assertThat(m.state()).isSameAs(change.after());
        assertThat(held.nodes()).isEmpty(); // a held state never changes

        ClusterState full = m.state();
        m.markUp(A, false);
        assertThat(m.state()).isNotSameAs(full);
        assertThat(m.node(A).isUp()).isFalse();
        assertThat(full.node(A).isUp()).isTrue();
        TokenMap<NodeInfo> map = m.state().tokenMap();
        assertThat(map.ring().nodes()).extracting(NodeInfo::address).contains(A);
        assertThat(map.ring().nodes()).filteredOn(n -> n.address().equals(A)).allMatch(n -> !n.isUp());
    }

    @Test
    void concurrentUpdatesAreNotLost() throws InterruptedException {
        Metadata m = new Metadata();
        m.update(s -> ring());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            String prefix = "t" + t + "_";
            boolean up = t % 2 == 1;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    String name = prefix + i;
                    m.update(s -> {
                        Map<String, KeyspaceMetadata> ks = new java.util.HashMap<>(s.keyspaces());
                        ks.put(name, keyspace(name, 1));
                        return s.withKeyspaces(ks);
                    });
                    m.markUp(C, up);
                }
            });
        }
        for (Thread t : threads) t.start();
        for (Thread t : threads) t.join();
        ClusterState s = m.state();
        assertThat(s.keyspaces()).hasSize(1 + 4 * 50);
        // Whole: the token map is over this state's own node infos.
        assertThat(s.tokenMap().ring().nodes()).containsExactlyInAnyOrderElementsOf(s.getNodes());
    }
}
