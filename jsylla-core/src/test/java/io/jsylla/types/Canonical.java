package io.jsylla.types;

import io.jsylla.CqlDuration;
import io.jsylla.CqlVector;
import io.jsylla.DataType;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The textual form both clients print values in, so that what one wrote and the other read can be
 * compared as text. It is exact and free of language quirks: float bits in hex, decimals as
 * unscaled value and exponent, text with every non-printable or non-ASCII code point escaped,
 * sets and maps sorted by their rendered elements. conformance.py implements the same rules.
 */
final class Canonical {
    private static final HexFormat HEX = HexFormat.of();

    private Canonical() {}

    static String render(DataType type, Object v) {
        if (v == null) return "null";
        return switch (type.kind()) {
            case ASCII, TEXT -> text((String) v);
            case TINYINT, SMALLINT, INT, BIGINT, COUNTER, VARINT -> v.toString();
            case FLOAT -> floating((double) (Float) v);
            case DOUBLE -> floating((Double) v);
            case DECIMAL -> ((BigDecimal) v).unscaledValue() + "E" + (-(long) ((BigDecimal) v).scale());
            case BOOLEAN -> v.toString();
            case BLOB, CUSTOM -> "0x" + hex((ByteBuffer) v);
            case UUID, TIMEUUID -> v.toString();
            case INET -> inet((InetAddress) v);
            case DATE -> date((LocalDate) v);
            case TIME -> time((LocalTime) v);
            case TIMESTAMP -> timestamp((Instant) v);
            case DURATION -> {
                CqlDuration d = (CqlDuration) v;
                yield "dur:" + d.months() + "," + d.days() + "," + d.nanoseconds();
            }
            case LIST -> sequence(type.typeArguments().get(0), (List<?>) v, "[", "]");
            case VECTOR -> sequence(type.typeArguments().get(0), ((CqlVector<?>) v).toList(), "[", "]");
            case SET -> sorted(type.typeArguments().get(0), (Collection<?>) v);
            case MAP -> map(type, (Map<?, ?>) v);
            case TUPLE -> sequence(type.typeArguments(), ((TupleValue) v).values());
            case UDT -> udt(type, (UdtValue) v);
        };
    }

    private static String text(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            if (cp >= 0x20 && cp <= 0x7e && cp != '"' && cp != '\\') b.appendCodePoint(cp);
            else b.append("\\u{").append(Integer.toHexString(cp)).append('}');
        });
        return b.append('"').toString();
    }

    private static String floating(double d) {
        return Double.isNaN(d) ? "NaN" : "f64:" + String.format("%016x", Double.doubleToRawLongBits(d));
    }

    private static String hex(ByteBuffer b) {
        byte[] bytes = new byte[b.remaining()];
        b.duplicate().get(bytes);
        return HEX.formatHex(bytes);
    }

    private static String inet(InetAddress a) {
        byte[] bytes = a.getAddress();
        if (bytes.length == 4) return a.getHostAddress();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < 16; i += 2) groups.add(String.format("%02x%02x", bytes[i], bytes[i + 1]));
        return String.join(":", groups);
    }

    private static String date(LocalDate d) {
        if (d.getYear() < 1 || d.getYear() > 9999) return "days:" + d.toEpochDay();
        return d.toString();
    }

    private static String time(LocalTime t) {
        return String.format("%02d:%02d:%02d.%09d", t.getHour(), t.getMinute(), t.getSecond(), t.getNano());
    }

    private static String timestamp(Instant i) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(i.getEpochSecond(), i.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) return "ms:" + i.toEpochMilli();
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", t.getYear(), t.getMonthValue(), t.getDayOfMonth(),
                t.getHour(), t.getMinute(), t.getSecond(), t.getNano() / 1_000_000);
    }

    private static String sequence(DataType element, Collection<?> values, String open, String close) {
        List<String> parts = new ArrayList<>();
        for (Object e : values) parts.add(render(element, e));
        return open + String.join(",", parts) + close;
    }

    private static String sequence(List<DataType> types, List<?> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) parts.add(render(types.get(i), values.get(i)));
        return "(" + String.join(",", parts) + ")";
    }

    private static String sorted(DataType element, Collection<?> values) {
        List<String> parts = new ArrayList<>();
        for (Object e : values) parts.add(render(element, e));
        parts.sort(null);
        return "{" + String.join(",", parts) + "}";
    }

    private static String map(DataType type, Map<?, ?> m) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            parts.add(render(type.typeArguments().get(0), e.getKey()) + ":" + render(type.typeArguments().get(1), e.getValue()));
        }
        parts.sort(null);
        return "{" + String.join(",", parts) + "}";
    }

    private static String udt(DataType type, UdtValue u) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < type.fieldNames().size(); i++) {
            String f = type.fieldNames().get(i);
            parts.add(f + "=" + render(type.typeArguments().get(i), u.get(f)));
        }
        return "{" + String.join(",", parts) + "}";
    }
}
