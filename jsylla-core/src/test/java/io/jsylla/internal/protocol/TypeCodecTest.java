package io.jsylla.internal.protocol;

import io.jsylla.DataType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.jsylla.internal.protocol.Hex.buf;
import static io.jsylla.internal.protocol.Hex.hex;
import static io.jsylla.internal.protocol.Hex.norm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** [option] types of spec section 4.2.5.2 and the marshal class names custom types carry. */
class TypeCodecTest {

    private static final String M = "org.apache.cassandra.db.marshal.";

    /** Reads the vector, checks it is fully consumed, and that writing the type gives it back. */
    private static DataType roundTrip(String option) {
        ByteBuf in = buf(option);
        DataType type = TypeCodec.read(in);
        assertThat(in.isReadable()).as("fully consumed").isFalse();
        ByteBuf out = Unpooled.buffer();
        TypeCodec.write(type, out);
        assertThat(hex(out)).isEqualTo(norm(option));
        return type;
    }

    @Test
    void everyPrimitiveId() {
        Map<String, DataType> ids = new LinkedHashMap<>();
        ids.put("0001", DataType.ASCII);
        ids.put("0002", DataType.BIGINT);
        ids.put("0003", DataType.BLOB);
        ids.put("0004", DataType.BOOLEAN);
        ids.put("0005", DataType.COUNTER);
        ids.put("0006", DataType.DECIMAL);
        ids.put("0007", DataType.DOUBLE);
        ids.put("0008", DataType.FLOAT);
        ids.put("0009", DataType.INT);
        ids.put("000b", DataType.TIMESTAMP);
        ids.put("000c", DataType.UUID);
        ids.put("000d", DataType.TEXT);
        ids.put("000e", DataType.VARINT);
        ids.put("000f", DataType.TIMEUUID);
        ids.put("0010", DataType.INET);
        ids.put("0011", DataType.DATE);
        ids.put("0012", DataType.TIME);
        ids.put("0013", DataType.SMALLINT);
        ids.put("0014", DataType.TINYINT);
        ids.put("0015", DataType.DURATION);
        ids.forEach((id, type) -> assertThat(roundTrip(id)).as(id).isEqualTo(type));
        assertThat(TypeCodec.read(buf("000a"))).isEqualTo(DataType.TEXT); // legacy v1 "text" id
    }

    @Test
    void collectionsAreNotFrozen() {
        assertThat(roundTrip("0020 0009")).isEqualTo(DataType.list(DataType.INT));
        assertThat(roundTrip("0022 000d")).isEqualTo(DataType.set(DataType.TEXT));
        assertThat(roundTrip("0021 000d 0002")).isEqualTo(DataType.map(DataType.TEXT, DataType.BIGINT));
    }

    @Test
    void tupleIsFrozen() {
        DataType tuple = roundTrip("0031 0002 0009 000d");
        assertThat(tuple).isEqualTo(DataType.tuple(DataType.INT, DataType.TEXT));
        assertThat(tuple.isFrozen()).isTrue();
    }

    @Test
    void udt() {
        // <ks "ks"><name "u"><n 2><"a" int><"b" list<text>>
        DataType udt = roundTrip("0030 0002 6b73 0001 75 0002 | 0001 61 0009 | 0001 62 0020 000d");
        assertThat(udt).isEqualTo(DataType.udt("ks", "u", false, List.of("a", "b"),
                List.of(DataType.INT, DataType.list(DataType.TEXT))));
    }

    @Test
    void nested() {
        // map<text, list<tuple<int, set<uuid>>>>
        DataType type = roundTrip("0021 000d 0020 0031 0002 0009 0022 000c");
        assertThat(type).isEqualTo(DataType.map(DataType.TEXT,
                DataType.list(DataType.tuple(DataType.INT, DataType.set(DataType.UUID)))));
    }

    @Test
    void customVectorType() {
        String vector = M + "VectorType(" + M + "FloatType,3)";
        ByteBuf option = Unpooled.buffer().writeShort(0);
        Wire.writeString(vector, option);
        DataType type = roundTrip(hex(option));
        assertThat(type).isEqualTo(DataType.vector(DataType.FLOAT, 3));
        assertThat(TypeCodec.toMarshalClass(type)).isEqualTo(vector);
    }

    @Test
    void unknownCustomTypeKeepsItsClassName() {
        ByteBuf option = Unpooled.buffer().writeShort(0);
        Wire.writeString("com.example.Geo", option);
        assertThat(roundTrip(hex(option))).isEqualTo(DataType.custom("com.example.Geo"));
    }

