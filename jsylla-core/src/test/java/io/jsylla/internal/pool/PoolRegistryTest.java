package io.jsylla.internal.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PoolRegistryTest {
    private static final InetSocketAddress A = new InetSocketAddress("127.0.0.1", 9042);
    private static final InetSocketAddress B = new InetSocketAddress("127.0.0.2", 9042);

    /** A pool that never connects: made but not initialized. */
    private static NodePool pool(InetSocketAddress a) {
        return new NodePool(a, a.toString(), null, 1, null, null, null, (x, up) -> {}, io.jsylla.internal.pool.ShardAwareness.DEFAULT);
    }

    @Test
    void addsOnePoolPerAddress() {
        PoolRegistry r = new PoolRegistry();
        AtomicInteger made = new AtomicInteger();
        NodePool a = r.add(A, x -> { made.incrementAndGet(); return pool(x); });
        assertThat(r.add(A, x -> { made.incrementAndGet(); return pool(x); })).isSameAs(a);
        assertThat(made).hasValue(1);
        assertThat(r.get(A)).isSameAs(a);
        assertThat(a.address()).isEqualTo(A);
        assertThat(r.get(B)).isNull();
    }

    @Test
    void removeTakesThePoolOut() {
        PoolRegistry r = new PoolRegistry();
        r.add(A, PoolRegistryTest::pool);
        NodePool b = r.add(B, PoolRegistryTest::pool);
        assertThat(r.remove(A)).isCompleted();
        assertThat(r.get(A)).isNull();
        assertThat(r.all()).containsExactly(b);
        assertThat(r.remove(A)).isCompleted(); // twice is harmless
    }

    @Test
    void closeAllEmptiesAndRefusesNewPools() {
        PoolRegistry r = new PoolRegistry();
        r.add(A, PoolRegistryTest::pool);
        r.add(B, PoolRegistryTest::pool);
        assertThat(r.closeAll()).isCompleted();
        assertThat(r.all()).isEmpty();
        assertThat(r.add(A, PoolRegistryTest::pool)).isNull();
        assertThat(r.get(A)).isNull();
    }

    @Test
    void thePoolCountsItsNodesRequests() {
        NodePool p = pool(A);
        p.countRequest();
        p.countRequest();
        assertThat(p.requestCount()).isEqualTo(2);
    }

    @Test
    void aPoolLocalIsMadeOncePerPool() {
        AtomicInteger made = new AtomicInteger();
        PoolLocal<String> local = new PoolLocal<>(a -> "from " + a.getPort() + " #" + made.incrementAndGet());
        PoolLocal<Integer> other = new PoolLocal<>(a -> 7);
        NodePool a = pool(A);
        NodePool b = pool(B);
        String first = local.get(a);
        assertThat(local.get(a)).isSameAs(first);
        assertThat(other.get(a)).isEqualTo(7);
        assertThat(local.get(a)).isSameAs(first);
        assertThat(local.get(b)).isNotSameAs(first);
        assertThat(made).hasValue(2);
    }
}
