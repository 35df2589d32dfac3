package io.jsylla.internal.routing;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Murmur3 tokens against reference vectors.
 *
 * <p>The vectors come from an independent Python 3 implementation of the server's
 * {@code MurmurHash.hash3_x64_128} written from the algorithm (not from this class), including the
 * signed-tail quirk; run it to regenerate them:
 * <pre>
 * import struct
 * M = (1 &lt;&lt; 64) - 1
 * def rotl(v, n): return ((v &lt;&lt; n) | (v &gt;&gt; (64 - n))) &amp; M
 * def fmix(k):
 *     k ^= k &gt;&gt; 33; k = (k * 0xff51afd7ed558ccd) &amp; M
 *     k ^= k &gt;&gt; 33; k = (k * 0xc4ceb9fe1a85ec53) &amp; M
 *     return k ^ (k &gt;&gt; 33)
 * def token(key):
 *     if not key: return -(1 &lt;&lt; 63)
 *     c1, c2 = 0x87c37b91114253d5, 0x4cf5ad432745937f
 *     h1 = h2 = 0
 *     n = len(key) // 16
 *     for i in range(n):
 *         k1, k2 = struct.unpack_from('&lt;QQ', key, i * 16)
 *         h1 ^= (rotl((k1 * c1) &amp; M, 31) * c2) &amp; M
 *         h1 = (rotl(h1, 27) + h2) &amp; M; h1 = (h1 * 5 + 0x52dce729) &amp; M
 *         h2 ^= (rotl((k2 * c2) &amp; M, 33) * c1) &amp; M
 *         h2 = (rotl(h2, 31) + h1) &amp; M; h2 = (h2 * 5 + 0x38495ab5) &amp; M
 *     tail = key[n * 16:]
 *     sx = lambda b: (b - 256 if b &gt;= 128 else b) &amp; M   # the signed-byte quirk
 *     k1 = k2 = 0
 *     for i in range(len(tail) - 1, 7, -1): k2 ^= (sx(tail[i]) &lt;&lt; (8 * (i - 8))) &amp; M
 *     if len(tail) &gt; 8: h2 ^= (rotl((k2 * c2) &amp; M, 33) * c1) &amp; M
 *     for i in range(min(len(tail), 8) - 1, -1, -1): k1 ^= (sx(tail[i]) &lt;&lt; (8 * i)) &amp; M
 *     if tail: h1 ^= (rotl((k1 * c1) &amp; M, 31) * c2) &amp; M
 *     h1 ^= len(key); h2 ^= len(key)
 *     h1 = (h1 + h2) &amp; M; h2 = (h2 + h1) &amp; M
 *     h1 = (fmix(h1) + fmix(h2)) &amp; M
 *     t = h1 - (1 &lt;&lt; 64) if h1 &gt;= 1 &lt;&lt; 63 else h1
 *     return (1 &lt;&lt; 63) - 1 if t == -(1 &lt;&lt; 63) else t
 * pattern = lambda n: bytes((0x71 + 0x9d * i) &amp; 0xff for i in range(n))
 * </pre>
 * The int keys 1, 2 and 3 match the tokens Cassandra's {@code token()} is widely documented to
 * return for them, which cross-checks the Python code itself.
 */
