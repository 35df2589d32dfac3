package io.jsylla.internal.routing;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardingTest {

    @Test
    void vectorsFromOtherDriversTests() {
        Sharding s = new Sharding(4, 12); // gocql's and the Rust driver's tests
        assertThat(s.shardOf(-9219783007514621794L)).isEqualTo(3);
        assertThat(s.shardOf(-9218910161940551519L)).isEqualTo(3);
        assertThat(s.shardOf(-9217148724365525195L)).isEqualTo(1);
        assertThat(s.shardOf(-9215501124608928187L)).isEqualTo(2);
        assertThat(s.shardOf(-9209452951616763088L)).isEqualTo(0);
        assertThat(s.shardOf(9222582454147032830L)).isEqualTo(3);
    }

    @Test
    void edgeTokensForSeveralShardCountsAndIgnoreMsb() {
        long[] tokens = {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE, 123456789012345678L};
        // columns: (4, 12), (12, 12), (16, 0), (12, 0), computed with the reference formula
        int[][] expected = {{0, 0, 0, 0}, {3, 11, 7, 5}, {0, 0, 8, 6}, {3, 11, 15, 11}, {1, 4, 8, 6}};
        Sharding[] shardings = {new Sharding(4, 12), new Sharding(12, 12), new Sharding(16, 0), new Sharding(12, 0)};
        for (int t = 0; t < tokens.length; t++) {
            for (int k = 0; k < shardings.length; k++) {
                assertThat(shardings[k].shardOf(tokens[t])).as("token %d, %s", tokens[t], shardings[k]).isEqualTo(expected[t][k]);
            }
        }
    }

    @Test
    void agreesWithTheFormulaInArbitraryPrecision() {
        SplittableRandom random = new SplittableRandom(7);
        BigInteger twoTo63 = BigInteger.ONE.shiftLeft(63);
        BigInteger mask64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
        for (int i = 0; i < 20_000; i++) {
            long token = random.nextLong();
            int shards = 1 + random.nextInt(256);
            int msb = random.nextInt(2) == 0 ? 12 : random.nextInt(20);
            BigInteger biased = BigInteger.valueOf(token).add(twoTo63).shiftLeft(msb).and(mask64);
            int want = biased.multiply(BigInteger.valueOf(shards)).shiftRight(64).intValueExact();
            int got = new Sharding(shards, msb).shardOf(token);
            assertThat(got).as("token %d shards %d msb %d", token, shards, msb).isEqualTo(want).isBetween(0, shards - 1);
        }
    }

    @Test
    void unsignedMultiplyHighIsNotTheSignedOne() {
        assertThat(Sharding.unsignedMultiplyHigh(-1L, 2)).isEqualTo(1);
        assertThat(Math.multiplyHigh(-1L, 2)).isEqualTo(-1);
        assertThat(Sharding.unsignedMultiplyHigh(-1L, -1L)).isEqualTo(-2L); // (2^64-1)^2 >> 64 = 2^64 - 2
    }

    @Test
    void tokensOfOtherPartitionersHaveShardZero() {
        assertThat(new Sharding(8, 12).shardOf(RandomPartitioner.INSTANCE.hash(java.nio.ByteBuffer.wrap(new byte[] {1})))).isZero();
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Sharding(0, 12)).hasMessageContaining("shard count 0");
        assertThatThrownBy(() -> new Sharding(4, 64)).hasMessageContaining("ignore_msb 64");
    }
}
