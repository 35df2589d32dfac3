package io.jsylla.internal.routing;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RandomPartitioner and ByteOrderedPartitioner, partitioner lookup by name, token parsing. */
class PartitionersTest {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * Produced with Python 3: {@code abs(int.from_bytes(hashlib.md5(key).digest(), 'big', signed=True))},
     * -1 for the empty key; pattern keys as in {@link Murmur3PartitionerTest}.
     */
    private static final String[][] MD5_VECTORS = {
        {"", "-1"},
        {"71", "157622325528168190746359577861378892061"},
        {"710eab48e5821f", "72242152205630227225330877925175734415"},
        {"710eab48e5821fbc59f69330cd6a07a4", "42303938482538221817447730915005311723"},
        {"00000001", "19580090105725936846312850328329299579"},
        {"0000002a", "120848004881451414043265846020249486727"},
        {"ffffffff", "120549550962197124826514825591841393591"},
        {"ff", "463733602705843015805947089201357461"},
        {"ffffffffffffffff", "81356335796284715801895670196000390392"},
    };

    @Test
    void randomPartitionerVectors() {
        Partitioner p = RandomPartitioner.INSTANCE;
        for (String[] v : MD5_VECTORS) {
            assertThat(p.hash(ByteBuffer.wrap(HEX.parseHex(v[0])))).as(v[0])
                    .isEqualTo(new RandomToken(new BigInteger(v[1])));
        }
        assertThat(p.hash(ByteBuffer.wrap("hello".getBytes(StandardCharsets.UTF_8))).toString())
                .isEqualTo("123957004363873451094272536567338222994");
        assertThat(p.hash(ByteBuffer.wrap(Murmur3PartitionerTest.pattern(40))).toString())
                .isEqualTo("99065907257044401681026971488879440924");
        assertThat(p.minimum()).isEqualTo(p.parse("-1"));
    }

    @Test
    void randomPartitionerDoesNotConsumeTheKey() {
        ByteBuffer key = ByteBuffer.wrap(HEX.parseHex("aa00000001bb"), 1, 4);
        assertThat(RandomPartitioner.INSTANCE.hash(key).toString()).isEqualTo("19580090105725936846312850328329299579");
        assertThat(key.position()).isEqualTo(1);
        assertThat(key.remaining()).isEqualTo(4);
    }

    @Test
    void byteOrderedTokensAreTheKeyBytesInUnsignedOrder() {
        Partitioner p = ByteOrderedPartitioner.INSTANCE;
        ByteBuffer key = ByteBuffer.wrap(HEX.parseHex("00ff10"), 1, 2);
        assertThat(p.hash(key)).isEqualTo(p.parse("ff10")).isEqualTo(p.parse("0xFF10"));
        assertThat(key.position()).isEqualTo(1);
        assertThat(p.hash(ByteBuffer.allocate(0))).isEqualTo(p.minimum());
        assertThat(p.parse("abc")).isEqualTo(p.parse("0abc")); // odd length: leading 0, as the server does
        assertThat(p.parse("7f")).isLessThan(p.parse("80")); // unsigned, not signed bytes
        assertThat(p.parse("01")).isLessThan(p.parse("0100")); // a prefix sorts first
        assertThat(p.minimum()).isLessThan(p.parse("00"));
        assertThat(p.parse("ff10").toString()).isEqualTo("ff10");
    }

    @Test
    void forClassNameAcceptsFullAndShortNames() {
        assertThat(Partitioner.forClassName("org.apache.cassandra.dht.Murmur3Partitioner"))
                .isSameAs(Partitioner.forClassName("Murmur3Partitioner")).isInstanceOf(Murmur3Partitioner.class);
        assertThat(Partitioner.forClassName("org.apache.cassandra.dht.RandomPartitioner"))
                .isInstanceOf(RandomPartitioner.class);
        assertThat(Partitioner.forClassName("ByteOrderedPartitioner")).isInstanceOf(ByteOrderedPartitioner.class);
        for (Partitioner p : new Partitioner[] {Murmur3Partitioner.INSTANCE, RandomPartitioner.INSTANCE,
                ByteOrderedPartitioner.INSTANCE}) {
            assertThat(Partitioner.forClassName(p.className())).isSameAs(p);
        }
    }

    @Test
    void forClassNameRejectsUnknownNamesNamingThem() {
        assertThatThrownBy(() -> Partitioner.forClassName("org.apache.cassandra.dht.LocalPartitioner"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LocalPartitioner");
        assertThatThrownBy(() -> Partitioner.forClassName("com.example.Murmur3Partitioner"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("com.example.Murmur3Partitioner");
    }

    @Test
    void parseRejectsMalformedTokensNamingThem() {
        assertThatThrownBy(() -> Murmur3Partitioner.INSTANCE.parse("12x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12x");
        assertThatThrownBy(() -> Murmur3Partitioner.INSTANCE.parse("9223372036854775808"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RandomPartitioner.INSTANCE.parse("1.5"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
        assertThatThrownBy(() -> ByteOrderedPartitioner.INSTANCE.parse("zz"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zz");
    }

    @Test
    void tokensOfDifferentPartitionersDoNotCompare() {
        Token murmur = new Murmur3Token(1);
        Token random = new RandomToken(BigInteger.ONE);
        assertThatThrownBy(() -> murmur.compareTo(random)).isInstanceOf(ClassCastException.class);
        assertThat(murmur).isNotEqualTo(random);
        assertThat(new Murmur3Token(-5)).isLessThan(new Murmur3Token(3));
    }
}
