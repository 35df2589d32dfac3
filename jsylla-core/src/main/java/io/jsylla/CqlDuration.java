package io.jsylla;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The value of a CQL {@code duration}: months, days and nanoseconds, kept apart because a month or
 * a day has no fixed length (daylight saving time, month lengths). All three share one sign.
 * Immutable. {@link #toString()} and {@link #parse(String)} use CQL's {@code 1y2mo3d4h5m6s} format;
 * parse also reads ISO 8601 ({@code P1Y2M3DT4H5M6S}, {@code P2W}, {@code P0001-02-03T04:05:06}).
 */
public final class CqlDuration {

    private static final long NANOS_PER_MICRO = 1_000L;
    private static final long NANOS_PER_MILLI = 1_000_000L;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    // Longer unit spellings first, so "mo" and "ms" are not read as "m".
    private static final Pattern UNIT = Pattern.compile("(\\d+)(y|mo|w|d|h|ms|m|us|µs|ns|s)", Pattern.CASE_INSENSITIVE);
    private static final List<String> UNITS = List.of("y", "mo", "w", "d", "h", "m", "s", "ms", "us", "ns");
    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d+)Y)?(?:(\\d+)M)?(?:(\\d+)D)?(?:T(?:(\\d+)H)?(?:(\\d+)M)?(?:(\\d+)(?:\\.(\\d{1,9}))?S)?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_WEEKS = Pattern.compile("P(\\d+)W", Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_ALTERNATIVE = Pattern.compile("P(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})");

    private final int months;
    private final int days;
    private final long nanoseconds;

    private CqlDuration(int months, int days, long nanoseconds) {
        boolean allNonNegative = months >= 0 && days >= 0 && nanoseconds >= 0;
        boolean allNonPositive = months <= 0 && days <= 0 && nanoseconds <= 0;
        if (!allNonNegative && !allNonPositive) {
            throw new IllegalArgumentException("months, days and nanoseconds of a duration must share one sign, got "
                    + months + ", " + days + ", " + nanoseconds);
        }
        this.months = months;
        this.days = days;
        this.nanoseconds = nanoseconds;
    }

    /** IllegalArgumentException if the three parts do not share one sign. */
    public static CqlDuration of(int months, int days, long nanoseconds) {
        return new CqlDuration(months, days, nanoseconds);
    }

    /** A duration of no months and no days; IllegalArgumentException beyond about 292 years of nanoseconds. */
    public static CqlDuration from(Duration duration) {
        try {
            return new CqlDuration(0, 0, duration.toNanos());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(duration + " does not fit a long of nanoseconds", e);
        }
    }

    /** Parses CQL's unit format ({@code -1y2mo3w4d5h6m7s8ms9us10ns}, units once each, largest first) or ISO 8601. */
    public static CqlDuration parse(String text) {
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        long[] parts;
        try {
            parts = body.startsWith("P") || body.startsWith("p") ? parseIso(body) : parseUnits(body);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("duration out of range: " + text, e);
        }
        if (parts == null) throw new IllegalArgumentException("cannot parse duration '" + text + "'");
        long months = parts[0];
        long days = parts[1];
        if (months > Integer.MAX_VALUE || days > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("duration out of range: " + text);
        }
        int sign = negative ? -1 : 1;
        return new CqlDuration(sign * (int) months, sign * (int) days, sign * parts[2]);
    }

    /** {months, days, nanos}, or null if the text is not in the unit format. */
    private static long[] parseUnits(String body) {
        if (body.isEmpty()) return null;
        long[] parts = new long[3];
        Matcher m = UNIT.matcher(body);
        int position = 0;
        int lastUnit = -1;
        while (position < body.length()) {
            if (!m.find(position) || m.start() != position) return null;
            String unitName = m.group(2).toLowerCase(Locale.ROOT).replace('µ', 'u');
            int unit = UNITS.indexOf(unitName);
            if (unit <= lastUnit) {
                throw new IllegalArgumentException("duration '" + body + "': units must appear once each, largest first");
            }
            lastUnit = unit;
            long n = Long.parseLong(m.group(1));
            switch (unitName) {
                case "y" -> parts[0] = Math.addExact(parts[0], Math.multiplyExact(n, 12));
                case "mo" -> parts[0] = Math.addExact(parts[0], n);
                case "w" -> parts[1] = Math.addExact(parts[1], Math.multiplyExact(n, 7));
                case "d" -> parts[1] = Math.addExact(parts[1], n);
                case "h" -> parts[2] = Math.addExact(parts[2], Math.multiplyExact(n, NANOS_PER_HOUR));
                case "m" -> parts[2] = Math.addExact(parts[2], Math.multiplyExact(n, NANOS_PER_MINUTE));
                case "s" -> parts[2] = Math.addExact(parts[2], Math.multiplyExact(n, NANOS_PER_SECOND));
                case "ms" -> parts[2] = Math.addExact(parts[2], Math.multiplyExact(n, NANOS_PER_MILLI));
                case "us" -> parts[2] = Math.addExact(parts[2], Math.multiplyExact(n, NANOS_PER_MICRO));
                default -> parts[2] = Math.addExact(parts[2], n);
            }
            position = m.end();
        }
        return parts;
    }

    private static long[] parseIso(String body) {
        Matcher m = ISO_WEEKS.matcher(body);
        if (m.matches()) return new long[] {0, Math.multiplyExact(number(m, 1), 7), 0};
        m = ISO_ALTERNATIVE.matcher(body);
        if (m.matches()) return isoParts(m, 0);
        m = ISO.matcher(body);
        // "P" and "PT" alone, or a "T" with nothing after it, are not durations.
        if (!m.matches() || body.length() == 1 || body.toUpperCase(Locale.ROOT).endsWith("T")) return null;
        return isoParts(m, fraction(m.group(7)));
    }

    /** Groups 1-6 are years, months, days, hours, minutes and seconds. */
    private static long[] isoParts(Matcher m, long fractionNanos) {
        long months = Math.addExact(Math.multiplyExact(number(m, 1), 12), number(m, 2));
        long nanos = Math.multiplyExact(number(m, 4), NANOS_PER_HOUR);
        nanos = Math.addExact(nanos, Math.multiplyExact(number(m, 5), NANOS_PER_MINUTE));
        nanos = Math.addExact(nanos, Math.multiplyExact(number(m, 6), NANOS_PER_SECOND));
        return new long[] {months, number(m, 3), Math.addExact(nanos, fractionNanos)};
    }

    private static long number(Matcher m, int group) {
        String s = m.group(group);
        return s == null ? 0 : Long.parseLong(s);
    }

    /** ".5" of a second is 500000000 ns. */
    private static long fraction(String digits) {
        if (digits == null) return 0;
        return Long.parseLong((digits + "00000000").substring(0, 9));
    }

    public int months() {
        return months;
    }

    public int days() {
        return days;
    }

    public long nanoseconds() {
        return nanoseconds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CqlDuration d && months == d.months && days == d.days && nanoseconds == d.nanoseconds;
    }

    @Override
    public int hashCode() {
        return (31 * months + days) * 31 + Long.hashCode(nanoseconds);
    }

    /** CQL's format, e.g. {@code 1y2mo3d4h}, {@code -5m30s}, {@code 0s}. */
    @Override
    public String toString() {
        if (months == 0 && days == 0 && nanoseconds == 0) return "0s";
        StringBuilder b = new StringBuilder();
        if (months < 0 || days < 0 || nanoseconds < 0) b.append('-');
        long m = Math.abs((long) months);
        append(b, m / 12, "y");
        append(b, m % 12, "mo");
        append(b, Math.abs((long) days), "d");
        // Negating Long.MIN_VALUE leaves it as is, which read unsigned is the right magnitude, 2^63.
        long n = nanoseconds < 0 ? -nanoseconds : nanoseconds;
        append(b, Long.divideUnsigned(n, NANOS_PER_HOUR), "h");
        long rest = Long.remainderUnsigned(n, NANOS_PER_HOUR);
        append(b, rest / NANOS_PER_MINUTE, "m");
        rest %= NANOS_PER_MINUTE;
        append(b, rest / NANOS_PER_SECOND, "s");
        rest %= NANOS_PER_SECOND;
        append(b, rest / NANOS_PER_MILLI, "ms");
        rest %= NANOS_PER_MILLI;
        append(b, rest / NANOS_PER_MICRO, "us");
        append(b, rest % NANOS_PER_MICRO, "ns");
        return b.toString();
    }

    private static void append(StringBuilder b, long value, String unit) {
        if (value != 0) b.append(value).append(unit);
    }
}
