package io.jsylla.internal.codec;

import io.jsylla.DataType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jsylla.internal.codec.CodecTesting.assertUndecodable;

/** Bytes that are not a value of the type fail with a CodecException naming the type and length. */
class MalformedInputTest {

    @Test
    void wrongWidthForFixedWidthTypes() {
        assertUndecodable(DataType.INT, "000001", "int", "3 bytes", "expected 4");
        assertUndecodable(DataType.BIGINT, "00000001", "bigint", "4 bytes", "expected 8");
        assertUndecodable(DataType.SMALLINT, "000001", "smallint", "3 bytes");
        assertUndecodable(DataType.TINYINT, "0001", "tinyint", "2 bytes");
        assertUndecodable(DataType.BOOLEAN, "0001", "boolean", "2 bytes");
        assertUndecodable(DataType.FLOAT, "00", "float", "1 bytes");
        assertUndecodable(DataType.DOUBLE, "00", "double", "1 bytes");
        assertUndecodable(DataType.UUID, "00", "uuid", "1 bytes");
        assertUndecodable(DataType.DATE, "00", "date", "1 bytes");
        assertUndecodable(DataType.TIME, "00", "time", "1 bytes");
        assertUndecodable(DataType.TIMESTAMP, "00", "timestamp", "1 bytes");
        assertUndecodable(DataType.INET, "000000", "inet", "3 bytes");
        assertUndecodable(DataType.DECIMAL, "000000", "decimal", "3 bytes");
    }

    @Test
    void outOfRangeValues() {
        assertUndecodable(DataType.TIME, "00004e94914f0000", "86400000000000", "time");
        assertUndecodable(DataType.TIME, "ffffffffffffffff", "-1", "time");
    }

    @Test
    void truncatedComposites() {
        DataType list = DataType.list(DataType.INT);
        assertUndecodable(list, "00000002 00000004 00000001", "list<int>");
        assertUndecodable(list, "00000001 00000008 00000001", "list<int>");
        assertUndecodable(list, "ffffffff", "list<int>", "-1 elements");
        assertUndecodable(list, "7fffffff", "list<int>");
        assertUndecodable(list, "00000001 00000004 00000001 00", "list<int>", "1 extra bytes");
        assertUndecodable(DataType.map(DataType.TEXT, DataType.INT), "00000001 00000001 61", "map<text, int>");
        assertUndecodable(DataType.tuple(List.of(DataType.INT)), "00000004 0000", "tuple<int>");
        assertUndecodable(DataType.tuple(List.of(DataType.INT)), "00000004 00000001 00", "tuple<int>", "extra");
        assertUndecodable(DataType.DURATION, "02 04", "duration");
        assertUndecodable(DataType.DURATION, "02 04 06 08", "duration", "extra");
        assertUndecodable(DataType.DURATION, "02 03 06", "duration", "one sign");
        assertUndecodable(DataType.vector(DataType.FLOAT, 3), "3f800000", "vector<float, 3>", "4 bytes", "expected 12");
        assertUndecodable(DataType.vector(DataType.TEXT, 2), "02 6162 05 63", "vector<text, 2>");
        assertUndecodable(DataType.vector(DataType.TEXT, 1), "01 61 00", "vector<text, 1>", "extra");
    }

    @Test
    void elementErrorsInsideCollectionsNameTheElementType() {
        assertUndecodable(DataType.list(DataType.INT), "00000001 00000003 000001", "int", "3 bytes");
    }
}
