package io.jsylla.policies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReconnectionPolicyTest {

    @Test
    void exponentialDoublesWithinJitterUpToTheCap() {
        long base = 1000;
        long max = 60_000;
        ReconnectionPolicy policy = ReconnectionPolicy.exponential(Duration.ofMillis(base), Duration.ofMillis(max));
        for (int episode = 0; episode < 50; episode++) {
            ReconnectionPolicy.Schedule schedule = policy.newSchedule();
            for (int attempt = 0; attempt < 40; attempt++) {
                long nominal = Math.min(max, base << Math.min(attempt, 30));
                long delay = schedule.nextDelay().toMillis();
                assertThat(delay).as("attempt %d", attempt)
                        .isBetween(Math.max(base, (long) (nominal * 0.85)), Math.min(max, (long) Math.ceil(nominal * 1.15)));
            }
        }
    }

    @Test
    void exponentialIsJittered() {
        ReconnectionPolicy policy = ReconnectionPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(60));
        Set<Long> fourthDelays = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ReconnectionPolicy.Schedule schedule = policy.newSchedule();
            for (int attempt = 0; attempt < 3; attempt++) schedule.nextDelay();
            fourthDelays.add(schedule.nextDelay().toMillis());
        }
        // 8 s +-15%: 50 draws among 2400 values all equal would mean no jitter.
        assertThat(fourthDelays.size()).isGreaterThan(1);
    }

    @Test
    void schedulesAreIndependent() {
        ReconnectionPolicy policy = ReconnectionPolicy.exponential(Duration.ofMillis(100), Duration.ofMillis(100_000));
        ReconnectionPolicy.Schedule first = policy.newSchedule();
        for (int i = 0; i < 10; i++) first.nextDelay();
        assertThat(policy.newSchedule().nextDelay().toMillis()).isBetween(100L, 115L);
    }

    @Test
    void defaultIsExponentialFromOneToSixtySeconds() {
        ReconnectionPolicy.Schedule schedule = ReconnectionPolicy.defaultPolicy().newSchedule();
        assertThat(schedule.nextDelay()).isBetween(Duration.ofSeconds(1), Duration.ofMillis(1150));
        for (int i = 0; i < 20; i++) schedule.nextDelay();
        assertThat(schedule.nextDelay()).isBetween(Duration.ofSeconds(51), Duration.ofSeconds(60));
    }

    @Test
    void exponentialValidation() {
        assertThatThrownBy(() -> ReconnectionPolicy.exponential(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectionPolicy.exponential(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectionPolicy.exponential(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constantIsConstant() {
        ReconnectionPolicy.Schedule schedule = ReconnectionPolicy.constant(Duration.ofMillis(250)).newSchedule();
        for (int i = 0; i < 10; i++) assertThat(schedule.nextDelay()).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> ReconnectionPolicy.constant(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReconnectionPolicy.constant(Duration.ofMillis(-5))).isInstanceOf(IllegalArgumentException.class);
    }
}
