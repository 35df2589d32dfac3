package io.jsylla.internal.protocol;

import io.jsylla.Consistency;
import io.netty.buffer.ByteBuf;

import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ERROR: an [int] code, a [string] message, then fields that depend on the code (spec section 9).
 * One flat record rather than a type per code: the connection layer maps codes to exceptions, and
 * fields a code does not carry are null, 0, false or empty. Unknown codes keep code and message.
 *
 * @param numFailures v4 sends it; in v5 it is the size of {@code reasonMap}
 * @param reasonMap   v5 read/write failures: replica to failure reason code
 * @param rest        what follows the message for a code this codec does not know (a protocol
 *                    extension's, whose code the connection negotiated), else null
 */
public record ErrorResponse(int code, String message, Consistency consistency, int received, int blockFor,
                            int required, int alive, boolean dataPresent, String writeType, int numFailures,
                            Map<InetAddress, Integer> reasonMap, String keyspace, String table, byte[] unpreparedId,
                            String functionKeyspace, String functionName, List<String> argumentTypes, byte[] rest)
        implements Response {

    public static final int SERVER_ERROR = 0x0000;
    public static final int PROTOCOL_ERROR = 0x000A;
    public static final int BAD_CREDENTIALS = 0x0100;
    public static final int UNAVAILABLE = 0x1000;
    public static final int OVERLOADED = 0x1001;
    public static final int IS_BOOTSTRAPPING = 0x1002;
    public static final int TRUNCATE_ERROR = 0x1003;
    public static final int WRITE_TIMEOUT = 0x1100;
    public static final int READ_TIMEOUT = 0x1200;
    public static final int READ_FAILURE = 0x1300;
    public static final int FUNCTION_FAILURE = 0x1400;
    public static final int WRITE_FAILURE = 0x1500;
    public static final int CDC_WRITE_FAILURE = 0x1600;
    public static final int CAS_WRITE_UNKNOWN = 0x1700;
    public static final int SYNTAX_ERROR = 0x2000;
    public static final int UNAUTHORIZED = 0x2100;
    public static final int INVALID = 0x2200;
    public static final int CONFIG_ERROR = 0x2300;
    public static final int ALREADY_EXISTS = 0x2400;
    public static final int UNPREPARED = 0x2500;

    public ErrorResponse {
        reasonMap = reasonMap == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(reasonMap));
        argumentTypes = argumentTypes == null ? List.of() : List.copyOf(argumentTypes);
    }

    /** An error with a code and message only. */
    public static ErrorResponse simple(int code, String message) {
        return new ErrorResponse(code, message, null, 0, 0, 0, 0, false, null, 0, null, null, null, null, null, null,
                null, null);
    }

    public static ErrorResponse decode(ByteBuf in, ProtocolVersion version) {
        int code = in.readInt();
        String message = Wire.readString(in);
        byte[] rest = null;
        Consistency cl = null;
        int received = 0, blockFor = 0, required = 0, alive = 0, numFailures = 0;
        boolean dataPresent = false;
        String writeType = null, keyspace = null, table = null, fnKeyspace = null, fnName = null;
        Map<InetAddress, Integer> reasons = null;
        byte[] unpreparedId = null;
        List<String> argTypes = null;
        switch (code) {
            case UNAVAILABLE -> {
                cl = Wire.readConsistency(in);
                required = in.readInt();
                alive = in.readInt();
            }
            case WRITE_TIMEOUT, READ_TIMEOUT, READ_FAILURE, WRITE_FAILURE, CAS_WRITE_UNKNOWN -> {
                cl = Wire.readConsistency(in);
                received = in.readInt();
                blockFor = in.readInt();
                if (code == READ_FAILURE || code == WRITE_FAILURE) {
                    if (version == ProtocolVersion.V4) {
                        numFailures = in.readInt();
                    } else {
                        reasons = readReasonMap(in);
                        numFailures = reasons.size();
                    }
                }
                if (code == READ_TIMEOUT || code == READ_FAILURE) dataPresent = in.readByte() != 0;
                if (code == WRITE_TIMEOUT || code == WRITE_FAILURE) writeType = Wire.readString(in);
                // v5 WRITE_TIMEOUT of a CAS write then has a [short] contentions count; nothing uses it.
            }
            case FUNCTION_FAILURE -> {
                fnKeyspace = Wire.readString(in);
                fnName = Wire.readString(in);
                argTypes = Wire.readStringList(in);
            }
            case ALREADY_EXISTS -> {
                keyspace = Wire.readString(in);
                table = Wire.readString(in);
            }
            case UNPREPARED -> unpreparedId = Wire.readShortBytes(in);
            default -> {
                if (in.isReadable()) { // an extension's error: read with what the connection negotiated
                    rest = new byte[in.readableBytes()];
                    in.readBytes(rest);
                }
            }
        }
        return new ErrorResponse(code, message, cl, received, blockFor, required, alive, dataPresent, writeType,
                numFailures, reasons, keyspace, table, unpreparedId, fnKeyspace, fnName, argTypes, rest);
    }

    /** &lt;reasonmap&gt;: an [int] n, then n pairs of [inetaddr] replica and [short] failure code. */
    private static Map<InetAddress, Integer> readReasonMap(ByteBuf in) {
        int n = in.readInt();
        if (n < 0 || n > in.readableBytes() / 7) { // an entry takes at least 1 + 4 + 2 bytes
            throw new CodecException("invalid failure reason map size " + n);
        }
        Map<InetAddress, Integer> map = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) map.put(Wire.readInetAddr(in), in.readUnsignedShort());
        return map;
    }

    /** Writes the body as a server of {@code version} would; the inverse of {@link #decode}. */
    public void encode(ByteBuf out, ProtocolVersion version) {
        out.writeInt(code);
        Wire.writeString(message, out);
        switch (code) {
            case UNAVAILABLE -> {
                Wire.writeConsistency(consistency, out);
                out.writeInt(required);
                out.writeInt(alive);
            }
            case WRITE_TIMEOUT, READ_TIMEOUT, READ_FAILURE, WRITE_FAILURE, CAS_WRITE_UNKNOWN -> {
                Wire.writeConsistency(consistency, out);
                out.writeInt(received);
                out.writeInt(blockFor);
                if (code == READ_FAILURE || code == WRITE_FAILURE) {
                    if (version == ProtocolVersion.V4) {
                        out.writeInt(numFailures);
                    } else {
                        out.writeInt(reasonMap.size());
                        reasonMap.forEach((address, reason) -> {
                            Wire.writeInetAddr(address, out);
                            out.writeShort(reason);
                        });
                    }
                }
                if (code == READ_TIMEOUT || code == READ_FAILURE) out.writeByte(dataPresent ? 1 : 0);
                if (code == WRITE_TIMEOUT || code == WRITE_FAILURE) Wire.writeString(writeType, out);
                if (code == WRITE_TIMEOUT && version != ProtocolVersion.V4 && "CAS".equals(writeType)) {
                    out.writeShort(0); // contentions: not modelled
                }
            }
            case FUNCTION_FAILURE -> {
                Wire.writeString(functionKeyspace, out);
                Wire.writeString(functionName, out);
                Wire.writeStringList(argumentTypes, out);
            }
            case ALREADY_EXISTS -> {
                Wire.writeString(keyspace, out);
                Wire.writeString(table, out);
            }
            case UNPREPARED -> Wire.writeShortBytes(unpreparedId, out);
            default -> {
                if (rest != null) out.writeBytes(rest);
            }
        }
    }

    /** The spec's name of an error code, for messages; unknown ones in hex. */
    public static String codeName(int code) {
        return switch (code) {
            case SERVER_ERROR -> "SERVER_ERROR";
            case PROTOCOL_ERROR -> "PROTOCOL_ERROR";
            case BAD_CREDENTIALS -> "BAD_CREDENTIALS";
            case UNAVAILABLE -> "UNAVAILABLE";
            case OVERLOADED -> "OVERLOADED";
            case IS_BOOTSTRAPPING -> "IS_BOOTSTRAPPING";
            case TRUNCATE_ERROR -> "TRUNCATE_ERROR";
            case WRITE_TIMEOUT -> "WRITE_TIMEOUT";
            case READ_TIMEOUT -> "READ_TIMEOUT";
            case READ_FAILURE -> "READ_FAILURE";
            case FUNCTION_FAILURE -> "FUNCTION_FAILURE";
            case WRITE_FAILURE -> "WRITE_FAILURE";
            case CDC_WRITE_FAILURE -> "CDC_WRITE_FAILURE";
            case CAS_WRITE_UNKNOWN -> "CAS_WRITE_UNKNOWN";
            case SYNTAX_ERROR -> "SYNTAX_ERROR";
            case UNAUTHORIZED -> "UNAUTHORIZED";
            case INVALID -> "INVALID";
            case CONFIG_ERROR -> "CONFIG_ERROR";
            case ALREADY_EXISTS -> "ALREADY_EXISTS";
            case UNPREPARED -> "UNPREPARED";
            default -> String.format("0x%04X", code);
        };
    }
}
