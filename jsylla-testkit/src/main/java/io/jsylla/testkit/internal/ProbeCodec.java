package io.jsylla.testkit.internal;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Just enough of CQL native protocol v4 for the kit's probe: frames, string maps, and rows of
 * the common types. Deliberately separate from the driver's codec, so the kit is an
 * independent witness of what the driver does.
 */
public final class ProbeCodec {
    public static final int VERSION = 4;
    public static final int ERROR = 0x00, STARTUP = 0x01, READY = 0x02, AUTHENTICATE = 0x03,
            OPTIONS = 0x05, SUPPORTED = 0x06, QUERY = 0x07, RESULT = 0x08, AUTH_RESPONSE = 0x0F,
            AUTH_SUCCESS = 0x10;
    /** A frame body may not exceed what Cassandra itself would send by default (256 MiB). */
    private static final int MAX_BODY = 256 << 20;

    private ProbeCodec() {}

    /** A response frame: its opcode and body. */
    public record Frame(int stream, int opcode, ByteBuffer body) {}

    public static byte[] frame(int stream, int opcode, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(9 + body.length);
        b.put((byte) VERSION).put((byte) 0).putShort((short) stream).put((byte) opcode).putInt(body.length).put(body);
        return b.array();
    }

    public static Frame readFrame(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(in);
        byte[] header = new byte[9];
        data.readFully(header);
        ByteBuffer h = ByteBuffer.wrap(header);
        int version = h.get() & 0xFF;
        if (version != (0x80 | VERSION)) throw new IOException("unexpected response version byte 0x" + Integer.toHexString(version));
        int flags = h.get();
        int stream = h.getShort();
        int opcode = h.get() & 0xFF;
        int length = h.getInt();
        if (length < 0 || length > MAX_BODY) throw new IOException("frame body length " + length + " out of range");
        byte[] body = new byte[length];
        data.readFully(body);
        ByteBuffer bb = ByteBuffer.wrap(body);
        if ((flags & 0x02) != 0) bb.position(bb.position() + 16); // tracing id, a raw [uuid]
        if ((flags & 0x08) != 0) readStringList(bb); // warnings
        if ((flags & 0x04) != 0) readBytesMap(bb); // custom payload
        return new Frame(stream, opcode, bb.slice());
    }

