package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShardingTest {

    @ParameterizedTest(name = "{0} -> {3} (n={1}, msb={2})")
    @CsvSource({
            // gocql scylla_tokens_test.go and the Rust driver's test_shard_of
            "-9219783007514621794, 4, 12, 3",
            "-9218910161940551519, 4, 12, 3",
            "-9217148724365525195, 4, 12, 1",
            "-9215501124608928187, 4, 12, 2",
            "-9209452951616763088, 4, 12, 0",
            "9222582454147032830, 4, 12, 3",
            // SCYLLA.md section 1, extra vectors
            "-9223372036854775808, 4, 12, 0", "-9223372036854775808, 12, 12, 0",
            "-9223372036854775808, 16, 0, 0", "-9223372036854775808, 12, 0, 0",
            "-1, 4, 12, 3", "-1, 12, 12, 11", "-1, 16, 0, 7", "-1, 12, 0, 5",
            "0, 4, 12, 0", "0, 12, 12, 0", "0, 16, 0, 8", "0, 12, 0, 6",
            "9223372036854775807, 4, 12, 3", "9223372036854775807, 12, 12, 11",
            "9223372036854775807, 16, 0, 15", "9223372036854775807, 12, 0, 11",
            "123456789012345678, 4, 12, 1", "123456789012345678, 12, 12, 4",
            "123456789012345678, 16, 0, 8", "123456789012345678, 12, 0, 6",
    })
    void matchesTheDriversVectors(long token, int shards, int ignoreMsb, int shard) {
        assertThat(Sharding.shardOf(token, shards, ignoreMsb)).isEqualTo(shard);
    }

    @Test
    void agreesWith128BitArithmeticAndTheDriversSplitFormula() {
        SplittableRandom random = new SplittableRandom(42);
        BigInteger two64 = BigInteger.ONE.shiftLeft(64);
        for (int i = 0; i < 100_000; i++) {
            long token = random.nextLong();
            int shards = 1 + random.nextInt(256);
            int msb = random.nextInt(64);
            BigInteger biased = new BigInteger(Long.toUnsignedString((token + Long.MIN_VALUE) << msb));
            int expected = biased.multiply(BigInteger.valueOf(shards)).divide(two64).intValueExact();
            assertThat(Sharding.shardOf(token, shards, msb)).isEqualTo(expected).isEqualTo(splitFormula(token, shards, msb));
        }
    }

    /** The protocol document's Java version (32-bit halves), as the Java and Go drivers compute it. */
    private static int splitFormula(long token, int shards, int msb) {
        token += Long.MIN_VALUE;
        token <<= msb;
        long lo = token & 0xffffffffL, hi = (token >>> 32) & 0xffffffffL;
        long sum = ((lo * shards) >>> 32) + hi * shards;
        return (int) (sum >>> 32);
    }
}
