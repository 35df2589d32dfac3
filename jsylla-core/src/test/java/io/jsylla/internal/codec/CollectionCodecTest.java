package io.jsylla.internal.codec;

import io.jsylla.DataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.jsylla.internal.codec.CodecTesting.assertRejected;
import static io.jsylla.internal.codec.CodecTesting.decodeHex;
import static io.jsylla.internal.codec.CodecTesting.encodeHex;
import static io.jsylla.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CollectionCodecTest {

    private static final DataType LIST_INT = DataType.list(DataType.INT);
    private static final DataType SET_TEXT = DataType.set(DataType.TEXT);
    private static final DataType MAP_TEXT_INT = DataType.map(DataType.TEXT, DataType.INT);

    @Test
    void byteVectors() {
        assertThat(encodeHex(LIST_INT, List.of(1, 2))).isEqualTo("00000002" + "0000000400000001" + "0000000400000002");
        assertThat(encodeHex(SET_TEXT, Set.of("a"))).isEqualTo("00000001" + "0000000161");
        assertThat(encodeHex(MAP_TEXT_INT, Map.of("a", 1))).isEqualTo("00000001" + "0000000161" + "0000000400000001");
        assertThat(encodeHex(LIST_INT, List.of())).isEqualTo("00000000");
        assertThat(decodeHex(LIST_INT, "00000002 00000004 00000001 00000004 00000002")).isEqualTo(List.of(1, 2));
        assertThat(decodeHex(MAP_TEXT_INT, "00000001 00000001 61 00000004 00000001")).isEqualTo(Map.of("a", 1));
    }

    @Test
    void nestedCollections() {
        DataType nested = DataType.list(DataType.list(DataType.INT, true));
        String hex = "00000002" + "0000000c" + "00000001" + "0000000400000001" + "00000004" + "00000000";
        assertThat(encodeHex(nested, List.of(List.of(1), List.of()))).isEqualTo(hex);
        assertThat(decodeHex(nested, hex)).isEqualTo(List.of(List.of(1), List.of()));
        DataType deep = DataType.map(DataType.TEXT, DataType.set(DataType.list(DataType.BIGINT, true), true));
        Map<String, Set<List<Long>>> value = Map.of("k", new LinkedHashSet<>(List.of(List.of(1L, 2L), List.of(3L))));
        assertThat(roundTrip(deep, value)).isEqualTo(value);
    }

    @Test
    void decodedCollectionsAreUnmodifiableAndKeepOrder() {
        List<Integer> order = List.of(5, 3, 9, 1, 7);
        Object list = roundTrip(LIST_INT, order);
        assertThat(list).isEqualTo(order);
        assertThatThrownBy(() -> CollectionCodecTest.<List<Object>>cast(list).add(1)).isInstanceOf(UnsupportedOperationException.class);
        Object set = roundTrip(DataType.set(DataType.INT), new LinkedHashSet<>(order));
        assertThat(CollectionCodecTest.<Set<Object>>cast(set)).containsExactlyElementsOf(order);
        assertThatThrownBy(() -> CollectionCodecTest.<Set<Object>>cast(set).add(1)).isInstanceOf(UnsupportedOperationException.class);
        Map<String, Integer> ordered = new LinkedHashMap<>();
        for (int i : order) ordered.put("k" + i, i);
        Object map = roundTrip(MAP_TEXT_INT, ordered);
        assertThat(CollectionCodecTest.<Map<Object, Object>>cast(map).keySet()).containsExactlyElementsOf(ordered.keySet());
        assertThatThrownBy(() -> CollectionCodecTest.<Map<Object, Object>>cast(map).clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object o) {
        return (T) o;
    }

    @Test
    void conversions() {
        assertThat(roundTrip(LIST_INT, new Object[] {1, (short) 2, 3L})).isEqualTo(List.of(1, 2, 3));
        assertThat(roundTrip(LIST_INT, new TreeSet<>(List.of(3, 1)))).isEqualTo(List.of(1, 3));
        assertThat(roundTrip(SET_TEXT, new ArrayList<>(List.of("b", "a")))).isEqualTo(new LinkedHashSet<>(List.of("b", "a")));
        assertThat(CollectionCodecTest.<Set<Object>>cast(roundTrip(SET_TEXT, List.of("b", "a")))).containsExactly("b", "a");
        assertThat(roundTrip(MAP_TEXT_INT, new HashMap<>(Map.of("x", 1L)))).isEqualTo(Map.of("x", 1));
        assertThat(roundTrip(DataType.list(DataType.TEXT), List.of("", ""))).isEqualTo(List.of("", ""));
        assertThat(roundTrip(SET_TEXT, Set.of())).isEqualTo(Set.of());
        assertThat(roundTrip(MAP_TEXT_INT, Map.of())).isEqualTo(Map.of());
    }

    @Test
    void rejections() {
        assertRejected(LIST_INT, Arrays.asList(1, null), "null element in list<int>");
        assertRejected(SET_TEXT, new LinkedHashSet<>(Arrays.asList("a", null)), "null element in set<text>");
        assertRejected(LIST_INT, List.of("a"), "cannot bind java.lang.String to int");
        assertRejected(LIST_INT, List.of(1L << 40), "1099511627776 out of range for int");
        assertRejected(LIST_INT, "1,2", "cannot bind java.lang.String to list<int>");
        assertRejected(LIST_INT, new int[] {1}, "cannot bind [I to list<int>");
        assertRejected(SET_TEXT, new Object[] {"a"}, "cannot bind [Ljava.lang.Object; to set<text>");
        assertRejected(LIST_INT, Map.of(), "cannot bind", "to list<int>");
        Map<String, Integer> nullValue = new HashMap<>();
        nullValue.put("a", null);
        assertRejected(MAP_TEXT_INT, nullValue, "null value in map<text, int>");
        Map<String, Integer> nullKey = new HashMap<>();
        nullKey.put(null, 1);
        assertRejected(MAP_TEXT_INT, nullKey, "null key in map<text, int>");
        assertRejected(MAP_TEXT_INT, Map.of(1, 1), "cannot bind java.lang.Integer to text");
        assertRejected(MAP_TEXT_INT, List.of(), "to map<text, int>");
    }

    @Test
    void zeroLengthCollectionsDecodeAsEmpty() {
        assertThat(decodeHex(LIST_INT, "")).isEqualTo(List.of());
        assertThat(decodeHex(SET_TEXT, "")).isEqualTo(Set.of());
        assertThat(decodeHex(MAP_TEXT_INT, "")).isEqualTo(Map.of());
    }

    @Test
    void nullElementsSentByTheServerAreKept() {
        assertThat(CollectionCodecTest.<List<Object>>cast(decodeHex(LIST_INT, "00000001 ffffffff"))).containsExactly((Object) null);
    }
}