    public static byte[] stringMap(Map<String, String> map) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeShort(out, map.size());
        map.forEach((k, v) -> {
            writeString(out, k);
            writeString(out, v);
        });
        return out.toByteArray();
    }

    public static byte[] bytes(byte[] value) {
        ByteBuffer b = ByteBuffer.allocate(4 + value.length);
        return b.putInt(value.length).put(value).array();
    }

    /** A QUERY body at consistency ONE with a page size, optionally continuing from a paging state. */
    public static byte[] query(String cql, int pageSize, ByteBuffer pagingState) {
        byte[] text = cql.getBytes(StandardCharsets.UTF_8);
        int stateLen = pagingState == null ? 0 : 4 + pagingState.remaining();
        ByteBuffer b = ByteBuffer.allocate(4 + text.length + 2 + 1 + 4 + stateLen);
        b.putInt(text.length).put(text).putShort((short) 0x0001);
        b.put((byte) (0x04 | (pagingState == null ? 0 : 0x08))).putInt(pageSize);
        if (pagingState != null) b.putInt(pagingState.remaining()).put(pagingState.duplicate());
        return b.array();
    }

    public static Map<String, List<String>> readStringMultimap(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) out.put(readString(b), readStringList(b));
        return out;
    }

    public static String readString(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    public static String readLongString(ByteBuffer b) {
        int n = b.getInt();
        byte[] s = new byte[n];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    static List<String> readStringList(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(readString(b));
        return out;
    }

    /** A [bytes] value; null for a negative length. */
    public static ByteBuffer readBytes(ByteBuffer b) {
        int n = b.getInt();
        if (n < 0) return null;
        ByteBuffer v = b.slice();
        v.limit(n);
        b.position(b.position() + n);
        return v;
    }

    private static void readBytesMap(ByteBuffer b) {
        int n = b.getShort() & 0xFFFF;
        for (int i = 0; i < n; i++) {
            readString(b);
            readBytes(b);
        }
    }

    /** A column type from result metadata. */
    public record Type(int id, String custom, List<Type> params, List<String> fieldNames) {}

    /**
     * The column specs of a rows result's metadata (flags Global_tables_spec 0x0001 and No_metadata
     * 0x0004 as given): each column's name and type go to {@code names} and {@code types}; the
     * keyspace and table names are skipped.
     */
    public static void readColumnSpecs(ByteBuffer b, int flags, int columns, List<String> names, List<Type> types) {
        if ((flags & 0x0004) != 0) return;
        boolean global = (flags & 0x0001) != 0;
        if (global) {
            readString(b);
            readString(b);
        }
        for (int i = 0; i < columns; i++) {
            if (!global) {
                readString(b);
                readString(b);
            }
            names.add(readString(b));
            types.add(readType(b));
        }
    }

    public static Type readType(ByteBuffer b) {
        int id = b.getShort() & 0xFFFF;
        switch (id) {
            case 0x0000:
                return new Type(id, readString(b), List.of(), List.of());
            case 0x0020, 0x0022:
                return new Type(id, null, List.of(readType(b)), List.of());
            case 0x0021:
                return new Type(id, null, List.of(readType(b), readType(b)), List.of());
            case 0x0030: {
                String ks = readString(b), name = readString(b);
                int n = b.getShort() & 0xFFFF;
                List<String> names = new ArrayList<>(n);
                List<Type> types = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    names.add(readString(b));
                    types.add(readType(b));
                }
                return new Type(id, ks + "." + name, types, names);
            }
            case 0x0031: {
                int n = b.getShort() & 0xFFFF;
                List<Type> types = new ArrayList<>(n);
                for (int i = 0; i < n; i++) types.add(readType(b));
                return new Type(id, null, types, List.of());
            }
            default:
                return new Type(id, null, List.of(), List.of());
        }
    }

    /**
     * Decodes a cell to a plain Java value; types the probe has no use for (duration, custom
     * such as vector) come back as their raw bytes.
     */
    public static Object decode(Type t, ByteBuffer v) {
        if (v == null) return null;
        ByteBuffer b = v.duplicate();
        switch (t.id()) {
            case 0x01, 0x0D: return StandardCharsets.UTF_8.decode(b).toString();
            case 0x02, 0x05: return b.getLong();
            case 0x04: return b.get() != 0;
            case 0x06: {
                int scale = b.getInt();
                return new BigDecimal(new BigInteger(remaining(b)), scale);
            }
            case 0x07: return b.getDouble();
            case 0x08: return b.getFloat();
            case 0x09: return b.getInt();
            case 0x0B: return Instant.ofEpochMilli(b.getLong());
            case 0x0C, 0x0F: return new UUID(b.getLong(), b.getLong());
            case 0x0E: return new BigInteger(remaining(b));
            case 0x10:
                try {
                    return InetAddress.getByAddress(remaining(b));
                } catch (java.net.UnknownHostException e) {
                    throw new IllegalArgumentException("bad inet of " + v.remaining() + " bytes", e);
                }
            case 0x11: return LocalDate.ofEpochDay((b.getInt() & 0xFFFFFFFFL) - (1L << 31));
            case 0x12: return LocalTime.ofNanoOfDay(b.getLong());
            case 0x13: return b.getShort();
            case 0x14: return b.get();
            case 0x20, 0x22: {
                int n = b.getInt();
                List<Object> out = new ArrayList<>(n);
                for (int i = 0; i < n; i++) out.add(decode(t.params().get(0), readBytes(b)));
                return t.id() == 0x22 ? new LinkedHashSet<>(out) : out;
            }
            case 0x21: {
                int n = b.getInt();
                Map<Object, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    out.put(decode(t.params().get(0), readBytes(b)), decode(t.params().get(1), readBytes(b)));
                }
                return out;
            }
            case 0x30: {
                Map<String, Object> out = new LinkedHashMap<>();
                for (int i = 0; i < t.params().size() && b.hasRemaining(); i++) {
                    out.put(t.fieldNames().get(i), decode(t.params().get(i), readBytes(b)));
                }
                return out;
            }
            case 0x31: {
                List<Object> out = new ArrayList<>();
                for (int i = 0; i < t.params().size() && b.hasRemaining(); i++) {
                    out.add(decode(t.params().get(i), readBytes(b)));
                }
                return out;
            }
            default: return b;
        }
    }

    private static byte[] remaining(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    /** A protocol [short]. */
    public static void writeShort(ByteArrayOutputStream out, int v) {
        out.write((v >>> 8) & 0xFF);
        out.write(v & 0xFF);
    }

    /** A protocol [string]. */
    public static void writeString(ByteArrayOutputStream out, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        writeShort(out, b.length);
        out.write(b, 0, b.length);
    }
}
