package io.jsylla.testkit.scylla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiscoveryRewriterTest {
    private static final int INET = 0x10, INT = 0x09, UUID = 0x0C;
    private final DiscoveryRewriter rewriter = new DiscoveryRewriter(Map.of(
            new InetSocketAddress("127.0.0.1", 19042), new InetSocketAddress("127.0.0.1", 29042),
            new InetSocketAddress("127.0.0.2", 19042), new InetSocketAddress("127.0.0.12", 29042)));

    private static ByteBuffer apply(byte[] frame, DiscoveryRewriter r) {
        for (DiscoveryRewriter.Patch p : r.patches(ByteBuffer.wrap(frame))) System.arraycopy(p.bytes(), 0, frame, p.offset(), p.bytes().length);
        return ByteBuffer.wrap(frame);
    }

    @Test
    void rewritesTheAddressAndPortOfKnownNodesInPeersV2() {
        byte[] frame = Bodies.frame(0x84, 0, 3, Frames.RESULT, new Bodies()
                .i32(2).i32(0x0001).i32(3).string("system").string("peers_v2")
                .string("host_id").i16(UUID).string("native_address").i16(INET).string("native_port").i16(INT)
                .i32(2)
                .bytes(new byte[16]).bytes(new byte[] {127, 0, 0, 2}).bytes(ByteBuffer.allocate(4).putInt(19042).array())
                .bytes(new byte[16]).bytes(new byte[] {10, 0, 0, 9}).bytes(ByteBuffer.allocate(4).putInt(19042).array())
                .build());
        byte[] expected = frame.clone();
        ByteBuffer out = apply(frame, rewriter);
        int firstRow = expected.length - 2 * (4 + 16 + 4 + 4 + 4 + 4);
        // node 2 now names its simulated node; the unknown 10.0.0.9 is left alone
        assertThat(out.get(firstRow + 4 + 16 + 4 + 3)).isEqualTo((byte) 12);
        assertThat(out.getInt(firstRow + 4 + 16 + 4 + 4 + 4)).isEqualTo(29042);
        assertThat(out.slice(firstRow + 36, 36)).isEqualTo(ByteBuffer.wrap(expected, firstRow + 36, 36).slice());
    }

    @Test
    void rewritesPeersWithoutPortByAddressAndSkipsOtherTablesAndTracing() {
        byte[] peers = Bodies.frame(0x84, 0x02, 3, Frames.RESULT, new Bodies().raw(new byte[16]) // tracing id first
                .i32(2).i32(0).i32(1).string("system").string("peers").string("rpc_address").i16(INET)
                .i32(1).bytes(new byte[] {127, 0, 0, 2}).build());
        ByteBuffer out = apply(peers, rewriter);
        assertThat(out.get(out.limit() - 1)).isEqualTo((byte) 12);

        byte[] other = Bodies.frame(0x84, 0, 3, Frames.RESULT, new Bodies()
                .i32(2).i32(1).i32(1).string("ks").string("peers").string("rpc_address").i16(INET)
                .i32(1).bytes(new byte[] {127, 0, 0, 2}).build());
        assertThat(rewriter.patches(ByteBuffer.wrap(other))).isEmpty();
    }

    @Test
    void rewritesStatusEvents() {
        byte[] event = Bodies.frame(0x84, 0, -1, Frames.EVENT, new Bodies().string("STATUS_CHANGE").string("UP")
                .i8(4).raw(new byte[] {127, 0, 0, 2}).i32(19042).build());
        ByteBuffer out = apply(event, rewriter);
        assertThat(out.get(out.limit() - 5)).isEqualTo((byte) 12);
        assertThat(out.getInt(out.limit() - 4)).isEqualTo(29042);
    }
}
