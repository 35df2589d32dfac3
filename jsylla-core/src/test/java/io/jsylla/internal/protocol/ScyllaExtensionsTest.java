package io.jsylla.internal.protocol;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScyllaExtensionsTest {

    @Test
    void takesUpWhatScyllaOffersWithItsParameters() {
        Map<String, List<String>> supported = new HashMap<>();
        supported.put("SCYLLA_RATE_LIMIT_ERROR", List.of("ERROR_CODE=61440"));
        supported.put("SCYLLA_LWT_ADD_METADATA_MARK", List.of("LWT_OPTIMIZATION_META_BIT_MASK=2147483648"));
        ScyllaExtensions e = ScyllaExtensions.offered(supported);
        assertThat(e.rateLimitErrorCode()).isEqualTo(61440);
        assertThat(e.lwtMask()).isEqualTo(0x80000000);
        Map<String, String> startup = new LinkedHashMap<>();
        e.acceptIn(startup);
        assertThat(startup).containsEntry("SCYLLA_RATE_LIMIT_ERROR", "")
                .containsEntry("SCYLLA_LWT_ADD_METADATA_MARK", "LWT_OPTIMIZATION_META_BIT_MASK=2147483648");
        assertThat(e.isLwt(0x80000001)).isTrue();
        assertThat(e.isLwt(0x00000001)).isFalse();
    }

    @Test
    void takesTheCodeAndMaskFromTheNodeNotFromConstants() {
        ScyllaExtensions e = ScyllaExtensions.offered(Map.of("SCYLLA_RATE_LIMIT_ERROR", List.of("ERROR_CODE=4660"),
                "SCYLLA_LWT_ADD_METADATA_MARK", List.of("LWT_OPTIMIZATION_META_BIT_MASK=1024")));
        assertThat(e).isEqualTo(new ScyllaExtensions(4660, 1024));
        assertThat(e.isLwt(1024 | 1)).isTrue();
        assertThat(e.isLwt(0x80000000)).isFalse();
    }

    @Test
    void cassandraOrUnreadableOffersTakeNothingUp() {
        assertThat(ScyllaExtensions.offered(Map.of("COMPRESSION", List.of("lz4")))).isEqualTo(ScyllaExtensions.NONE);
        assertThat(ScyllaExtensions.offered(Map.of("SCYLLA_RATE_LIMIT_ERROR", List.of("ERROR_CODE=soon"),
                "SCYLLA_LWT_ADD_METADATA_MARK", List.of("SOMETHING_ELSE=1")))).isEqualTo(ScyllaExtensions.NONE);
        Map<String, String> startup = new LinkedHashMap<>();
        ScyllaExtensions.NONE.acceptIn(startup);
        assertThat(startup).isEmpty();
        assertThat(ScyllaExtensions.NONE.isLwt(0xFFFFFFFF)).isFalse();
    }
}
