package io.jsylla.internal.codec;

import io.jsylla.CqlDuration;
import io.jsylla.DataType;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.UUID;

import static io.jsylla.internal.codec.CodecTesting.assertRejected;
import static io.jsylla.internal.codec.CodecTesting.encodeHex;
import static io.jsylla.internal.codec.CodecTesting.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

/** What Java values bind to the non-numeric primitive types, and the messages for those that do not. */
class OtherConversionTest {

    @Test
    void text() {
        assertThat(roundTrip(DataType.TEXT, 'x')).isEqualTo("x");
        assertThat(roundTrip(DataType.ASCII, 'x')).isEqualTo("x");
        assertThat(roundTrip(DataType.TEXT, "naïve 🚀")).isEqualTo("naïve 🚀");
        assertRejected(DataType.ASCII, "héllo", "java.lang.String", "'héllo'", "non-ASCII", "ascii");
        assertRejected(DataType.TEXT, 1, "cannot bind java.lang.Integer to text");
        assertRejected(DataType.TEXT, new StringBuilder("x"), "cannot bind java.lang.StringBuilder to text");
        assertRejected(DataType.ASCII, new byte[] {1}, "cannot bind [B to ascii");
    }

    @Test
    void blobIsNotConsumed() {
        ByteBuffer b = ByteBuffer.wrap(new byte[] {9, 1, 2, 3});
        b.position(1);
        assertThat(encodeHex(DataType.BLOB, b)).isEqualTo("010203");
        assertThat(b.position()).isEqualTo(1);
        assertThat(encodeHex(DataType.BLOB, new byte[] {4, 5})).isEqualTo("0405");
        assertThat(encodeHex(DataType.custom("a.B"), new byte[] {4})).isEqualTo("04");
        assertRejected(DataType.BLOB, "0x01", "cannot bind java.lang.String to blob");
        assertRejected(DataType.custom("a.B"), 1, "cannot bind java.lang.Integer to 'a.B'");
    }

    @Test
    void booleanUuidInet() {
        assertRejected(DataType.BOOLEAN, 1, "cannot bind java.lang.Integer to boolean");
        assertRejected(DataType.BOOLEAN, "true", "cannot bind java.lang.String to boolean");
        UUID random = UUID.randomUUID();
        assertThat(roundTrip(DataType.UUID, random)).isEqualTo(random);
        assertRejected(DataType.UUID, random.toString(), "cannot bind java.lang.String to uuid");
        assertRejected(DataType.TIMEUUID, random, random.toString(), "version 4", "timeuuid");
        UUID v1 = UUID.fromString("c2d8e3a0-5a2b-11ee-8c99-0242ac120002");
        assertThat(roundTrip(DataType.TIMEUUID, v1)).isEqualTo(v1);
        assertRejected(DataType.INET, "127.0.0.1", "cannot bind java.lang.String to inet");
    }

    @Test
    void ipv4MappedIpv6StaysSixteenBytes() throws Exception {
        byte[] mapped = CodecTesting.bytes("00000000000000000000ffff7f000001");
        Object decoded = CodecTesting.decodeHex(DataType.INET, "00000000000000000000ffff7f000001");
        assertThat(decoded).isInstanceOf(java.net.Inet6Address.class);
        assertThat(((InetAddress) decoded).getAddress()).isEqualTo(mapped);
        assertThat(encodeHex(DataType.INET, decoded)).isEqualTo("00000000000000000000ffff7f000001");
    }

    @Test
    void timestamp() {
        Instant t = Instant.parse("2024-05-06T07:08:09.123Z");
        assertThat(roundTrip(DataType.TIMESTAMP, t)).isEqualTo(t);
        assertThat(roundTrip(DataType.TIMESTAMP, new Date(t.toEpochMilli()))).isEqualTo(t);
        assertThat(roundTrip(DataType.TIMESTAMP, t.atOffset(ZoneOffset.ofHours(5)))).isEqualTo(t);
        assertThat(roundTrip(DataType.TIMESTAMP, ZonedDateTime.ofInstant(t, ZoneId.of("Europe/Paris")))).isEqualTo(t);
        assertThat(roundTrip(DataType.TIMESTAMP, t.toEpochMilli())).isEqualTo(t);
        // Sub-millisecond precision is dropped towards the past, before and after the epoch.
        assertThat(roundTrip(DataType.TIMESTAMP, Instant.ofEpochSecond(0, 1_999_999))).isEqualTo(Instant.ofEpochMilli(1));
        assertThat(roundTrip(DataType.TIMESTAMP, Instant.ofEpochSecond(-1, 999_999))).isEqualTo(Instant.ofEpochMilli(-1000));
        assertRejected(DataType.TIMESTAMP, LocalDateTime.of(2024, 1, 1, 0, 0),
                "cannot bind java.time.LocalDateTime to timestamp", "time zone");
        assertRejected(DataType.TIMESTAMP, Instant.MAX, Instant.MAX + " out of range for timestamp");
        assertRejected(DataType.TIMESTAMP, OffsetDateTime.MAX, "out of range for timestamp");
        assertRejected(DataType.TIMESTAMP, 5, "cannot bind java.lang.Integer to timestamp");
        assertRejected(DataType.TIMESTAMP, "2024-01-01", "cannot bind java.lang.String to timestamp");
    }

    @Test
    void dateAndTime() {
        assertRejected(DataType.DATE, LocalDate.MAX, "+999999999-12-31 out of range for date");
        assertRejected(DataType.DATE, LocalDate.of(-5877641, 6, 22), "out of range for date");
        assertRejected(DataType.DATE, "2024-01-01", "cannot bind java.lang.String to date");
        assertRejected(DataType.DATE, Instant.EPOCH, "cannot bind java.time.Instant to date");
        assertThat(roundTrip(DataType.TIME, 1L)).isEqualTo(LocalTime.ofNanoOfDay(1));
        assertThat(roundTrip(DataType.TIME, 86_399_999_999_999L)).isEqualTo(LocalTime.MAX);
        assertRejected(DataType.TIME, 86_400_000_000_000L, "86400000000000 out of range for time");
        assertRejected(DataType.TIME, -1L, "-1 out of range for time");
        assertRejected(DataType.TIME, 5, "cannot bind java.lang.Integer to time");
    }

    @Test
    void duration() {
        assertThat(roundTrip(DataType.DURATION, Duration.ofHours(-25).plusNanos(1)))
                .isEqualTo(CqlDuration.of(0, 0, Duration.ofHours(-25).plusNanos(1).toNanos()));
        assertRejected(DataType.DURATION, Duration.ofDays(365L * 300), "out of range for duration");
        assertRejected(DataType.DURATION, "1h", "cannot bind java.lang.String to duration");
        assertRejected(DataType.DURATION, 5L, "cannot bind java.lang.Long to duration");
    }

    @Test
    void unsetIsNotAValueInsideOtherValues() {
        assertRejected(DataType.INT, io.jsylla.Unset.VALUE, "cannot bind io.jsylla.Unset to int");
    }
}
