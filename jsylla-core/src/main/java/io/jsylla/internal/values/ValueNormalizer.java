package io.jsylla.internal.values;

import io.jsylla.DataType;

import java.util.ServiceLoader;

/**
 * Converts a value to a CQL type's natural Java type, as binding it and reading it back would
 * (an Integer for an int given as a Long, an unmodifiable List...). Implemented by the codecs;
 * the public value classes reach it through {@link #get()} so that they name no codec class.
 */
public interface ValueNormalizer {

    /**
     * value converted to type's natural Java type; null for null. {@link NotConvertibleException}
     * if it does not convert, its message saying why (the codec's own message).
     */
    Object normalize(DataType type, Object value);

    /** The implementation, loaded once. */
    static ValueNormalizer get() {
        return Holder.INSTANCE;
    }

    /** A value that does not convert to the type asked for; the message names both. */
    final class NotConvertibleException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public NotConvertibleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Lazily loads the one implementation: the module's {@code provides}, else META-INF/services. */
    final class Holder {
        static final ValueNormalizer INSTANCE = load();

        private Holder() {
        }

        private static ValueNormalizer load() {
            ServiceLoader<ValueNormalizer> loader =
                    ServiceLoader.load(ValueNormalizer.class, ValueNormalizer.class.getClassLoader());
            return loader.findFirst().orElseThrow(() -> new IllegalStateException(
                    "no " + ValueNormalizer.class.getName() + " found: jsylla-core's module-info.java"
                            + " or META-INF/services entry is missing"));
        }
    }
}
