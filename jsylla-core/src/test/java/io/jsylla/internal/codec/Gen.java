package io.jsylla.internal.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A tiny property-testing kit: a generator draws a value from a seeded {@link Random}, and
 * {@link #forAll} checks a property over many draws, naming the seed and the value that broke
 * it so a failure can be replayed exactly.
 */
@FunctionalInterface
public interface Gen<T> {
    T next(Random random);

    default <R> Gen<R> map(Function<? super T, ? extends R> f) {
        return r -> f.apply(next(r));
    }

    default <R> Gen<R> flatMap(Function<? super T, Gen<? extends R>> f) {
        return r -> f.apply(next(r)).next(r);
    }

    /** Lists of this, of a size in [min, max]. */
    default Gen<List<T>> list(int min, int max) {
        return r -> {
            int n = min + r.nextInt(max - min + 1);
            List<T> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) out.add(next(r));
            return out;
        };
    }

    /** This, or null one time in {@code 1/probability}. */
    default Gen<T> orNull(double probability) {
        return r -> r.nextDouble() < probability ? null : next(r);
    }

    @SafeVarargs
    static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
        return r -> gens[r.nextInt(gens.length)].next(r);
    }

    @SafeVarargs
    static <T> Gen<T> constants(T... values) {
        return r -> values[r.nextInt(values.length)];
    }

    /** Draws from gens[i] with weight weights[i]. */
    static <T> Gen<T> frequency(int[] weights, List<Gen<? extends T>> gens) {
        int total = 0;
        for (int w : weights) total += w;
        int sum = total;
        return r -> {
            int pick = r.nextInt(sum);
            for (int i = 0; i < weights.length; i++) {
                if ((pick -= weights[i]) < 0) return gens.get(i).next(r);
            }
            throw new AssertionError("unreachable");
        };
    }

    /** Ints over the whole range, with the limits, zero and ±1 drawn often: they are where codecs break. */
    static Gen<Integer> ints() {
        return r -> r.nextInt(5) == 0 ? new int[] {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1, -1}[r.nextInt(5)] : r.nextInt();
    }

    static Gen<Integer> ints(int min, int max) {
        return r -> {
            if (r.nextInt(5) == 0) return r.nextBoolean() ? min : max;
            return (int) (min + (long) (r.nextDouble() * ((long) max - min + 1)));
        };
    }

    static Gen<Long> longs() {
        return r -> r.nextInt(5) == 0 ? new long[] {Long.MIN_VALUE, Long.MAX_VALUE, 0, 1, -1}[r.nextInt(5)] : r.nextLong();
    }

    static Gen<Long> longs(long min, long max) {
        return r -> {
            if (r.nextInt(5) == 0) return r.nextBoolean() ? min : max;
            // in doubles: max - min may overflow a long
            double v = min + r.nextDouble() * ((double) max - (double) min);
            return Math.max(min, Math.min(max, (long) v));
        };
    }

    /** Checks {@code property} on {@code tries} values drawn from a generator seeded with {@code seed}. */
    static <T> void forAll(long seed, int tries, Gen<T> gen, Consumer<T> property) {
        Random r = new Random(seed);
        for (int i = 0; i < tries; i++) {
            T value = gen.next(r);
            try {
                property.accept(value);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property failed on try " + i + " (seed " + seed + ") for " + value + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
