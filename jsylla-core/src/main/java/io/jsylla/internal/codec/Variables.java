package io.jsylla.internal.codec;

import io.jsylla.ColumnSpec;
import io.jsylla.DataType;
import java.util.List;

/**
 * A prepared statement's variables as binding needs them: names, types and codecs in arrays,
 * resolved once when the statement is prepared instead of at every bind.
 */
public final class Variables {
    private final List<ColumnSpec> specs;
    final String[] names;
    final DataType[] types;
    /** Null where no codec could be resolved up front: binding then reports why, naming the variable. */
    final Codec[] codecs;

    private Variables(List<ColumnSpec> specs) {
        this.specs = List.copyOf(specs);
        int n = specs.size();
        names = new String[n];
        types = new DataType[n];
        codecs = new Codec[n];
        for (int i = 0; i < n; i++) {
            ColumnSpec c = specs.get(i);
            names[i] = c.name();
            types[i] = c.type();
            try {
                codecs[i] = Codecs.of(c.type());
            } catch (RuntimeException e) {
                codecs[i] = null;
            }
        }
    }

    public static Variables of(List<ColumnSpec> specs) {
        return new Variables(specs);
    }

    public List<ColumnSpec> specs() {
        return specs;
    }

    public int size() {
        return names.length;
    }
}
