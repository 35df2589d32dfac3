package io.jsylla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Stats.median(5, 1, 3)).isEqualTo(3);
        assertThat(Stats.median(7)).isEqualTo(7);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(Stats.median(4, 1, 3, 10)).isEqualTo(3.5);
    }

    @Test
    void medianLeavesOutMissingFigures() {
        assertThat(Stats.median(Double.NaN, 2, 4)).isEqualTo(3);
        assertThat(Stats.median(Double.NaN)).isNaN();
        assertThat(Stats.median()).isNaN();
    }

    @Test
    void ratioIsTheValueOverTheBaseAndMissingWhenTheBaseIs() {
        assertThat(Stats.ratio(150, 100)).isEqualTo(1.5);
        assertThat(Stats.ratio(1, 0)).isNaN();
        assertThat(Stats.ratio(1, Double.NaN)).isNaN();
    }

    @Test
    void reportTakesMediansOverRoundsAndRatiosToJsylla() {
        Report report = new Report(List.of(Driver.JSYLLA, Driver.APACHE), List.of(
                run("jsylla", 1, 1000, 10), run("apache", 1, 500, 40),
                run("jsylla", 2, 1200, 12), run("apache", 2, 700, 30),
                run("jsylla", 3, 1100, 11), run("apache", 3, 600, 20)), Map.of(), false);
        assertThat(report.median(Driver.JSYLLA, Metric.OPS_PER_SECOND)).isEqualTo(1100);
        assertThat(report.median(Driver.APACHE, Metric.OPS_PER_SECOND)).isEqualTo(600);
        assertThat(report.ratioToJsylla(Driver.APACHE, Metric.OPS_PER_SECOND)).isCloseTo(600.0 / 1100, within(1e-9));
        assertThat(report.ratioToJsylla(Driver.APACHE, Metric.CPU)).isCloseTo(30.0 / 11, within(1e-9));
        assertThat(report.ratioToJsylla(Driver.JSYLLA, Metric.CPU)).isEqualTo(1);
        assertThat(report.allSucceeded()).isTrue();
    }

    @Test
    void aFailedRunIsLeftOutOfTheMediansAndFailsTheReport() {
        Report report = new Report(List.of(Driver.JSYLLA), List.of(run("jsylla", 1, 1000, 10),
                RunResult.failed(Driver.JSYLLA, 2, "boom"), run("jsylla", 3, 2000, 10)), Map.of(), false);
        assertThat(report.median(Driver.JSYLLA, Metric.OPS_PER_SECOND)).isEqualTo(1500);
        assertThat(report.errors(Driver.JSYLLA)).isEqualTo(1);
        assertThat(report.allSucceeded()).isFalse();
    }

    static RunResult run(String driver, int round, double opsPerSecond, double cpuMicros) {
        return new RunResult(driver, driver + " 1.0", "insert", "window of 8 in flight", round, 1000, 0, null, 0, 1,
                opsPerSecond, 100, 900, 1500, 3000, cpuMicros, 2048, 250);
    }
}
