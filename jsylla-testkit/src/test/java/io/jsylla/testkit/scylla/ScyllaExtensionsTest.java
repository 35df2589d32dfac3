package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.testkit.scylla.StatementKind.OpType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LWT mark and the rate limit error on hand-built frames, and the decisions behind them. */
class ScyllaExtensionsTest {
    private static final byte[] ID = {9, 8, 7, 6, 5};

    @Test
    void classifiesReadsWritesAndConditionalStatements() {
        assertThat(StatementKind.of("SELECT * FROM ks.t WHERE k = ?")).isEqualTo(new StatementKind(OpType.READ, false));
        assertThat(StatementKind.of("  select v from t")).isEqualTo(new StatementKind(OpType.READ, false));
        assertThat(StatementKind.of("INSERT INTO t (k, v) VALUES (?, ?)")).isEqualTo(new StatementKind(OpType.WRITE, false));
        assertThat(StatementKind.of("update t SET v = 1 WHERE k = 2")).isEqualTo(new StatementKind(OpType.WRITE, false));
        assertThat(StatementKind.of("DELETE FROM t WHERE k = ?").opType()).isEqualTo(OpType.WRITE);
        assertThat(StatementKind.of("BEGIN BATCH INSERT INTO t (k) VALUES (1); APPLY BATCH").opType()).isEqualTo(OpType.WRITE);
        for (String other : new String[] {"CREATE TABLE IF NOT EXISTS t (k int PRIMARY KEY)", "USE ks",
                "DROP KEYSPACE IF EXISTS ks", "", "   "}) {
            assertThat(StatementKind.of(other)).as(other).isEqualTo(StatementKind.OTHER);
        }
        assertThat(StatementKind.of(null)).isEqualTo(StatementKind.OTHER);

        for (String lwt : new String[] {
                "INSERT INTO t (k, v) VALUES (?, ?) IF NOT EXISTS",
                "insert into t (k, v) values (?, ?) if  not\nexists;",
                "UPDATE t SET v = ? WHERE k = ? IF EXISTS",
                "UPDATE t SET v = ? WHERE k = ? IF v = ?",
                "UPDATE t USING TTL 10 SET v = ? WHERE k = ? if v != null AND w > 3",
                "DELETE FROM t WHERE k = ? IF EXISTS",
                "DELETE v FROM t WHERE k = ? IF v IN (1, 2)",
                "UPDATE t SET v = 'IF' WHERE k = ? IF \"IF\" = 'x'"}) {
            assertThat(StatementKind.of(lwt)).as(lwt).isEqualTo(new StatementKind(OpType.WRITE, true));
        }
        for (String plain : new String[] {
                "INSERT INTO t (k, v) VALUES (?, 'IF NOT EXISTS')",
                "UPDATE t SET ifx = ? WHERE k = ?",
                "UPDATE t SET v = ? WHERE k = ? AND x_if = 1",
                "UPDATE t SET v = 'a '' IF v = 1' WHERE k = ?",
                "UPDATE t SET \"IF\" = ? WHERE \"if\" = ?",
                "UPDATE t SET v = $$ IF EXISTS $$ WHERE k = ?",
                "UPDATE t SET v = ? WHERE k = ? -- IF EXISTS",
                "UPDATE t SET v = ? /* IF v = 1 */ WHERE k = ?"}) {
            assertThat(StatementKind.of(plain)).as(plain).isEqualTo(new StatementKind(OpType.WRITE, false));
        }
        assertThat(StatementKind.of("SELECT * FROM t WHERE k = ? IF EXISTS").conditional()).isFalse(); // not DML
    }

    /** A PREPARED body as Cassandra 4/5 writes it in v4: kind, id, bind metadata, result metadata. */
    private static byte[] preparedBody(int bindFlags) {
        return new Bodies().i32(Frames.RESULT_PREPARED).shortBytes(ID)
                .i32(bindFlags).i32(2).i32(1).i16(0).string("ks").string("t")
                .string("k").i16(0x0009).string("v").i16(0x0009)
                .i32(0x0004).i32(0).build(); // result metadata: No_metadata
    }

    @Test
    void marksTheBindVariablesFlagsOfAPreparedAnswer() {
        ByteBuf frame = Unpooled.wrappedBuffer(Bodies.frame(0x84, 0, 3, Frames.RESULT, preparedBody(0x0001)));
        int at = LwtMark.flagsIndex(frame);
        assertThat(at).isEqualTo(9 + 4 + 2 + ID.length);
        assertThat(LwtMark.mark(frame)).isTrue();
        ByteBuffer body = frame.nioBuffer(9, frame.readableBytes() - 9);
        assertThat(body.getInt()).isEqualTo(Frames.RESULT_PREPARED);
        assertThat(Frames.readShortBytes(body)).containsExactly(ID);
        int flags = body.getInt(body.position());
        assertThat(flags).isEqualTo(LwtMark.MASK | 0x0001);
        assertThat(flags & LwtMark.MASK).isEqualTo(LwtMark.MASK);
        // The rest is untouched and still reads as the same statement.
        PreparedShapes.Shape shape = new PreparedShapes().record(body.position(4));
        assertThat(shape.keyspace()).isEqualTo("ks");
        assertThat(shape.partitionKey()).containsExactly(0);
        assertThat(body.getInt()).isEqualTo(0x0004); // result metadata flags: not marked
    }

