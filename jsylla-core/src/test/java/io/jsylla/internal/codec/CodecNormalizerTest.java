package io.jsylla.internal.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsylla.DataType;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import io.jsylla.internal.values.ValueNormalizer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CodecNormalizerTest {

    static final ValueNormalizer NORMALIZER = ValueNormalizer.get();
    static final DataType TUPLE = DataType.tuple(DataType.INT, DataType.TEXT);

    @Test
    void isFoundThroughTheModulesProvides() {
        assertThat(NORMALIZER).isInstanceOf(CodecNormalizer.class);
        assertThat(CodecNormalizerTest.class.getModule().isNamed())
                .as("tests run on the module path, jsylla-core's provides in use").isTrue();
    }

    @Test
    void isFoundOnTheClassPathThroughMetaInfServices() throws Exception {
        Path file = Path.of(CodecNormalizer.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("META-INF/services/" + ValueNormalizer.class.getName());
        assertThat(Files.readAllLines(file, StandardCharsets.UTF_8)).containsExactly(CodecNormalizer.class.getName());

        // The main classes in a loader of their own, outside any module: only META-INF/services finds it.
        URL classes = CodecNormalizer.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, null)) {
            Class<?> service = loader.loadClass(ValueNormalizer.class.getName());
            assertThat(service.getModule().isNamed()).isFalse();
            Object found = ServiceLoader.load(service, loader).findFirst().orElseThrow();
            assertThat(found.getClass().getName()).isEqualTo(CodecNormalizer.class.getName());
            assertThat(found.getClass().getClassLoader()).isSameAs(loader);
        }
    }

    @Test
    void naturalValuesAreReturnedAsIs() {
        UUID v1 = UUID.fromString("f47ac10b-58cc-11e4-8000-000000000000");
        Object[][] cases = {
                {DataType.INT, 1}, {DataType.BIGINT, 1L}, {DataType.COUNTER, 1L}, {DataType.SMALLINT, (short) 1},
                {DataType.TINYINT, (byte) 1}, {DataType.BOOLEAN, true}, {DataType.DOUBLE, 1.5}, {DataType.FLOAT, 1.5f},
                {DataType.TEXT, "é\uD83D\uDE00"}, {DataType.ASCII, "a"}, {DataType.DECIMAL, new BigDecimal("1.50")},
                {DataType.VARINT, BigInteger.TEN}, {DataType.UUID, UUID.randomUUID()}, {DataType.TIMEUUID, v1},
                {DataType.DATE, LocalDate.of(2024, 2, 29)}, {DataType.TIME, LocalTime.of(1, 2, 3, 4)},
                {DataType.TIMESTAMP, Instant.ofEpochMilli(1234)}, {DataType.DURATION, io.jsylla.CqlDuration.of(1, 2, 3)},
                {TUPLE, TupleValue.of(TUPLE, 1, "a")},
        };
        for (Object[] c : cases) {
            DataType type = (DataType) c[0];
            assertThat(CodecNormalizer.fastPath(type, c[1])).as("%s", type).isSameAs(c[1]);
            assertThat(NORMALIZER.normalize(type, c[1])).as("%s", type).isSameAs(c[1]).isEqualTo(Codecs.normalize(type, c[1]));
        }
    }

    @Test
    void otherValuesTakeTheRoundTrip() {
        Object none = CodecNormalizer.fastPath(DataType.INT, 1L);
        Object[][] cases = {
                {DataType.INT, 1L}, {DataType.BIGINT, 1}, {DataType.TEXT, 'c'}, {DataType.TEXT, "lone \uD83D"},
                {DataType.ASCII, "é"}, {DataType.TIMEUUID, UUID.randomUUID()},
                {DataType.TIMESTAMP, Instant.ofEpochSecond(1, 1)}, {DataType.TIMESTAMP, Instant.MAX},
                {DataType.DATE, LocalDate.MAX}, {DataType.BLOB, ByteBuffer.allocate(1)},
                {DataType.VARINT, new BigInteger("1") { }},
                {DataType.tuple(DataType.BIGINT, DataType.TEXT), TupleValue.of(TUPLE, 1, "a")},
                {DataType.list(DataType.INT), List.of(1L)},
        };
        for (Object[] c : cases) {
            assertThat(CodecNormalizer.fastPath((DataType) c[0], c[1])).as("%s %s", c[0], c[1]).isSameAs(none);
        }
        assertThat(NORMALIZER.normalize(DataType.INT, 1L)).isEqualTo(1);
        assertThat(NORMALIZER.normalize(DataType.TEXT, "lone \uD83D")).isEqualTo("lone ?");
        assertThatThrownBy(() -> NORMALIZER.normalize(DataType.ASCII, "é"))
                .isInstanceOf(ValueNormalizer.NotConvertibleException.class)
                .hasCauseInstanceOf(CodecException.class)
                .hasMessageContaining("cannot bind to ascii");
    }

    @Test
    void collectionsOfNaturalElementsAreCopiedAsDecodingWould() {
        List<Integer> mutable = new ArrayList<>(List.of(3, 1, 2));
        DataType listType = DataType.list(DataType.INT);
        Object copy = NORMALIZER.normalize(listType, mutable);
        mutable.add(4);
        assertThat(copy).isEqualTo(List.of(3, 1, 2)).isEqualTo(Codecs.normalize(listType, List.of(3, 1, 2)));
        assertThat(copy.getClass()).isSameAs(Codecs.normalize(listType, List.of(3, 1, 2)).getClass());
        assertThatThrownBy(() -> ((List<Object>) copy).add(5)).isInstanceOf(UnsupportedOperationException.class);

        DataType setType = DataType.set(DataType.TEXT);
        Object set = NORMALIZER.normalize(setType, Set.of("b", "a"));
        assertThat(set.getClass()).isSameAs(Codecs.normalize(setType, Set.of("a")).getClass());

        DataType mapType = DataType.map(DataType.TEXT, DataType.list(DataType.BIGINT));
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("z", List.of(1L));
        map.put("a", List.of());
        Object normalized = NORMALIZER.normalize(mapType, map);
        assertThat(normalized).isEqualTo(Codecs.normalize(mapType, map));
        assertThat(List.copyOf(((Map<?, ?>) normalized).keySet())).isEqualTo(List.of("z", "a"));
        assertThat(normalized.getClass()).isSameAs(Codecs.normalize(mapType, map).getClass());

        assertThatThrownBy(() -> NORMALIZER.normalize(listType, java.util.Arrays.asList(1, null)))
                .isInstanceOf(ValueNormalizer.NotConvertibleException.class).hasMessageContaining("null element");
    }

    @Test
    void decodedTuplesAndUdtsKeepTheirComponents() {
        DataType udt = DataType.udt("ks", "u", true, List.of("a", "b"), List.of(DataType.INT, DataType.list(DataType.TEXT)));
        UdtValue value = UdtValue.builder(udt).set("a", 7L).set("b", List.of("x")).build();
        Object decoded = Codecs.normalize(udt, value);
        assertThat(decoded).isEqualTo(value);
        assertThat(((UdtValue) decoded).get("a")).isEqualTo(7);
    }
}
