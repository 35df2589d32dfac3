package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;

import com.datastax.oss.driver.internal.core.metadata.token.Murmur3Token;
import com.datastax.oss.driver.internal.core.metadata.token.Murmur3TokenFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Cross-checked here with the Apache driver's own hash; against Cassandra's token() in ShardSimulatorIT. */
class Murmur3TokenTest {
    private final Murmur3TokenFactory driver = new Murmur3TokenFactory();

    @Test
    void agreesWithTheApacheDriverOnRandomKeysOfEveryTailLength() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            byte[] key = new byte[random.nextInt(70)];
            for (int j = 0; j < key.length; j++) key[j] = (byte) random.nextInt(256); // high bytes: the sign-extended tail
            long expected = ((Murmur3Token) driver.hash(ByteBuffer.wrap(key))).getValue();
            assertThat(io.jsylla.testkit.scylla.Murmur3Token.of(key)).as("key of %d bytes", key.length).isEqualTo(expected);
        }
    }

    @Test
    void readsFromTheBufferPositionWithoutMovingIt() {
        ByteBuffer b = ByteBuffer.wrap("xxhello".getBytes(StandardCharsets.UTF_8));
        b.position(2);
        assertThat(io.jsylla.testkit.scylla.Murmur3Token.of(b))
                .isEqualTo(io.jsylla.testkit.scylla.Murmur3Token.of("hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(b.position()).isEqualTo(2);
    }

    @Test
    void knownTokens() {
        // int 1, as cqlsh shows token(1) for an int key
        assertThat(io.jsylla.testkit.scylla.Murmur3Token.of(ByteBuffer.allocate(4).putInt(0, 1))).isEqualTo(-4069959284402364209L);
    }
}
