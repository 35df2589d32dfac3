package io.jsylla.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NodeTest {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 9042);
    private static final UUID HOST = UUID.randomUUID();

    private static Node node(String dc, boolean up) {
        return new Node(A, HOST, dc, "r1", "4.1", List.of("1", "2"), null, up);
    }

    @Test
    void nodesAreValues() {
        assertThat(node("dc1", true)).isEqualTo(node("dc1", true)).hasSameHashCodeAs(node("dc1", true));
        assertThat(node("dc1", true)).isNotEqualTo(node("dc2", true)).isNotEqualTo(node("dc1", false));
        assertThat(new Node(A, HOST, "dc1", "r1", "4.1", List.of("1", "2"), UUID.randomUUID(), true))
                .isNotEqualTo(node("dc1", true));
    }

    @Test
    void upOrDownIsANewNodeAtTheSameAddress() {
        Node up = node("dc1", true);
        Node down = up.withUp(false);
        assertThat(up.isUp()).isTrue();
        assertThat(down.isUp()).isFalse();
        assertThat(down.address()).isEqualTo(up.address());
        assertThat(down.tokens()).isEqualTo(up.tokens());
        assertThat(up.withUp(true)).isSameAs(up);
    }

    @Test
    void infoIsMadeOnceAndMatchesTheNode() {
        Node n = node("dc1", true);
        assertThat(n.info()).isSameAs(n.info());
        assertThat(n.info().address()).isEqualTo(A);
        assertThat(n.info().datacenter()).isEqualTo("dc1");
        assertThat(n.info().hostId()).isEqualTo(HOST);
        assertThat(n.info().tokens()).containsExactly("1", "2");
        assertThat(n.info().shardCount()).isEmpty();
    }
}
