package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.testkit.internal.ProbeCodec;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardAssignmentTest {

    @Test
    void shardAwarePortUsesTheSourcePort() {
        assertThat(ShardAssigner.assign(4, new int[] {0, 0, 0, 0}, true, 50003, false)).isEqualTo(3);
        assertThat(ShardAssigner.assign(12, new int[12], true, 50003, false)).isEqualTo(50003 % 12);
    }

    @Test
    void regularPortAndNatTakeTheLeastConnectedShard() {
        assertThat(ShardAssigner.assign(4, new int[] {2, 1, 1, 3}, false, 50000, false)).isEqualTo(1);
        assertThat(ShardAssigner.assign(4, new int[] {2, 1, 0, 3}, true, 50001, true)).isEqualTo(2);
        assertThat(ShardAssigner.assign(4, new int[] {1}, false, 0, false)).isEqualTo(1); // new shards have none
    }

    @Test
    void supportedCarriesTheConnectionsShardAndCutsV5() {
        SupportedOptions options = new SupportedOptions(Map.of(
                "CQL_VERSION", List.of("3.4.7"), "PROTOCOL_VERSIONS", List.of("3/v3", "4/v4", "5/v5", "6/v6-beta")));
        Map<String, List<String>> decoded = ProbeCodec.readStringMultimap(ByteBuffer.wrap(options.body(5, 8, 12, true, 29043, false, false, false)));
        assertThat(decoded).containsEntry("SCYLLA_SHARD", List.of("5"))
                .containsEntry("SCYLLA_NR_SHARDS", List.of("8"))
                .containsEntry("SCYLLA_PARTITIONER", List.of("org.apache.cassandra.dht.Murmur3Partitioner"))
                .containsEntry("SCYLLA_SHARDING_ALGORITHM", List.of("biased-token-round-robin"))
                .containsEntry("SCYLLA_SHARDING_IGNORE_MSB", List.of("12"))
                .containsEntry("SCYLLA_SHARD_AWARE_PORT", List.of("29043"))
                .containsEntry("CQL_VERSION", List.of("3.4.7"))
                .containsEntry("PROTOCOL_VERSIONS", List.of("3/v3", "4/v4"))
                .doesNotContainKey("SCYLLA_SHARD_AWARE_PORT_SSL");
        assertThat(options.forConnection(5, 8, 12, false, 29043, false, false, false)).containsOnlyKeys("CQL_VERSION", "PROTOCOL_VERSIONS");
        // A TLS node serves TLS on its one shard-aware port, named under both keys.
        assertThat(options.forConnection(5, 8, 12, true, 29043, true, false, false)).containsEntry("SCYLLA_SHARD_AWARE_PORT", List.of("29043"))
                .containsEntry("SCYLLA_SHARD_AWARE_PORT_SSL", List.of("29043"));
        assertThat(options.forConnection(5, 8, 12, true, 0, true, false, false)).doesNotContainKeys("SCYLLA_SHARD_AWARE_PORT", "SCYLLA_SHARD_AWARE_PORT_SSL");
    }

    @Test
    void extensionKeysHaveSwitchesOfTheirOwn() {
        SupportedOptions options = new SupportedOptions(Map.of("CQL_VERSION", List.of("3.4.7")));
        assertThat(options.forConnection(0, 4, 12, false, 29043, false, true, true)).containsOnlyKeys(
                        "CQL_VERSION", "SCYLLA_RATE_LIMIT_ERROR", "SCYLLA_LWT_ADD_METADATA_MARK")
                .containsEntry("SCYLLA_RATE_LIMIT_ERROR", List.of("ERROR_CODE=61440"))
                .containsEntry("SCYLLA_LWT_ADD_METADATA_MARK", List.of("LWT_OPTIMIZATION_META_BIT_MASK=2147483648"));
        assertThat(options.forConnection(0, 4, 12, true, 29043, false, false, true))
                .containsKeys("SCYLLA_SHARD", "SCYLLA_LWT_ADD_METADATA_MARK").doesNotContainKey("SCYLLA_RATE_LIMIT_ERROR");
        assertThat(options.forConnection(0, 4, 12, true, 29043, false, true, false))
                .containsKey("SCYLLA_RATE_LIMIT_ERROR").doesNotContainKey("SCYLLA_LWT_ADD_METADATA_MARK");
    }
}