    @Test
    void findsTheFlagsAfterResponsePrefixesAndOnlyInPreparedAnswers() {
        // A warning prefix (flag 0x08) before the body: [string list] of one warning.
        byte[] warned = new Bodies().i16(1).string("a warning").raw(preparedBody(0)).build();
        ByteBuf frame = Unpooled.wrappedBuffer(Bodies.frame(0x84, Frames.FLAG_WARNING, 3, Frames.RESULT, warned));
        assertThat(LwtMark.mark(frame)).isTrue();
        assertThat(frame.getInt(9 + 2 + 2 + "a warning".length() + 4 + 2 + ID.length)).isEqualTo(LwtMark.MASK);

        ByteBuf voidResult = Unpooled.wrappedBuffer(Bodies.frame(0x84, 0, 3, Frames.RESULT, new Bodies().i32(1).build()));
        assertThat(LwtMark.mark(voidResult)).isFalse();
        ByteBuf error = Unpooled.wrappedBuffer(Bodies.frame(0x84, 0, 3, Frames.ERROR, new Bodies().i32(0x2200).string("x").build()));
        assertThat(LwtMark.mark(error)).isFalse();
        assertThat(LwtMark.VALUE).isEqualTo("LWT_OPTIMIZATION_META_BIT_MASK=2147483648");
    }

    @Test
    void encodesTheRateLimitErrorOrAConfigErrorWithoutNegotiation() {
        ByteBuffer b = ByteBuffer.wrap(RateLimitErrors.errorBody(true, OpType.WRITE, true));
        assertThat(b.getInt()).isEqualTo(61440).isEqualTo(0xF000);
        assertThat(Frames.readString(b)).contains("rate limit").contains("writes");
        assertThat(b.get()).isEqualTo((byte) 1);
        assertThat(b.get()).isEqualTo((byte) 1);
        assertThat(b.hasRemaining()).isFalse();

        b = ByteBuffer.wrap(RateLimitErrors.errorBody(true, OpType.READ, false));
        assertThat(b.getInt()).isEqualTo(61440);
        Frames.readString(b);
        assertThat(b.get()).isEqualTo((byte) 0);
        assertThat(b.get()).isEqualTo((byte) 0);

        b = ByteBuffer.wrap(RateLimitErrors.errorBody(false, OpType.READ, true));
        assertThat(b.getInt()).isEqualTo(0x2300);
        assertThat(Frames.readString(b)).contains("reads");
        assertThat(b.hasRemaining()).isFalse();
    }

    @Test
    void rejectsASeededShareOfTheSelectedOpTypes() {
        RateLimitErrors limiter = new RateLimitErrors();
        assertThat(limiter.reject(OpType.READ)).isFalse(); // off by default
        limiter.set(new RateLimitErrors.Setting(0.3, true, false, true));
        assertThat(limiter.reject(OpType.WRITE)).isFalse();
        assertThat(limiter.reject(null)).isFalse();
        limiter.seed(42);
        List<Boolean> first = draws(limiter, 1000);
        long rejected = first.stream().filter(r -> r).count();
        assertThat(rejected).isBetween(250L, 350L);
        limiter.seed(42);
        assertThat(draws(limiter, 1000)).isEqualTo(first);
        limiter.seed(43);
        assertThat(draws(limiter, 1000)).isNotEqualTo(first);
        // Requests the setting does not select draw nothing: the sequence stays the same.
        limiter.seed(42);
        List<Boolean> interleaved = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.reject(OpType.WRITE)).isFalse();
            interleaved.add(limiter.reject(OpType.READ));
        }
        assertThat(interleaved).isEqualTo(first);

        limiter.set(new RateLimitErrors.Setting(1, true, true, false));
        assertThat(draws(limiter, 50)).containsOnly(true);
        limiter.set(RateLimitErrors.Setting.OFF);
        assertThat(draws(limiter, 50)).containsOnly(false);
        assertThatThrownBy(() -> new RateLimitErrors.Setting(1.5, true, true, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimitErrors.Setting(Double.NaN, true, true, false)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Boolean> draws(RateLimitErrors limiter, int n) {
        List<Boolean> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(limiter.reject(OpType.READ));
        return out;
    }

    @Test
    void theStartupKeysAreReadFromAStringMap() {
        ByteBuffer startup = ByteBuffer.wrap(io.jsylla.testkit.internal.ProbeCodec.stringMap(Map.of(
                "CQL_VERSION", "3.0.0", "SCYLLA_RATE_LIMIT_ERROR", "", "SCYLLA_LWT_ADD_METADATA_MARK", "2147483648")));
        assertThat(Frames.readStringMapKeys(startup))
                .containsExactlyInAnyOrder("CQL_VERSION", RateLimitErrors.KEY, LwtMark.KEY);
    }

    @Test
    void thePrimaryReplicaIsTheFirstInRingOrder() {
        TokenRing ring = new TokenRing(List.of(
                new TokenRing.Member(1, "dc1", "r1", List.of(-100L, 500L)),
                new TokenRing.Member(2, "dc1", "r1", List.of(0L)),
                new TokenRing.Member(3, "dc1", "r1", List.of(200L))));
        Replication rf2 = Replication.simple(2);
        assertThat(ring.primary(-150, rf2)).isEqualTo(1);
        assertThat(ring.primary(-100, rf2)).isEqualTo(1);
        assertThat(ring.primary(-99, rf2)).isEqualTo(2);
        assertThat(ring.primary(100, rf2)).isEqualTo(3);
        assertThat(ring.primary(501, rf2)).isEqualTo(1); // wraps around
        assertThat(ring.primary(100, new Replication(0, Map.of(), true))).isEqualTo(3);
        assertThat(ring.primary(100, new Replication(0, Map.of("dc2", 1), false))).isEqualTo(-1);
    }
}
