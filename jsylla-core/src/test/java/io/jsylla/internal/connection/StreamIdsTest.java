package io.jsylla.internal.connection;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamIdsTest {

    @Test
    void handsOutEveryIdOnceThenRunsOut() {
        // 1 and 63/64/65 sit on word boundaries of the bitmap; 100 leaves unused bits in the last word
        for (int capacity : new int[] {1, 2, 63, 64, 65, 100, 128, StreamIds.MAX}) {
            StreamIds ids = new StreamIds(capacity);
            Set<Integer> seen = new HashSet<>();
            for (int i = 0; i < capacity; i++) {
                int id = ids.acquire();
                assertThat(id).isBetween(0, capacity - 1);
                assertThat(seen.add(id)).as("id %d handed out twice", id).isTrue();
            }
            assertThat(ids.inUse()).isEqualTo(capacity);
            assertThat(ids.acquire()).isEqualTo(-1);
            assertThat(ids.acquire()).isEqualTo(-1);
            assertThat(ids.inUse()).isEqualTo(capacity);
        }
    }

    @Test
    void aReleasedIdIsReusedOnceTheOthersAreTaken() {
        StreamIds ids = new StreamIds(100);
        for (int i = 0; i < 100; i++) ids.acquire();
        ids.release(37);
        assertThat(ids.inUse()).isEqualTo(99);
        assertThat(ids.acquire()).isEqualTo(37);
        assertThat(ids.acquire()).isEqualTo(-1);
    }

    @Test
    void aJustReleasedIdIsNotHandedOutAgainAtOnce() {
        StreamIds ids = new StreamIds(128);
        assertThat(ids.acquire()).isZero();
        ids.release(0);
        // a late answer to the old request on id 0 must not be mistaken for the next request's
        assertThat(ids.acquire()).isEqualTo(1);
        ids.release(1);
        assertThat(ids.acquire()).isEqualTo(2);
    }

    @Test
    void theSearchWrapsAroundToIdsBelowTheStart() {
        StreamIds ids = new StreamIds(200);
        for (int i = 0; i < 200; i++) ids.acquire();
        ids.release(10);
        ids.release(70); // another word
        assertThat(ids.acquire()).isEqualTo(10);
        assertThat(ids.acquire()).isEqualTo(70);
        ids.release(15); // below the start (71), in an earlier word
        ids.release(65); // below the start, in the start's word
        assertThat(ids.acquire()).isEqualTo(15);
        assertThat(ids.acquire()).isEqualTo(65);
        assertThat(ids.acquire()).isEqualTo(-1);
    }

    @Test
    void behavesLikeARotatingFirstFitModel() {
        // model: the first free id at or after the one following the last handed out, cyclically
        Random random = new Random(42);
        for (int capacity : new int[] {3, 64, 130, 1000}) {
            StreamIds ids = new StreamIds(capacity);
            BitSet taken = new BitSet(capacity);
            int next = 0;
            for (int step = 0; step < 20_000; step++) {
                if (random.nextInt(100) < 55) {
                    int expected = firstFree(taken, next, capacity);
                    int id = ids.acquire();
                    assertThat(id).as("step %d", step).isEqualTo(expected);
                    if (id >= 0) {
                        taken.set(id);
                        next = (id + 1) % capacity;
                    }
                } else if (!taken.isEmpty()) {
                    int id = nthSet(taken, random.nextInt(taken.cardinality()));
                    ids.release(id);
                    taken.clear(id);
                }
                assertThat(ids.inUse()).isEqualTo(taken.cardinality());
            }
        }
    }

    private static int firstFree(BitSet taken, int from, int capacity) {
        for (int i = 0; i < capacity; i++) {
            int id = (from + i) % capacity;
            if (!taken.get(id)) return id;
        }
        return -1;
    }

    private static int nthSet(BitSet bits, int n) {
        int id = bits.nextSetBit(0);
        for (int i = 0; i < n; i++) id = bits.nextSetBit(id + 1);
        return id;
    }

    @Test
    void releasingTwiceIsRefused() {
        StreamIds ids = new StreamIds(8);
        int id = ids.acquire();
        ids.release(id);
        assertThatThrownBy(() -> ids.release(id)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("stream id " + id);
        assertThatThrownBy(() -> ids.release(5)).isInstanceOf(IllegalStateException.class);
        assertThat(ids.inUse()).isZero();
    }

    @Test
    void countsOrphans() {
        StreamIds ids = new StreamIds(8);
        int a = ids.acquire();
        ids.acquire();
        ids.orphan();
        assertThat(ids.orphaned()).isEqualTo(1);
        assertThat(ids.inUse()).isEqualTo(2); // an orphan keeps its id
        ids.release(a);
        ids.unorphan();
        assertThat(ids.orphaned()).isZero();
        assertThat(ids.inUse()).isEqualTo(1);
    }

    @Test
    void capacityIsBounded() {
        assertThatThrownBy(() -> new StreamIds(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StreamIds(StreamIds.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new StreamIds(StreamIds.MAX).capacity()).isEqualTo(StreamIds.MAX);
    }
}
