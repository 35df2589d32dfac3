package io.jsylla.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSpecTest {

    @Test
    void crossesToTheWorkerAsArgumentsAndBack() {
        RunSpec spec = new RunSpec(Workload.BATCH, 32, 5000, 0, Duration.ofSeconds(20), Duration.ofMillis(1500), 256, 1000);
        List<String> args = spec.toArgs();
        assertThat(args).containsExactly("--workload", "batch", "--concurrency", "32", "--rate", "5000", "--duration", "20000ms",
                "--warmup", "1500ms", "--value-size", "256", "--keys", "1000");
        assertThat(RunSpec.fromOptions(RunSpec.options(args.toArray(String[]::new)))).isEqualTo(spec);
    }

    @Test
    void defaultsTheWarmupToAFifthOfTheOpsOrAQuarterOfTheDurationUpToTenSeconds() {
        assertThat(new RunSpec(Workload.INSERT, 1, 0, 2000, null, null, 100, 10).warmupLimit()).isEqualTo(LoadLoop.Limit.ops(400));
        assertThat(new RunSpec(Workload.INSERT, 1, 0, 0, Duration.ofSeconds(20), null, 100, 10).warmupLimit())
                .isEqualTo(LoadLoop.Limit.time(Duration.ofSeconds(5)));
        assertThat(new RunSpec(Workload.INSERT, 1, 0, 0, Duration.ofMinutes(5), null, 100, 10).warmupLimit())
                .isEqualTo(LoadLoop.Limit.time(Duration.ofSeconds(10)));
    }

    @Test
    void scansDefaultToAFewInFlight() {
        assertThat(RunSpec.fromOptions(RunSpec.options(new String[] {"--workload", "scan", "--ops", "3"})).concurrency()).isEqualTo(4);
        assertThat(RunSpec.fromOptions(RunSpec.options(new String[] {"--ops", "3"})).concurrency()).isEqualTo(128);
    }

    @Test
    void parsesDurationsAndRefusesNonsense() {
        assertThat(RunSpec.parseDuration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(RunSpec.parseDuration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(RunSpec.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(RunSpec.parseDuration("PT1S")).isEqualTo(Duration.ofSeconds(1));
        assertThatThrownBy(() -> RunSpec.parseDuration("soon")).hasMessageContaining("not a duration");
        assertThatThrownBy(() -> new RunSpec(Workload.INSERT, 0, 0, 1, null, null, 1, 1)).hasMessageContaining("--concurrency");
        assertThatThrownBy(() -> new RunSpec(Workload.INSERT, 1, 0, 0, null, null, 1, 1)).hasMessageContaining("--ops or --duration");
    }
}
