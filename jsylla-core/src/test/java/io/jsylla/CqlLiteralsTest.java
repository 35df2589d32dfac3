package io.jsylla;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CqlLiteralsTest {

    @Test
    void valuesAreWrittenAsCqlWritesThem() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("it's", List.of(1, 2));
        m.put("ip", InetAddress.getByName("127.0.0.1"));
        assertThat(CqlLiterals.format(m)).isEqualTo("{'it''s': [1, 2], 'ip': 127.0.0.1}");
        assertThat(CqlLiterals.format(ByteBuffer.wrap(new byte[] {(byte) 0xca, (byte) 0xfe}))).isEqualTo("0xcafe");
        assertThat(CqlLiterals.format(Set.of("a"))).isEqualTo("{'a'}");
        assertThat(CqlLiterals.format(InetAddress.getByName("::1"))).isEqualTo("0:0:0:0:0:0:0:1");
        assertThat(CqlLiterals.format(null)).isEqualTo("null");
    }
}
