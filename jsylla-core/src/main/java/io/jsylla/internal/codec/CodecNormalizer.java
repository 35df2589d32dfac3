package io.jsylla.internal.codec;

import io.jsylla.CqlDuration;
import io.jsylla.DataType;
import io.jsylla.TupleValue;
import io.jsylla.UdtValue;
import io.jsylla.internal.values.ValueNormalizer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The {@link ValueNormalizer} the public value classes load (module-info.java's {@code provides},
 * META-INF/services on the class path): {@link Codecs#normalize}, with a fast path for a value
 * already in the natural form decoding gives, which it returns as is. That is what keeps decoding
 * tuples and UDTs cheap, their decoded components being natural; lists, sets and maps of natural
 * elements are copied as decoding would. Everything else (other Java types, values the round trip
 * would change or copy: blobs, inets, vectors, custom types) takes the round trip.
 */
public final class CodecNormalizer implements ValueNormalizer {

    /** Timestamps whose milliseconds surely fit a long (Instant's own range is wider). */
    private static final long MAX_TIMESTAMP_SECONDS = Long.MAX_VALUE / 1000 - 1;

    /** What {@link #fastPath} returns for a value that must take the round trip. */
    private static final Object NO_FAST_PATH = new Object();

    /** For ServiceLoader. */
    public CodecNormalizer() {
    }

    @Override
    public Object normalize(DataType type, Object value) {
        if (value == null) return null;
        Object fast = fastPath(type, value);
        if (fast != NO_FAST_PATH) return fast;
        try {
            return Codecs.normalize(type, value);
        } catch (CodecException e) {
            throw new NotConvertibleException(e.getMessage(), e);
        }
    }

    /**
     * What the round trip would give for value (non-null), without encoding: value itself if it is
     * natural (see {@link #isNatural}); for a list, set or map whose elements all are, a copy of
     * the kind decoding makes (unmodifiable, over an ArrayList, LinkedHashSet or LinkedHashMap).
     * {@link #NO_FAST_PATH} otherwise (nulls inside included, to get the round trip's error).
     */
    static Object fastPath(DataType type, Object value) {
        switch (type.kind()) {
            case LIST, SET -> {
                if (!(value instanceof Collection<?> elements)) return NO_FAST_PATH;
                DataType elementType = type.typeArguments().get(0);
                boolean isSet = type.kind() == DataType.Kind.SET;
                Collection<Object> copy = isSet
                        ? new LinkedHashSet<>(CollectionCodec.capacity(elements.size()))
                        : new ArrayList<>(elements.size());
                for (Object e : elements) {
                    Object n = e == null ? NO_FAST_PATH : fastPath(elementType, e);
                    if (n == NO_FAST_PATH) return NO_FAST_PATH;
                    copy.add(n);
                }
                return isSet ? Collections.unmodifiableSet((Set<Object>) copy) : Collections.unmodifiableList((List<Object>) copy);
            }
            case MAP -> {
                if (!(value instanceof Map<?, ?> map)) return NO_FAST_PATH;
                DataType keyType = type.typeArguments().get(0);
                DataType valueType = type.typeArguments().get(1);
                Map<Object, Object> copy = new LinkedHashMap<>(CollectionCodec.capacity(map.size()));
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    Object k = e.getKey() == null ? NO_FAST_PATH : fastPath(keyType, e.getKey());
                    Object v = e.getValue() == null ? NO_FAST_PATH : fastPath(valueType, e.getValue());
                    if (k == NO_FAST_PATH || v == NO_FAST_PATH) return NO_FAST_PATH;
                    copy.put(k, v);
                }
                return Collections.unmodifiableMap(copy);
            }
            default -> {
                return isNatural(type, value) ? value : NO_FAST_PATH;
            }
        }
    }

    /**
     * Whether the round trip would give value back unchanged (an equal immutable object): value is
     * of the exact class decoding gives for type, and within what the type encodes exactly.
     */
    static boolean isNatural(DataType type, Object value) {
        Class<?> c = value.getClass();
        return switch (type.kind()) {
            case INT -> c == Integer.class;
            case BIGINT, COUNTER -> c == Long.class;
            case SMALLINT -> c == Short.class;
            case TINYINT -> c == Byte.class;
            case BOOLEAN -> c == Boolean.class;
            case DOUBLE -> c == Double.class;
            case FLOAT -> c == Float.class;
            case TEXT -> c == String.class && isWellFormedUtf16((String) value);
            case ASCII -> c == String.class && isAscii((String) value);
            case DECIMAL -> c == BigDecimal.class; // exact class: BigDecimal and BigInteger are not final
            case VARINT -> c == BigInteger.class;
            case UUID -> c == UUID.class;
            case TIMEUUID -> c == UUID.class && ((UUID) value).version() == 1;
            case DATE -> c == LocalDate.class && fitsInt(((LocalDate) value).toEpochDay());
            case TIME -> c == LocalTime.class;
            case TIMESTAMP -> c == Instant.class && isWholeMillis((Instant) value);
            case DURATION -> c == CqlDuration.class;
            // A value's components were normalized for its type when it was built.
            case TUPLE -> c == TupleValue.class && type.equals(((TupleValue) value).type());
            case UDT -> c == UdtValue.class && type.equals(((UdtValue) value).type());
            default -> false;
        };
    }

    private static boolean fitsInt(long n) {
        return n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE;
    }

    private static boolean isWholeMillis(Instant i) {
        return i.getNano() % 1_000_000 == 0 && Math.abs(i.getEpochSecond()) <= MAX_TIMESTAMP_SECONDS;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) return false;
        }
        return true;
    }

    /** No unpaired surrogate, which UTF-8 encoding would replace with '?'. */
    private static boolean isWellFormedUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isSurrogate(ch)) {
                if (Character.isHighSurrogate(ch) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return false;
                }
            }
        }
        return true;
    }
}
