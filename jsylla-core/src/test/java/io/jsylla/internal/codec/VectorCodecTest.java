package io.jsylla.internal.codec;

import io.jsylla.CqlVector;
import io.jsylla.DataType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.jsylla.internal.codec.CodecTesting.assertRejected;
import static io.jsylla.internal.codec.CodecTesting.decodeHex;
import static io.jsylla.internal.codec.CodecTesting.encodeHex;
import static io.jsylla.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

class VectorCodecTest {

    private static final DataType FLOAT3 = DataType.vector(DataType.FLOAT, 3);
    private static final DataType TEXT2 = DataType.vector(DataType.TEXT, 2);

    @Test
    void fixedLengthElementsAreBare() {
        assertThat(encodeHex(FLOAT3, CqlVector.ofFloats(1, 2, 3))).isEqualTo("3f800000" + "40000000" + "40400000");
        assertThat(decodeHex(FLOAT3, "3f800000 40000000 40400000")).isEqualTo(CqlVector.ofFloats(1, 2, 3));
        assertThat(Codecs.of(FLOAT3).fixedLength()).isEqualTo(12);
    }

    @Test
    void variableLengthElementsHaveVintLengths() {
        assertThat(encodeHex(TEXT2, List.of("ab", "c"))).isEqualTo("02" + "6162" + "01" + "63");
        assertThat(decodeHex(TEXT2, "02 6162 01 63")).isEqualTo(CqlVector.of(List.of("ab", "c")));
        assertThat(roundTrip(TEXT2, List.of("", "x".repeat(300)))).isEqualTo(CqlVector.of(List.of("", "x".repeat(300))));
        assertThat(encodeHex(TEXT2, List.of("", "x".repeat(200))).substring(0, 6)).isEqualTo("0080c8");
        assertThat(Codecs.of(TEXT2).fixedLength()).isEqualTo(-1);
    }

    @Test
    void serverFixedLengthTypesDecideTheLayout() {
        for (DataType t : new DataType[] {DataType.BOOLEAN, DataType.INT, DataType.BIGINT, DataType.FLOAT,
                DataType.DOUBLE, DataType.UUID, DataType.TIMEUUID, DataType.TIMESTAMP}) {
            assertThat(Codecs.of(t).fixedLength()).as("%s", t).isPositive();
        }
        for (DataType t : new DataType[] {DataType.TINYINT, DataType.SMALLINT, DataType.DATE, DataType.TIME,
                DataType.COUNTER, DataType.TEXT, DataType.VARINT, DataType.DECIMAL, DataType.DURATION, DataType.INET}) {
            assertThat(Codecs.of(t).fixedLength()).as("%s", t).isEqualTo(-1);
        }
        assertThat(encodeHex(DataType.vector(DataType.SMALLINT, 2), List.of(1, 2))).isEqualTo("020001" + "020002");
        assertThat(Codecs.of(DataType.vector(FLOAT3, 2)).fixedLength()).isEqualTo(24);
        DataType nested = DataType.vector(FLOAT3, 2);
        CqlVector<CqlVector<Float>> v = CqlVector.of(List.of(CqlVector.ofFloats(1, 2, 3), CqlVector.ofFloats(4, 5, 6)));
        assertThat(roundTrip(nested, v)).isEqualTo(v);
        DataType uuids = DataType.vector(DataType.UUID, 1);
        UUID u = UUID.randomUUID();
        assertThat(roundTrip(uuids, List.of(u))).isEqualTo(CqlVector.of(List.of(u)));
    }

    @Test
    void primitiveArrays() {
        assertThat(roundTrip(FLOAT3, new float[] {1, 2, 3})).isEqualTo(CqlVector.ofFloats(1, 2, 3));
        assertThat(roundTrip(DataType.vector(DataType.DOUBLE, 2), new double[] {1, 2})).isEqualTo(CqlVector.of(List.of(1.0, 2.0)));
        assertThat(roundTrip(DataType.vector(DataType.INT, 2), new int[] {1, 2})).isEqualTo(CqlVector.of(List.of(1, 2)));
        assertThat(roundTrip(DataType.vector(DataType.BIGINT, 1), new long[] {7})).isEqualTo(CqlVector.of(List.of(7L)));
        assertRejected(FLOAT3, new double[] {1, 2, 3}, "cannot bind [D to vector<float, 3>");
        assertRejected(DataType.vector(DataType.INT, 1), new float[] {1}, "cannot bind [F to vector<int, 1>");
    }

    @Test
    void dimensionsOfOneAndAThousand() {
        assertThat(roundTrip(DataType.vector(DataType.FLOAT, 1), CqlVector.ofFloats(-0.0f))).isEqualTo(CqlVector.ofFloats(-0.0f));
        float[] big = new float[1000];
        for (int i = 0; i < big.length; i++) big[i] = i * 0.25f - 100;
        DataType type = DataType.vector(DataType.FLOAT, 1000);
        assertThat(Codecs.of(type).encodeToBuffer(big).remaining()).isEqualTo(4000);
        assertThat(((CqlVector<?>) roundTrip(type, big)).toFloatArray()).isEqualTo(big);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) texts.add("t" + i);
        assertThat(roundTrip(DataType.vector(DataType.TEXT, 1000), texts)).isEqualTo(CqlVector.of(texts));
    }

    @Test
    void rejections() {
        assertRejected(FLOAT3, CqlVector.ofFloats(1, 2), "vector<float, 3> needs 3 elements, got 2");
        assertRejected(FLOAT3, new float[] {1, 2, 3, 4}, "vector<float, 3> needs 3 elements, got 4");
        assertRejected(FLOAT3, Arrays.asList(1f, null, 2f), "null element in vector<float, 3>");
        assertRejected(FLOAT3, List.of(1f, 2f, 0.1), "0.1 out of range for float");
        assertRejected(FLOAT3, "[1, 2, 3]", "cannot bind java.lang.String to vector<float, 3>");
        assertRejected(TEXT2, List.of("a", 2), "cannot bind java.lang.Integer to text");
    }

    @Test
    void emptyValueDecodesToNull() {
        assertThat(decodeHex(FLOAT3, "")).isNull();
    }
}
