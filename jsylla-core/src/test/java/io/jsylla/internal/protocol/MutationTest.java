package io.jsylla.internal.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.jsylla.internal.protocol.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Valid response bodies with random bytes flipped or cut short: decoding may succeed, but the only
 * failure allowed is a CodecException. Seeded, so a failure reproduces.
 */
class MutationTest {

    private static final String[] BODIES = {
            "00000002 00000001 00000002 0002 6b73 0001 74 0001 6b 0009 0001 76 000d 00000001 00000004 00000001 ffffffff",
            "00000002 0000000b 00000001 00000002 cafe 0002 abcd 0002 6b73 0001 74 0001 6b 0021 000d 0030 0002 6b73 0001 75 0001 0001 61 0031 0001 0009 00000000",
            "00000004 0002 abcd 0002 0102 00000000 00000001 00000001 0000 0002 6b73 0001 74 0001 6b 0009 00000004 00000000",
            "00000002 00000001 00000001 0002 6b73 0001 74 0001 76 0000 0028 6f72672e6170616368652e63617373616e6472612e64622e6d61727368616c2e4c6f6e6754797065 00000000",
            "00001300 0001 6d 0004 00000001 00000002 00000002 04 7f000001 0001 10 00000000000000000000000000000001 0003 01",
            "00001500 0001 6d 0001 00000000 00000001 00000001 04 0a000001 0000 0005 4241544348",
            "000f 544f504f4c4f47595f4348414e4745 0008 4e45575f4e4f4445 04 7f000001 00002352",
            "00000005 0007 43524541544544 0008 46554e4354494f4e 0002 6b73 0001 66 0002 0003 696e74 0004 74657874",
    };
    private static final int[] OPCODES = {Opcode.RESULT, Opcode.RESULT, Opcode.RESULT, Opcode.RESULT, Opcode.ERROR,
            Opcode.ERROR, Opcode.EVENT, Opcode.RESULT};

    @Test
    void unmutatedBodiesAreValid() {
        for (int i = 0; i < BODIES.length; i++) {
            ByteBuf frame = Unpooled.buffer();
            FrameCodec.encodeResponse(frame, ProtocolVersion.V5, 0, 1, OPCODES[i], Unpooled.wrappedBuffer(bytes(BODIES[i])));
            assertThat(Responses.decode(FrameCodec.decode(frame, null))).as(BODIES[i]).isNotNull();
        }
    }

    @Test
    void mutatedFramesFailOnlyWithCodecException() {
        Random random = new Random(42);
        List<String> unexpected = new ArrayList<>();
        for (int round = 0; round < 20_000; round++) {
            int which = random.nextInt(BODIES.length);
            byte[] body = bytes(BODIES[which]);
            ByteBuf frame = Unpooled.buffer();
            FrameCodec.encodeResponse(frame, random.nextBoolean() ? ProtocolVersion.V4 : ProtocolVersion.V5,
                    random.nextInt(16), 1, OPCODES[which], Unpooled.wrappedBuffer(body));
            int flips = 1 + random.nextInt(3);
            for (int i = 0; i < flips; i++) {
                int at = 9 + random.nextInt(body.length);
                frame.setByte(at, random.nextInt(256));
            }
            if (random.nextInt(4) == 0) { // cut the body short, keeping the header's length honest
                int cut = random.nextInt(body.length);
                frame.writerIndex(9 + cut);
                frame.setInt(5, cut);
            }
            try {
                Responses.decode(FrameCodec.decode(frame, null));
            } catch (CodecException expected) {
                // fine
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                unexpected.add(which + ": " + e);
            }
        }
        assertThat(unexpected).isEmpty();
    }
}
