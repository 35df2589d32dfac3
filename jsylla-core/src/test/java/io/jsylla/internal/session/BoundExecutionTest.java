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
import io.jsylla.internal.request.PreparedCache;
import io.jsylla.internal.request.RequestExecution;
import io.jsylla.internal.routing.Murmur3Partitioner;
import io.jsylla.internal.routing.RandomPartitioner;
import io.jsylla.policies.DefaultLoadBalancingPolicy;
import io.jsylla.policies.RetryPolicies;
import io.jsylla.policies.TimestampGenerators;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bound statement's execution writes itself as an EXECUTE: byte for byte what the EXECUTE
 * message record writes for the same statement, and it routes by the key it already holds.
 */
class BoundExecutionTest {
    private static final byte[] ID = {1, 2, 3, 4};
    private static final byte[] METADATA_ID = {9, 8};
    private static final List<ColumnSpec> VARIABLES = List.of(
            new ColumnSpec("ks", "t", "k", DataType.BIGINT), new ColumnSpec("ks", "t", "c", DataType.TEXT),
            new ColumnSpec("ks", "t", "v", DataType.BLOB));
    private static final List<ColumnSpec> COLUMNS = List.of(new ColumnSpec("ks", "t", "v", DataType.BLOB));
    private static final PreparedCache.ResultShape SHAPE = new PreparedCache.ResultShape(METADATA_ID, COLUMNS);

    private final SessionConfig config = config();

    @Test
    void writesTheSameBytesAsTheExecuteMessage() {
        PreparedStatement ps = prepared(List.of(0));
        BoundStatement b = ps.bind(42L, "x", ByteBuffer.wrap(new byte[] {7, 7, 7}));
        StatementOptions options = StatementOptions.DEFAULTS.withConsistency(Consistency.LOCAL_QUORUM)
                .withSerialConsistency(Consistency.LOCAL_SERIAL).withPageSize(77).withTimestamp(123456789L);
        ResolvedOptions ro = ResolvedOptions.of(options, config);
        PagingState page = PagingState.of(new byte[] {5, 6, 7});
        for (ProtocolVersion v : ProtocolVersion.values()) {
            for (boolean skip : new boolean[] {false, true}) {
                for (PagingState state : new PagingState[] {PagingState.start(), page}) {
                    BoundExecution e = execution(b, null, ro, skip, state);
                    Execute expected = new Execute(ID, METADATA_ID, new QueryParameters(Consistency.LOCAL_QUORUM,
                            ApiAccess.values(b), skip, 77, state.isStart() ? null : ByteBuffer.wrap(new byte[] {5, 6, 7}),
                            Consistency.LOCAL_SERIAL, 123456789L, null, QueryParameters.NO_NOW_IN_SECONDS));
                    assertThat(hex(e, v)).as("%s skip=%s %s", v, skip, state).isEqualTo(hex(expected, v));
                    assertThat(e.opcode()).isEqualTo(expected.opcode());
                    assertThat(e.isTraceable()).isTrue();
                }
            }
        }
    }

    @Test
    void keepsOneTimestampForEveryEncodingOfTheRequest() {
        PreparedStatement ps = prepared(List.of(0));
        BoundExecution e = execution(ps.bind(1L, "a", null), null, ResolvedOptions.of(StatementOptions.DEFAULTS, config), false,
                PagingState.start());
        // A retry encodes again: the generator must not be asked for a new timestamp.
        assertThat(hex(e, ProtocolVersion.V4)).isEqualTo(hex(e, ProtocolVersion.V4));
    }

    @Test
    void routesByTheBoundPartitionKeyHashedInPlace() {
        for (List<Integer> pk : List.of(List.of(0), List.of(0, 1))) {
            BoundStatement b = prepared(pk).bind(42L, "x", null);
            BoundExecution e = execution(b, null, ResolvedOptions.of(StatementOptions.DEFAULTS, config), false,
                    PagingState.start());
            ByteBuffer key = RoutingKeys.of(b);
            assertThat(e.routingKey()).isEqualTo(key);
            assertThat(e.token(Murmur3Partitioner.INSTANCE)).isEqualTo(Murmur3Partitioner.INSTANCE.hash(key));
            assertThat(e.token(RandomPartitioner.INSTANCE)).isEqualTo(RandomPartitioner.INSTANCE.hash(key));
        }
        // A null partition key value: no key, no token (the request is routed without one).
        BoundExecution unkeyed = execution(prepared(List.of(0)).bind(null, "x", null), null,
                ResolvedOptions.of(StatementOptions.DEFAULTS, config), false, PagingState.start());
        assertThat(unkeyed.routingKey()).isNull();
        assertThat(unkeyed.token(Murmur3Partitioner.INSTANCE)).isNull();
    }

    @Test
    void anExplicitRoutingKeyWinsOverTheBoundOne() {
        ByteBuffer explicit = ByteBuffer.wrap(new byte[] {0, 0, 0, 9});
        BoundExecution e = execution(prepared(List.of(0)).bind(42L, "x", null), explicit,
                ResolvedOptions.of(StatementOptions.DEFAULTS, config), false, PagingState.start());
        assertThat(e.routingKey()).isSameAs(explicit);
        assertThat(e.token(Murmur3Partitioner.INSTANCE)).isEqualTo(Murmur3Partitioner.INSTANCE.hash(explicit));
    }

    private static BoundExecution execution(BoundStatement b, ByteBuffer routingKey, ResolvedOptions ro, boolean skip,
                                            PagingState state) {
        return new BoundExecution(new Core(), b, b.preparedStatement(), ApiAccess.values(b).wire(), "ks", routingKey, ro, SHAPE, skip,
                state);
    }

    private static String hex(io.jsylla.internal.protocol.Request r, ProtocolVersion v) {
        ByteBuf out = Unpooled.buffer();
        r.encode(out, v);
        return ByteBufUtil.hexDump(out);
    }

    private static PreparedStatement prepared(List<Integer> pk) {
        return new PreparedStatement("INSERT INTO ks.t (k, c, v) VALUES (?, ?, ?)", "ks", ID, METADATA_ID, VARIABLES, pk,
                COLUMNS, StatementOptions.DEFAULTS);
    }

    private static SessionConfig config() {
        return new SessionConfig(List.of("127.0.0.1"), null, Duration.ofSeconds(5), Duration.ofSeconds(12), 1, null,
                Compression.NONE, true, null, null, null, Consistency.LOCAL_ONE, Consistency.SERIAL, 5000,
                Duration.ofSeconds(30), Duration.ofSeconds(60), 1024, 1000, Duration.ofSeconds(10), true, null, true, 1,
                Map.of(), DefaultLoadBalancingPolicy.builder().build(), RetryPolicies.defaultPolicy(), null, null,
                TimestampGenerators.monotonic(), null, true, Set.of());
    }

    /** The session side a bound execution needs before it starts: nothing is sent in these tests. */
    private static final class Core implements StatementRunner.SessionCore {
        @Override
        public SessionConfig config() {
            throw new AssertionError("not needed");
        }

        @Override
        public ProtocolVersion protocolVersion() {
            return ProtocolVersion.V5;
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
            throw new AssertionError("not needed");
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
