package io.jsylla.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SpeculativeExecutionsTest {
    private static final RequestInfo REQUEST = FakeCluster.UNROUTED;
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long INTERVAL = TimeUnit.SECONDS.toNanos(5);

    @Test
    void constantDelaysUpToMaxExecutions() {
        SpeculativeExecutionPolicy policy = SpeculativeExecutions.constant(Duration.ofMillis(20), 3);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(20);
        assertThat(policy.nextDelayMillis(REQUEST, 2)).isEqualTo(20);
        assertThat(policy.nextDelayMillis(REQUEST, 3)).isEqualTo(-1);
        assertThat(policy.nextDelayMillis(REQUEST, 4)).isEqualTo(-1);
    }

    @Test
    void constantDelayRoundsUpToTheMillisecond() {
        assertThat(SpeculativeExecutions.constant(Duration.ofNanos(500_000), 2).nextDelayMillis(REQUEST, 1)).isEqualTo(1);
        assertThat(SpeculativeExecutions.constant(Duration.ofNanos(1_500_000), 2).nextDelayMillis(REQUEST, 1)).isEqualTo(2);
    }

    @Test
    void constantValidation() {
        assertThatThrownBy(() -> SpeculativeExecutions.constant(Duration.ZERO, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delay");
        assertThatThrownBy(() -> SpeculativeExecutions.constant(Duration.ofMillis(-1), 2)).hasMessageContaining("delay");
        assertThatThrownBy(() -> SpeculativeExecutions.constant(Duration.ofMillis(10), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxExecutions");
    }

    @Test
    void percentileNeedsAHundredSamplesInTheLastInterval() {
        AtomicLong now = new AtomicLong(-INTERVAL / 2);
        SpeculativeExecutionPolicy policy = SpeculativeExecutions.percentile(99.0, 2, now::get);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(-1);
        for (int i = 0; i < 99; i++) policy.onLatency(10 * MS);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(-1); // the interval is not over
        now.addAndGet(INTERVAL);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(-1); // over, with 99 samples
        for (int i = 0; i < 100; i++) policy.onLatency(10 * MS);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(-1);
        now.addAndGet(INTERVAL);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(10);
    }

    @Test
    void percentileDelayIsAboutThePercentile() {
        AtomicLong now = new AtomicLong();
        SpeculativeExecutionPolicy policy = SpeculativeExecutions.percentile(99.0, 3, now::get);
        for (int ms = 1; ms <= 1000; ms++) policy.onLatency(ms * MS);
        now.addAndGet(INTERVAL);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isBetween(985L, 995L);
        assertThat(policy.nextDelayMillis(REQUEST, 2)).isBetween(985L, 995L);
        assertThat(policy.nextDelayMillis(REQUEST, 3)).isEqualTo(-1);
        // The next interval, faster, replaces it once complete.
        for (int i = 0; i < 200; i++) policy.onLatency(3 * MS);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isBetween(985L, 995L);
        now.addAndGet(INTERVAL);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(3);
        // A quiet interval: too little data, no speculation.
        now.addAndGet(INTERVAL);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(-1);
    }

    @Test
    void subMillisecondLatenciesGiveAtLeastOneMillisecond() {
        AtomicLong now = new AtomicLong();
        SpeculativeExecutionPolicy policy = SpeculativeExecutions.percentile(50, 2, now::get);
        for (int i = 0; i < 100; i++) policy.onLatency(200_000);
        now.addAndGet(INTERVAL);
        assertThat(policy.nextDelayMillis(REQUEST, 1)).isEqualTo(1);
    }

    @Test
    void percentileValidation() {
        assertThatThrownBy(() -> SpeculativeExecutions.percentile(0, 2)).hasMessageContaining("percentile");
        assertThatThrownBy(() -> SpeculativeExecutions.percentile(100.5, 2)).hasMessageContaining("percentile");
        assertThatThrownBy(() -> SpeculativeExecutions.percentile(Double.NaN, 2)).hasMessageContaining("percentile");
        assertThatThrownBy(() -> SpeculativeExecutions.percentile(99, 1)).hasMessageContaining("maxExecutions");
        assertThat(SpeculativeExecutions.percentile(100, 2).nextDelayMillis(REQUEST, 1)).isEqualTo(-1);
    }
}
