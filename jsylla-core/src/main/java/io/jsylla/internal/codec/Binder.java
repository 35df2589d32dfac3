package io.jsylla.internal.codec;

import io.jsylla.ColumnSpec;
import io.jsylla.Unset;
import io.jsylla.internal.codec.BoundValues;
import io.jsylla.internal.codec.Variables;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Values to the bytes of a prepared statement's variables, checked against what the server
 * said the variables are: count, names and types. Every mistake is reported here, before
 * anything is sent, naming the variable, its CQL type and the Java value given.
 */
public final class Binder {
    private Binder() {}

    public static BoundValues positional(String cql, List<ColumnSpec> variables, Object[] values) {
        return positional(cql, Variables.of(variables), values);
    }

    /** As {@link #positional(String, List, Object[])}, with the variables' codecs resolved beforehand. */
    public static BoundValues positional(String cql, Variables vars, Object[] values) {
        return BoundValues.ofWire(positionalWire(cql, vars, values), vars.specs().size());
    }

    /** As {@link #positional(String, Variables, Object[])}, only the wire form (no holder object). */
    public static byte[] positionalWire(String cql, Variables vars, Object[] values) {
        List<ColumnSpec> variables = vars.specs();
        Object[] vs = values == null ? new Object[] {null} : values;
        if (vs.length != variables.size()) {
            throw new IllegalArgumentException("Wrong number of values: the statement has " + variables.size()
                    + (variables.size() == 1 ? " variable " : " variables ") + variables + " but " + vs.length
                    + (vs.length == 1 ? " value was" : " values were") + " given: " + Arrays.toString(vs) + " [" + cql + "]");
        }
        return BoundValues.encodeWire(vars, vs);
    }

    public static BoundValues named(String cql, Variables vars, Map<String, ?> values) {
        List<ColumnSpec> variables = vars.specs();
        if (values == null) throw new IllegalArgumentException("values map is null [" + cql + "]");
        Object[] ordered = new Object[variables.size()];
        boolean[] given = new boolean[variables.size()];
        for (Map.Entry<String, ?> e : values.entrySet()) {
            List<Integer> targets = indexesOf(variables, e.getKey());
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("Unknown variable name '" + e.getKey() + "': the statement's variables are "
                        + names(variables) + " [" + cql + "]");
            }
            for (int i : targets) {
                ordered[i] = e.getValue();
                given[i] = true;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < given.length; i++) {
            if (!given[i]) missing.add(variables.get(i).toString());
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("No value for variable" + (missing.size() == 1 ? " " : "s ") + missing
                    + "; give " + (missing.size() == 1 ? "it" : "each") + " a value, or " + Unset.class.getSimpleName()
                    + ".VALUE to leave it unset [" + cql + "]");
        }
        return positional(cql, vars, ordered);
    }

    /** Every variable with this name (a name may repeat), matching exactly, else ignoring case. */
    private static List<Integer> indexesOf(List<ColumnSpec> variables, String name) {
        List<Integer> exact = new ArrayList<>(1);
        for (int i = 0; i < variables.size(); i++) if (variables.get(i).name().equals(name)) exact.add(i);
        if (!exact.isEmpty()) return exact;
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) exact.add(i);
        }
        return exact;
    }

    private static Set<String> names(List<ColumnSpec> variables) {
        Set<String> s = new LinkedHashSet<>();
        for (ColumnSpec v : variables) s.add(v.name());
        return s;
    }
}