class Murmur3PartitionerTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final Partitioner P = Murmur3Partitioner.INSTANCE;

    /** token(pattern(n)) for n = 0..40: every tail length 0..15, up to two full blocks and more. */
    private static final long[] PATTERN_TOKENS = {
        -9223372036854775808L, -4882450986412430415L, -861002730956908009L, 5471586165617432463L,
        9093392509713888811L, 5743506188981646162L, 3827988474270172374L, 1840501406600548974L,
        2248607904691012884L, -8438999308980246071L, 905559055855562325L, -2567135324489250372L,
        3272790212171032974L, 2379039018406452180L, -7011635359617308985L, -8965943521550229703L,
        6912682493244937069L, 343429060853647286L, 8220599905819937604L, -5957049543278035595L,
        -6376943997420350977L, 6397693195636498557L, 4855897313650885263L, 8732598747066436197L,
        6415397953680287756L, -5818070066589742161L, -2622059521414356309L, -6077046724192900987L,
        3647671653556518469L, -5506334838105064057L, -6851013191907523384L, -5640673494325251234L,
        1915150307353621346L, -2544261473661035746L, 1475780447353614913L, -811280961397627014L,
        7610706465072741672L, 248855507066687988L, -8223390390655824449L, 5326062389641164348L,
        -8675696899385011749L,
    };

    private static final String[][] HEX_VECTORS = {
        {"00000001", "-4069959284402364209"},   // int 1
        {"00000002", "-3248873570005575792"},   // int 2
        {"00000003", "9010454139840013625"},    // int 3
        {"0000002a", "-7160136740246525330"},   // int 42
        {"ffffffff", "7297452126230313552"},    // int -1
        {"0000000000000001", "6292367497774912474"},   // bigint 1
        {"ffffffffffffffff", "7071048584287372947"},   // bigint -1
        {"ff", "-4442228696663692417"},
        {"ffffffffffffff", "4860178782003914630"},
        {"ffffffffffffffffff", "8434364767658694854"},
        {"ffffffffffffffffffffffffffffff", "-2195530867418009455"},
        {"ffffffffffffffffffffffffffffffff", "-2824192546314762522"},
        {"ffffffffffffffffffffffffffffffffff", "-4128212798341382003"},
    };

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (0x71 + 0x9d * i);
        }
        return b;
    }

    static long token(byte[] key) {
        return ((Murmur3Token) P.hash(ByteBuffer.wrap(key))).value();
    }

    @Test
    void patternKeysOfEveryLength() {
        for (int n = 0; n <= 40; n++) {
            assertThat(token(pattern(n))).as("pattern(%d)", n).isEqualTo(PATTERN_TOKENS[n]);
        }
    }

    @Test
    void hexVectors() {
        for (String[] v : HEX_VECTORS) {
            assertThat(P.hash(ByteBuffer.wrap(HEX.parseHex(v[0])))).as(v[0]).isEqualTo(P.parse(v[1]));
        }
    }

    @Test
    void textKeys() {
        assertThat(token("hello".getBytes(StandardCharsets.UTF_8))).isEqualTo(-3758069500696749310L);
        assertThat(token("héllo wörld ☃ 𝄞".getBytes(StandardCharsets.UTF_8))).isEqualTo(9029318598400953944L);
    }

    @Test
    void emptyKeyIsTheMinimumToken() {
        assertThat(P.hash(ByteBuffer.allocate(0))).isEqualTo(P.minimum()).isEqualTo(new Murmur3Token(Long.MIN_VALUE));
    }

    @Test
    void signedTailQuirkIsReproduced() {
        // Reference (unsigned-tail) MurmurHash3 gives 5177511712917721324 for the byte 0xff.
        assertThat(token(new byte[] {(byte) 0xff})).isEqualTo(-4442228696663692417L).isNotEqualTo(5177511712917721324L);
        assertThat(token(pattern(3))).isNotEqualTo(-6937283671321764859L); // likewise for 71 0e ab
    }

    @Test
    void hashOfMinValueIsNormalizedToMaxValue() {
        // Found by inverting the hash in Python: its raw h1 is exactly Long.MIN_VALUE.
        byte[] key = HEX.parseHex("653cbefb85ec3111b4e38fa9bc7cbcae");
        assertThat(Murmur3Partitioner.hash3x64128h1(key, 0, key.length)).isEqualTo(Long.MIN_VALUE);
        assertThat(token(key)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void readsBetweenPositionAndLimitWithoutConsuming() {
        byte[] key = pattern(27);
        byte[] framed = new byte[key.length + 7];
        System.arraycopy(key, 0, framed, 3, key.length);
        ByteBuffer heap = ByteBuffer.wrap(framed, 3, key.length);
        ByteBuffer direct = ByteBuffer.allocateDirect(framed.length).put(framed).position(3).limit(3 + key.length);
        ByteBuffer slice = ByteBuffer.wrap(framed).position(3).slice().limit(key.length);
        for (ByteBuffer b : new ByteBuffer[] {heap, direct, slice}) {
            int position = b.position();
            assertThat(((Murmur3Token) P.hash(b)).value()).isEqualTo(PATTERN_TOKENS[27]);
            assertThat(b.position()).isEqualTo(position);
            assertThat(b.remaining()).isEqualTo(key.length);
        }
    }

    @Test
    void parseAndToStringRoundTrip() {
        for (long v : PATTERN_TOKENS) {
            assertThat(P.parse(Long.toString(v)).toString()).isEqualTo(Long.toString(v));
        }
    }
}
