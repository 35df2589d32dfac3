package io.jsylla.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTableTest {
    private final Report report = new Report(List.of(Driver.JSYLLA, Driver.APACHE, Driver.SCYLLA), List.of(
            StatsTest.run("jsylla", 1, 20000, 10), StatsTest.run("apache", 1, 10000, 40), StatsTest.run("scylla", 1, 16000, 25)),
            Map.of("description", "jsylla bench: insert, window of 8 in flight"), false);

    @Test
    void printsOneRowPerFigureWithEachDriversRatioToJsylla() {
        String table = ReportTable.format(report);
        assertThat(table).startsWith("jsylla bench: insert, window of 8 in flight\n");
        List<String> lines = table.lines().toList();
        assertThat(lines).contains(
                "median of 1 round(s)  jsylla          apache          scylla",
                "ops/s                 20,000  10,000 (0.50x)  16,000 (0.80x)",
                "CPU µs/op               10.0    40.0 (4.00x)    25.0 (2.50x)",
                "bytes allocated/op     2,048   2,048 (1.00x)   2,048 (1.00x)",
                "failed operations          0               0               0");
        assertThat(table).contains("apache  apache 1.0").contains("scylla  scylla 1.0");
    }

    @Test
    void checksTheTargetsAgainstTheApacheDriver() {
        String table = ReportTable.format(report);
        assertThat(table).contains("Targets: jsylla's median over the Apache driver's");
        assertThat(table.lines().filter(l -> l.startsWith("  ")).toList()).containsExactly(
                "  throughput                    2.00x   target >= 1.15x   met",
                "  CPU per op                    0.25x   target <= 0.5x   met",
                "  allocation per op             1.00x   target <= 0.25x   NOT met",
                "  connect-to-ready              1.00x   target <= 0.5x   NOT met");
    }

    @Test
    void atAFixedRateTheThroughputTargetDoesNotApplyAndTheCeilingAsksForTwice() {
        Report atRate = new Report(report.drivers(), report.runs(), Map.of("rate", 5000.0), false);
        assertThat(atRate.targets()).extracting(Report.Target::name).doesNotContain("throughput");
        Report ceiling = new Report(report.drivers(), report.runs(), Map.of(), true);
        assertThat(ceiling.targets().get(0)).isEqualTo(new Report.Target("driver-ceiling throughput", Metric.OPS_PER_SECOND, 2.0, true));
    }

    @Test
    void omitsTargetsWithoutTheApacheDriverAndShowsFailures() {
        Report alone = new Report(List.of(Driver.JSYLLA), List.of(RunResult.failed(Driver.JSYLLA, 1, "no node")), Map.of(), false);
        String table = ReportTable.format(alone);
        assertThat(table).doesNotContain("Targets").containsPattern("\nops/s +-\n")
                .contains("jsylla round 1: 1 failed, first: no node");
    }

    @Test
    void theJsonHoldsEveryRunTheMediansRatiosAndTargets() {
        Map<?, ?> json = (Map<?, ?>) Json.parse(Json.write(report.toMap()));
        assertThat((List<?>) json.get("runs")).hasSize(3);
        assertThat(((Map<?, ?>) json.get("medians")).keySet()).hasToString("[jsylla, apache, scylla]");
        Map<?, ?> apacheRatios = (Map<?, ?>) ((Map<?, ?>) json.get("ratiosToJsylla")).get("apache");
        assertThat(apacheRatios.get("opsPerSecond")).isEqualTo(0.5);
        assertThat((List<?>) json.get("targets")).hasSize(4);
        assertThat(RunResult.fromMap((Map<?, ?>) ((List<?>) json.get("runs")).get(1))).isEqualTo(report.runs().get(1));
    }

    @Test
    void behindTheShardSimulatorAddsShardFiguresConnectionsAndKeepsThemInTheJson() {
        ShardCounts jsylla = new ShardCounts(4, 1000, 750, 0, Map.of("127.0.0.1:9042", Map.of(0, 1)));
        ShardCounts scylla = new ShardCounts(4, 1000, 0, 0, Map.of("127.0.0.1:9042", Map.of(0, 1, 1, 1, 2, 1, 3, 1)));
        Report sharded = new Report(List.of(Driver.JSYLLA, Driver.SCYLLA), List.of(
                StatsTest.run("jsylla", 1, 20000, 10).withShards(jsylla), StatsTest.run("scylla", 1, 16000, 25).withShards(scylla)),
                Map.of(), false);
        String table = ReportTable.format(sharded);
        assertThat(table.lines().toList()).contains(
                "shard misses %               75.0     0.0 (0.00x)",
                "non-replica coordinator %     0.0         0.0 (-)",
                "  jsylla  round 1: 127.0.0.1:9042 0=1 1=0 2=0 3=0   (1,000 routed, 750 shard misses, 0 non-replica)",
                "  scylla  round 1: 127.0.0.1:9042 0=1 1=1 2=1 3=1   (1,000 routed, 0 shard misses, 0 non-replica)");
        assertThat(ReportTable.format(report)).doesNotContain("shard misses", "Connections per shard");

        Map<?, ?> json = (Map<?, ?>) Json.parse(Json.write(sharded.toMap()));
        assertThat(((Map<?, ?>) ((Map<?, ?>) json.get("medians")).get("jsylla")).get("shardMissRate")).isEqualTo(75.0);
        assertThat(RunResult.fromMap((Map<?, ?>) ((List<?>) json.get("runs")).get(1))).isEqualTo(sharded.runs().get(1));
    }
}
