package io.jsylla.testing;

import io.jsylla.Consistency;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link ScriptedNode} does with one request: answer (a result or a server error), answer
 * late, never answer, or close the connection the request came on.
 */
public sealed interface Reaction {

    /** A RESULT Void (or, to a PREPARE, the statement's PREPARED result). */
    static Reaction ok() {
        return Ok.VOID;
    }

    /** A RESULT Rows with one text column {@code column} and one row per value. */
    static Reaction rows(String column, String... values) {
        return new Rows(column, List.of(values));
    }

    /** An ERROR with this code and no extra content. */
    static Reaction error(int code, String message) {
        return new Error(code, message, new byte[0]);
    }

    static Reaction serverError() {
        return error(ErrorCodes.SERVER_ERROR, "scripted server error");
    }

    static Reaction syntaxError() {
        return error(ErrorCodes.SYNTAX_ERROR, "scripted syntax error: line 1:0 no viable alternative");
    }

    static Reaction invalid() {
        return error(ErrorCodes.INVALID, "scripted invalid query: unconfigured table t");
    }

    static Reaction overloaded() {
        return error(ErrorCodes.OVERLOADED, "scripted overload");
    }

    static Reaction bootstrapping() {
        return error(ErrorCodes.IS_BOOTSTRAPPING, "scripted: the node is bootstrapping");
    }

    /** UNAVAILABLE: [consistency] cl, [int] required, [int] alive. */
    static Reaction unavailable(Consistency cl, int required, int alive) {
        return new Error(ErrorCodes.UNAVAILABLE, "Cannot achieve consistency level " + cl,
                ServerWire.encode(b -> b.writeShort(cl.code()).writeInt(required).writeInt(alive)));
    }

    /** READ_TIMEOUT: [consistency] cl, [int] received, [int] blockfor, [byte] data_present. */
    static Reaction readTimeout(Consistency cl, int received, int blockFor, boolean dataPresent) {
        return new Error(ErrorCodes.READ_TIMEOUT, "Operation timed out - received only " + received + " responses.",
                ServerWire.encode(b -> b.writeShort(cl.code()).writeInt(received).writeInt(blockFor)
                        .writeByte(dataPresent ? 1 : 0)));
    }

    /** WRITE_TIMEOUT: [consistency] cl, [int] received, [int] blockfor, [string] writeType. */
    static Reaction writeTimeout(Consistency cl, int received, int blockFor, String writeType) {
        return new Error(ErrorCodes.WRITE_TIMEOUT, "Operation timed out - received only " + received + " responses.",
                ServerWire.encode(b -> {
                    b.writeShort(cl.code()).writeInt(received).writeInt(blockFor);
                    ServerWire.writeString(b, writeType);
                }));
    }

    /** Says nothing, ever: the request stays unanswered. */
    static Reaction noAnswer() {
        return NoAnswer.INSTANCE;
    }

    /** Closes the connection the request arrived on, without answering. */
    static Reaction closeConnection() {
        return Close.INSTANCE;
    }

    /** {@code then}, after {@code delay}. */
    static Reaction delayed(Duration delay, Reaction then) {
        return new Delayed(delay, then);
    }

    record Ok() implements Reaction {
        static final Ok VOID = new Ok();
    }

    record Rows(String column, List<String> values) implements Reaction {
        public Rows {
            Objects.requireNonNull(column);
            values = List.copyOf(values);
        }
    }

    record Error(int code, String message, byte[] extra) implements Reaction {
        byte[] body() {
            return ServerWire.encode(b -> {
                b.writeInt(code);
                ServerWire.writeString(b, message);
                b.writeBytes(extra);
            });
        }

        @Override
        public String toString() {
            return "Error[0x" + Integer.toHexString(code) + " " + message + "]";
        }
    }

    record NoAnswer() implements Reaction {
        static final NoAnswer INSTANCE = new NoAnswer();
    }

    record Close() implements Reaction {
        static final Close INSTANCE = new Close();
    }

    record Delayed(Duration delay, Reaction then) implements Reaction {}

    /** The protocol's error codes (native_protocol_v4.spec, section 9). */
    final class ErrorCodes {
        public static final int SERVER_ERROR = 0x0000, PROTOCOL_ERROR = 0x000A, UNAVAILABLE = 0x1000,
                OVERLOADED = 0x1001, IS_BOOTSTRAPPING = 0x1002, WRITE_TIMEOUT = 0x1100, READ_TIMEOUT = 0x1200,
                SYNTAX_ERROR = 0x2000, INVALID = 0x2200, UNPREPARED = 0x2500;

        private ErrorCodes() {}
    }
}
