package io.jsylla;

import io.jsylla.internal.codec.Literals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The value of a CQL {@code vector<T, n>} (Cassandra 5): n non-null elements, e.g. an embedding
 * {@code CqlVector.ofFloats(0.1f, 0.2f, 0.3f)}. Immutable; equal when the elements are equal.
 *
 * @param <T> the element type ({@code Float} for {@code vector<float, n>})
 */
public final class CqlVector<T> implements Iterable<T> {

    private final List<T> elements;

    private CqlVector(List<T> elements) {
        this.elements = elements;
    }

    /** A vector of the given elements, which must be non-empty and non-null. */
    public static <T> CqlVector<T> of(List<T> elements) {
        if (elements.isEmpty()) throw new IllegalArgumentException("a vector needs at least one element");
        List<T> copy = new ArrayList<>(elements.size());
        for (T e : elements) {
            if (e == null) throw new IllegalArgumentException("vector element " + copy.size() + " is null");
            copy.add(e);
        }
        return new CqlVector<>(List.copyOf(copy));
    }

    public static CqlVector<Float> ofFloats(float... values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float v : values) list.add(v);
        return of(list);
    }

    public int size() {
        return elements.size();
    }

    public T get(int i) {
        return elements.get(i);
    }

    /** The elements, unmodifiable. */
    public List<T> toList() {
        return elements;
    }

    /** The elements as floats; IllegalStateException if they are not Floats. */
    public float[] toFloatArray() {
        float[] array = new float[elements.size()];
        for (int i = 0; i < array.length; i++) {
            if (!(elements.get(i) instanceof Float f)) {
                throw new IllegalStateException("vector element " + i + " is a "
                        + elements.get(i).getClass().getName() + ", not a java.lang.Float");
            }
            array[i] = f;
        }
        return array;
    }

    @Override
    public Iterator<T> iterator() {
        return elements.iterator();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CqlVector<?> v && elements.equals(v.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    /** Like {@code [1.0, 2.0]}. */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        Literals.appendAll(b, elements.iterator(), '[', ']');
        return b.toString();
    }
}
