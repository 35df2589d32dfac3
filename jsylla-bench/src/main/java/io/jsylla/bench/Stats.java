package io.jsylla.bench;

import java.util.Arrays;

/** The statistics of the report: medians over rounds and ratios to jsylla. */
public final class Stats {
    private Stats() {}

    /** The median of the finite values (the mean of the middle two for an even count); NaN if none. */
    public static double median(double... values) {
        double[] v = Arrays.stream(values).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) return Double.NaN;
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
    }

    /** {@code value / base}; NaN when either is missing or the base is zero. */
    public static double ratio(double value, double base) {
        if (!Double.isFinite(value) || !Double.isFinite(base) || base == 0) return Double.NaN;
        return value / base;
    }
}
