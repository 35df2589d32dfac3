package io.jsylla;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CqlDurationTest {

    private static final long HOUR = 3_600_000_000_000L;

    @Test
    void parsesCqlUnits() {
        CqlDuration d = CqlDuration.parse("1y2mo3w4d5h6m7s8ms9us10ns");
        assertThat(d.months()).isEqualTo(14);
        assertThat(d.days()).isEqualTo(25);
        assertThat(d.nanoseconds()).isEqualTo(5 * HOUR + 6 * 60_000_000_000L + 7_000_000_000L + 8_000_000L + 9_000L + 10L);
        assertThat(CqlDuration.parse("-2d10h")).isEqualTo(CqlDuration.of(0, -2, -10 * HOUR));
        assertThat(CqlDuration.parse("3µs")).isEqualTo(CqlDuration.of(0, 0, 3_000));
        assertThat(CqlDuration.parse("1H30M")).isEqualTo(CqlDuration.of(0, 0, 90 * 60_000_000_000L));
        assertThat(CqlDuration.parse("0s")).isEqualTo(CqlDuration.of(0, 0, 0));
    }

    @Test
    void parsesIso8601() {
        assertThat(CqlDuration.parse("P1Y2M3DT4H5M6S")).isEqualTo(CqlDuration.of(14, 3, 4 * HOUR + 5 * 60_000_000_000L + 6_000_000_000L));
        assertThat(CqlDuration.parse("P2W")).isEqualTo(CqlDuration.of(0, 14, 0));
        assertThat(CqlDuration.parse("-P1D")).isEqualTo(CqlDuration.of(0, -1, 0));
        assertThat(CqlDuration.parse("PT0.5S")).isEqualTo(CqlDuration.of(0, 0, 500_000_000));
        assertThat(CqlDuration.parse("PT1M")).isEqualTo(CqlDuration.of(0, 0, 60_000_000_000L));
        assertThat(CqlDuration.parse("P1M")).isEqualTo(CqlDuration.of(1, 0, 0));
        assertThat(CqlDuration.parse("P0001-02-03T04:05:06")).isEqualTo(CqlDuration.parse("P1Y2M3DT4H5M6S"));
    }

    @Test
    void rejectsMalformedText() {
        for (String bad : new String[] {"", "-", "1", "1x", "h", "1h1h", "1s1h", "P", "PT", "P1YT", "P1W2D", "1h 2m", "--1h"}) {
            assertThatThrownBy(() -> CqlDuration.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> CqlDuration.parse("300000000y")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("out of range");
        assertThatThrownBy(() -> CqlDuration.parse("9999999999999h")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toStringUsesCqlUnits() {
        assertThat(CqlDuration.of(0, 0, 0)).hasToString("0s");
        assertThat(CqlDuration.of(1, 2, 3 * HOUR)).hasToString("1mo2d3h");
        assertThat(CqlDuration.of(14, 0, 0)).hasToString("1y2mo");
        assertThat(CqlDuration.of(-1, -2, -3)).hasToString("-1mo2d3ns");
        assertThat(CqlDuration.of(0, 0, 90_061_001_001_001L)).hasToString("25h1m1s1ms1us1ns");
        assertThat(CqlDuration.of(Integer.MIN_VALUE, Integer.MIN_VALUE, Long.MIN_VALUE).toString())
                .isEqualTo("-178956970y8mo2147483648d2562047h47m16s854ms775us808ns");
    }

    @Test
    void toStringParsesBack() {
        Random random = new Random(7);
        for (int i = 0; i < 500; i++) {
            int sign = random.nextBoolean() ? 1 : -1;
            CqlDuration d = CqlDuration.of(sign * random.nextInt(1 << random.nextInt(31)),
                    sign * random.nextInt(1 << random.nextInt(31)), sign * (random.nextLong() >>> (1 + random.nextInt(63))));
            assertThat(CqlDuration.parse(d.toString())).as(d.toString()).isEqualTo(d);
        }
        CqlDuration max = CqlDuration.of(Integer.MAX_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE);
        assertThat(CqlDuration.parse(max.toString())).isEqualTo(max);
    }

    @Test
    void partsMustShareOneSign() {
        assertThatThrownBy(() -> CqlDuration.of(1, -1, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one sign");
        assertThatThrownBy(() -> CqlDuration.of(0, 1, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(CqlDuration.of(0, -1, 0).days()).isEqualTo(-1);
    }

    @Test
    void fromJavaDuration() {
        assertThat(CqlDuration.from(Duration.ofMinutes(-90))).isEqualTo(CqlDuration.of(0, 0, -90 * 60_000_000_000L));
        assertThatThrownBy(() -> CqlDuration.from(Duration.ofDays(200 * 365L * 2))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equality() {
        assertThat(CqlDuration.of(1, 2, 3)).isEqualTo(CqlDuration.of(1, 2, 3)).hasSameHashCodeAs(CqlDuration.of(1, 2, 3));
        assertThat(CqlDuration.of(1, 0, 0)).isNotEqualTo(CqlDuration.of(0, 30, 0));
    }
}