    @Test
    void marshalPrimitives() {
        Map<String, DataType> names = Map.ofEntries(Map.entry("Int32Type", DataType.INT),
                Map.entry("LongType", DataType.BIGINT), Map.entry("FloatType", DataType.FLOAT),
                Map.entry("DoubleType", DataType.DOUBLE), Map.entry("UTF8Type", DataType.TEXT),
                Map.entry("AsciiType", DataType.ASCII), Map.entry("BytesType", DataType.BLOB),
                Map.entry("BooleanType", DataType.BOOLEAN), Map.entry("UUIDType", DataType.UUID),
                Map.entry("TimeUUIDType", DataType.TIMEUUID), Map.entry("TimestampType", DataType.TIMESTAMP),
                Map.entry("SimpleDateType", DataType.DATE), Map.entry("TimeType", DataType.TIME),
                Map.entry("ShortType", DataType.SMALLINT), Map.entry("ByteType", DataType.TINYINT),
                Map.entry("DecimalType", DataType.DECIMAL), Map.entry("IntegerType", DataType.VARINT),
                Map.entry("InetAddressType", DataType.INET), Map.entry("CounterColumnType", DataType.COUNTER),
                Map.entry("DurationType", DataType.DURATION));
        names.forEach((name, type) -> {
            assertThat(TypeCodec.fromMarshalClass(M + name)).as(name).isEqualTo(type);
            assertThat(TypeCodec.toMarshalClass(type)).isEqualTo(M + name);
        });
    }

    @Test
    void marshalCollectionsFrozenAndReversed() {
        assertThat(TypeCodec.fromMarshalClass(M + "ListType(" + M + "Int32Type)")).isEqualTo(DataType.list(DataType.INT));
        assertThat(TypeCodec.fromMarshalClass(M + "SetType(" + M + "UTF8Type)")).isEqualTo(DataType.set(DataType.TEXT));
        assertThat(TypeCodec.fromMarshalClass(M + "MapType(" + M + "UTF8Type," + M + "FrozenType(" + M + "ListType("
                + M + "Int32Type)))"))
                .isEqualTo(DataType.map(DataType.TEXT, DataType.list(DataType.INT, true)));
        assertThat(TypeCodec.fromMarshalClass(M + "ReversedType(" + M + "TimeUUIDType)")).isEqualTo(DataType.TIMEUUID);
        assertThat(TypeCodec.fromMarshalClass(M + "TupleType(" + M + "Int32Type," + M + "BytesType)"))
                .isEqualTo(DataType.tuple(DataType.INT, DataType.BLOB));
        // package-less names and spaces, as Cassandra's own parser accepts
        assertThat(TypeCodec.fromMarshalClass(" MapType( Int32Type , LongType ) "))
                .isEqualTo(DataType.map(DataType.INT, DataType.BIGINT));
    }

    @Test
    void marshalUserTypeWithHexNamesAndNesting() {
        // UserType(ks, hex("addr"), hex("street"):UTF8Type, hex("tags"):SetType(UTF8Type), hex("geo"):VectorType(FloatType,2))
        String type = M + "FrozenType(" + M + "UserType(ks,61646472,"
                + "737472656574:" + M + "UTF8Type,"
                + "74616773:" + M + "SetType(" + M + "UTF8Type),"
                + "67656f:" + M + "VectorType(" + M + "FloatType,2)))";
        DataType expected = DataType.udt("ks", "addr", true, List.of("street", "tags", "geo"),
                List.of(DataType.TEXT, DataType.set(DataType.TEXT), DataType.vector(DataType.FLOAT, 2)));
        assertThat(TypeCodec.fromMarshalClass(type)).isEqualTo(expected);
        assertThat(TypeCodec.toMarshalClass(expected)).isEqualTo(type);
    }

    @Test
    void marshalVectorOfNestedType() {
        String type = M + "VectorType(" + M + "ListType(" + M + "Int32Type),4)";
        assertThat(TypeCodec.fromMarshalClass(type)).isEqualTo(DataType.vector(DataType.list(DataType.INT), 4));
    }

    @Test
    void unknownMarshalClassesAreCustom() {
        assertThat(TypeCodec.fromMarshalClass(M + "LexicalUUIDType")).isEqualTo(DataType.custom(M + "LexicalUUIDType"));
        String composite = M + "DynamicCompositeType(s=>" + M + "UTF8Type,i=>" + M + "Int32Type)";
        assertThat(TypeCodec.fromMarshalClass(composite)).isEqualTo(DataType.custom(composite));
    }

    @Test
    void malformedMarshalTypes() {
        assertThatThrownBy(() -> TypeCodec.fromMarshalClass(M + "ListType(" + M + "Int32Type"))
                .isInstanceOf(CodecException.class);
        assertThatThrownBy(() -> TypeCodec.fromMarshalClass(M + "MapType(" + M + "Int32Type)"))
                .isInstanceOf(CodecException.class).hasMessageContaining("2 parameter");
        assertThatThrownBy(() -> TypeCodec.fromMarshalClass(M + "VectorType(" + M + "FloatType,x)"))
                .isInstanceOf(CodecException.class).hasMessageContaining("dimension");
        assertThatThrownBy(() -> TypeCodec.fromMarshalClass(M + "UserType(ks,zz)"))
                .isInstanceOf(CodecException.class).hasMessageContaining("hex");
        assertThatThrownBy(() -> TypeCodec.fromMarshalClass(M + "ListType(a))(")).isInstanceOf(CodecException.class);
    }
}
