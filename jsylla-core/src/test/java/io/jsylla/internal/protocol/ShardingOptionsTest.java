package io.jsylla.internal.protocol;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShardingOptionsTest {

    /** What a real ScyllaDB node sends (as captured in ScyllaDB's Java driver's tests), plus the ports. */
    private static Map<String, List<String>> scylla() {
        Map<String, List<String>> m = new HashMap<>();
        m.put("SCYLLA_SHARD", List.of("3"));
        m.put("SCYLLA_NR_SHARDS", List.of("12"));
        m.put("SCYLLA_PARTITIONER", List.of("org.apache.cassandra.dht.Murmur3Partitioner"));
        m.put("SCYLLA_SHARDING_ALGORITHM", List.of("biased-token-round-robin"));
        m.put("SCYLLA_SHARDING_IGNORE_MSB", List.of("12"));
        m.put("SCYLLA_SHARD_AWARE_PORT", List.of("19042"));
        m.put("COMPRESSION", List.of("lz4", "snappy"));
        return m;
    }

    @Test
    void readsWhatScyllaSends() {
        ShardingOptions.Parsed p = ShardingOptions.parse(scylla());
        assertThat(p.options()).isEqualTo(new ShardingOptions(3, 12, 12, 19042, 0));
        Map<String, List<String>> tls = scylla();
        tls.put("SCYLLA_SHARD_AWARE_PORT_SSL", List.of("19142"));
        assertThat(ShardingOptions.parse(tls).options().shardAwarePortSsl()).isEqualTo(19142);
    }

    @Test
    void cassandraSaysNothing() {
        ShardingOptions.Parsed p = ShardingOptions.parse(Map.of("COMPRESSION", List.of("lz4"), "CQL_VERSION", List.of("3.4.7")));
        assertThat(p.absent()).isTrue();
        assertThat(p.options()).isNull();
    }

    @Test
    void inconsistentKeysMeanNoShardingAndSayWhy() {
        Map<String, List<String>> m = scylla();
        m.remove("SCYLLA_SHARDING_IGNORE_MSB");
        assertThat(ShardingOptions.parse(m).problem()).contains("SCYLLA_SHARDING_IGNORE_MSB is missing");
        m = scylla();
        m.put("SCYLLA_SHARD", List.of("12"));
        assertThat(ShardingOptions.parse(m).problem()).contains("SCYLLA_SHARD 12 outside 0..11");
        m = scylla();
        m.put("SCYLLA_NR_SHARDS", List.of("0"));
        assertThat(ShardingOptions.parse(m).problem()).contains("0 < 1");
        m = scylla();
        m.put("SCYLLA_NR_SHARDS", List.of("twelve"));
        assertThat(ShardingOptions.parse(m).problem()).contains("not a number: 'twelve'");
        m = scylla();
        m.put("SCYLLA_PARTITIONER", List.of("org.apache.cassandra.dht.RandomPartitioner"));
        assertThat(ShardingOptions.parse(m).problem()).contains("not Murmur3");
        m = scylla();
        m.put("SCYLLA_SHARDING_ALGORITHM", List.of("something-new"));
        assertThat(ShardingOptions.parse(m).problem()).contains("unknown sharding algorithm");
        m = scylla();
        m.put("SCYLLA_SHARD_AWARE_PORT", List.of("70000"));
        assertThat(ShardingOptions.parse(m).problem()).contains("is not a port");
        m = scylla();
        m.put("SCYLLA_SHARD", List.of("1", "2"));
        assertThat(ShardingOptions.parse(m).problem()).contains("has 2 values");
        for (String bad : List.of("SCYLLA_SHARD", "SCYLLA_NR_SHARDS")) {
            m = scylla();
            m.put(bad, List.of("-1"));
            assertThat(ShardingOptions.parse(m).options()).isNull();
        }
    }
}
