package io.jsylla.internal.session;

import io.jsylla.BoundStatement;
import io.jsylla.ColumnSpec;
import io.jsylla.Compression;
import io.jsylla.Consistency;
import io.jsylla.DataType;
import io.jsylla.PagingState;
import io.jsylla.PreparedStatement;
import io.jsylla.QueryResult;
import io.jsylla.StatementOptions;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.protocol.Execute;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Result;
import io.jsylla.internal.protocol.Values;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.routing.Murmur3Partitioner;
import io.jsylla.internal.routing.RandomPartitioner;
import io.jsylla.internal.routing.RoutingKey;
import io.jsylla.policies.DefaultLoadBalancingPolicy;
import io.jsylla.policies.RetryPolicies;
import io.jsylla.policies.TimestampGenerators;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Running a bound statement makes one EXECUTE message with what the statement, its options and
 * its paging state say, and routes by the key its bound values already hold.
 */
class ExecuteRequestTest {
    private static final byte[] ID = {1, 2, 3, 4};
    private static final byte[] METADATA_ID = {9, 8};
    private static final List<ColumnSpec> VARIABLES = List.of(
            new ColumnSpec("ks", "t", "k", DataType.BIGINT), new ColumnSpec("ks", "t", "c", DataType.TEXT),
            new ColumnSpec("ks", "t", "v", DataType.BLOB));
    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("ks", "t", "v", DataType.BLOB));

    private final Core core = new Core();
    private final StatementRunner runner = new StatementRunner(core);

    @Test
    void makesOneExecuteWithTheStatementsOptionsAndValues() {
        StatementOptions options = StatementOptions.DEFAULTS.withConsistency(Consistency.LOCAL_QUORUM)
                .withSerialConsistency(Consistency.LOCAL_SERIAL).withPageSize(77).withTimestamp(123456789L);
        BoundStatement b = prepared(new int[] {0}).bind(42L, "x", ByteBuffer.wrap(new byte[] {7, 7, 7})).withOptions(options);
        PagingState page = PagingState.of(new byte[] {5, 6, 7});
        for (ProtocolVersion v : ProtocolVersion.values()) {
            core.version = v;
            for (PagingState state : new PagingState[] {PagingState.start(), page}) {
                RequestExecution<?> e = (RequestExecution<?>) runner.bound(b, b.options(), state);
                Execute m = (Execute) e.message();
                boolean skip = v.usesSegments(); // v5 knows the columns and can say when they change
                Values values = Values.of(b.serializedValues());
                QueryParameters expected = new QueryParameters(Consistency.LOCAL_QUORUM, values, skip, 77,
                        state.isStart() ? null : ByteBuffer.wrap(new byte[] {5, 6, 7}), Consistency.LOCAL_SERIAL, 123456789L,
                        null, QueryParameters.NO_NOW_IN_SECONDS);
                ByteBuf want = Unpooled.buffer();
                want.writeShort(ID.length).writeBytes(ID);
                if (v != ProtocolVersion.V4) want.writeShort(METADATA_ID.length).writeBytes(METADATA_ID);
                expected.encode(want, v);
                assertThat(hex(m, v)).as("%s %s", v, state).isEqualTo(ByteBufUtil.hexDump(want));
                assertThat(e.statement()).isSameAs(b);
                assertThat(e.keyspace()).isEqualTo("ks");
            }
        }
    }

    @Test
    void aLowerConsistencyKeepsEverythingElseIncludingTheTimestamp() {
        PreparedStatement ps = prepared(new int[] {0});
        RequestExecution<?> e = (RequestExecution<?>) runner.execute(ps, new Object[] {1L, "a", null}, PagingState.start());
        Execute first = (Execute) e.message();
        Execute lower = first.atConsistency(Consistency.ONE);
        assertThat(lower.consistency()).isEqualTo(Consistency.ONE);
        assertThat(lower.timestamp()).isEqualTo(first.timestamp()).isNotEqualTo(QueryParameters.NO_TIMESTAMP);
        assertThat(lower.values()).isSameAs(first.values());
        assertThat(lower.shared().id()).isSameAs(first.shared().id());
        assertThat(first.atConsistency(first.consistency())).isSameAs(first);
        // The part every execution shares is made once per statement and options, not per request.
        RequestExecution<?> again = (RequestExecution<?>) runner.execute(ps, new Object[] {2L, "b", null}, PagingState.start());
        assertThat(((Execute) again.message()).shared()).isSameAs(first.shared());
    }

    @Test
    void routesByTheBoundPartitionKeyHashedInPlace() {
        for (int[] pk : List.of(new int[] {0}, new int[] {0, 1})) {
            BoundStatement b = prepared(pk).bind(42L, "x", null);
            RequestExecution<?> e = (RequestExecution<?>) runner.bound(b, b.options(), PagingState.start());
            List<ByteBuffer> parts = new ArrayList<>();
            for (int i : pk) parts.add(b.serializedValues().get(i));
            ByteBuffer key = RoutingKey.compose(parts);
            assertThat(e.routingKey()).isEqualTo(key);
            assertThat(e.token(Murmur3Partitioner.INSTANCE)).isEqualTo(Murmur3Partitioner.INSTANCE.hash(key));
            assertThat(e.token(RandomPartitioner.INSTANCE)).isEqualTo(RandomPartitioner.INSTANCE.hash(key));
        }
        // A null partition key value: no key, no token (the request is routed without one).
        BoundStatement unkeyed = prepared(new int[] {0}).bind(null, "x", null);
        RequestExecution<?> e = (RequestExecution<?>) runner.bound(unkeyed, unkeyed.options(), PagingState.start());
        assertThat(e.routingKey()).isNull();
        assertThat(e.token(Murmur3Partitioner.INSTANCE)).isNull();
    }

    @Test
    void anExplicitRoutingKeyWinsOverTheBoundOne() {
        ByteBuffer explicit = ByteBuffer.wrap(new byte[] {0, 0, 0, 9});
        BoundStatement b = prepared(new int[] {0}).bind(42L, "x", null).withRoutingKey(explicit);
        RequestExecution<?> e = (RequestExecution<?>) runner.bound(b, b.options(), PagingState.start());
        assertThat(e.routingKey()).isEqualTo(explicit);
        assertThat(e.token(Murmur3Partitioner.INSTANCE)).isEqualTo(Murmur3Partitioner.INSTANCE.hash(explicit));
    }

    @Test
    void refusesStatementsItDidNotMake() {
        PreparedStatement foreign = new PreparedStatement(StatementOptions.DEFAULTS) {
            @Override public BoundStatement bind(Object... values) { return null; }
            @Override public BoundStatement bind(Map<String, ?> values) { return null; }
            @Override public String getCql() { return "SELECT 1"; }
            @Override public String getKeyspace() { return null; }
            @Override public byte[] getId() { return ID; }
            @Override public byte[] getResultMetadataId() { return null; }
            @Override public List<ColumnSpec> getVariables() { return List.of(); }
            @Override public List<Integer> getPartitionKeyIndexes() { return List.of(); }
            @Override public List<ColumnSpec> getResultColumns() { return List.of(); }
            @Override public boolean isLwt() { return false; }
            @Override public PreparedStatement withOptions(StatementOptions options) { return this; }
        };
        assertThatThrownBy(() -> runner.execute(foreign, new Object[0], PagingState.start()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a statement this driver prepared");
    }

    @Test
    void bindingChecksValuesBeforeAnythingIsSent() {
        assertThatThrownBy(() -> runner.execute(prepared(new int[] {0}), new Object[] {1L}, PagingState.start()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Wrong number of values");
        assertThat(core.started).isZero();
    }

    @Test
    void aStatementTheNodeMarkedIsALightweightTransaction() {
        PreparedStatement plain = prepared(new int[] {0});
        assertThat(((RequestExecution<?>) runner.execute(plain, new Object[] {1L, "a", null}, PagingState.start())).isLwt()).isFalse();
        Prepared marked = new Prepared("INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?) IF NOT EXISTS", "ks", ID, METADATA_ID,
                VARIABLES, new int[] {0}, COLUMNS, true);
        PreparedStatement lwt = new DefaultPreparedStatement(marked, StatementOptions.DEFAULTS);
        assertThat(lwt.isLwt()).isTrue();
        assertThat(((RequestExecution<?>) runner.execute(lwt, new Object[] {1L, "a", null}, PagingState.start())).isLwt()).isTrue();
    }

    private static String hex(io.jsylla.internal.protocol.Request r, ProtocolVersion v) {
        ByteBuf out = Unpooled.buffer();
        r.encode(out, v);
        return ByteBufUtil.hexDump(out);
    }

    private static PreparedStatement prepared(int[] pk) {
        Prepared p = new Prepared("INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?)", "ks", ID, METADATA_ID, VARIABLES, pk, COLUMNS);
        return new DefaultPreparedStatement(p, StatementOptions.DEFAULTS);
    }

    private static SessionConfig newConfig() {
        return new SessionConfig(List.of("127.0.0.1"), null, Duration.ofSeconds(5), Duration.ofSeconds(12), 1, null,
                Compression.NONE, true, null, null, null, Consistency.LOCAL_ONE, Consistency.SERIAL, 5000,
                Duration.ofSeconds(30), Duration.ofSeconds(60), 1024, 1000, Duration.ofSeconds(10), true, null, true, 1,
                Map.of(), DefaultLoadBalancingPolicy.builder().build(), RetryPolicies.defaultPolicy(), null, null,
                TimestampGenerators.monotonic(), null, true, Set.of(), io.jsylla.internal.pool.ShardAwareness.DEFAULT);
    }

    /** The session side a request needs before it starts: requests are made, never started. */
    private static final class Core implements StatementRunner.SessionCore {
        private final SessionConfig config = newConfig();
        ProtocolVersion version = ProtocolVersion.V5;
        int started;

        @Override
        public SessionConfig config() {
            return config;
        }

        @Override
        public ProtocolVersion protocolVersion() {
            return version;
        }

        @Override
        public PreparedCache prepared() {
            throw new AssertionError("not needed");
        }

        @Override
        public Optional<String> keyspace() {
            return Optional.empty();
        }

        @Override
        public RequestExecution.Services services() {
            return new RequestExecution.Services(null, null, null, null);
        }

        @Override
        public <T> CompletableFuture<T> run(RequestExecution<T> execution) {
            started++;
            return execution;
        }

        @Override
        public void finish(Result result, Frame frame, NodePool node, List<ColumnSpec> knownColumns,
                           CompletableFuture<QueryResult> target) {
            throw new AssertionError("not needed");
        }

        @Override
        public QueryResult emptyResult() {
            throw new AssertionError("not needed");
        }

        @Override
        public CompletableFuture<Void> prepareOnOtherNodes(String cql, NodePool except) {
            throw new AssertionError("not needed");
        }
    }
}
