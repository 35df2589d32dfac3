package io.jsylla.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The drivers compared, each with the module whose {@code target/bench-classpath.txt} is its
 * worker JVM's classpath, and its adapter class (loaded by name: only the worker of that driver
 * has the driver's classes).
 */
public enum Driver {
    JSYLLA("jsylla-bench", "io.jsylla.bench.JsyllaAdapter"),
    APACHE("jsylla-bench-apache", "io.jsylla.bench.datastax.DataStaxAdapter"),
    SCYLLA("jsylla-bench-scylla", "io.jsylla.bench.datastax.DataStaxAdapter");

    private final String module;
    private final String adapterClass;

    Driver(String module, String adapterClass) {
        this.module = module;
        this.adapterClass = adapterClass;
    }

    public String module() {
        return module;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public DriverAdapter newAdapter() throws ReflectiveOperationException {
        return Class.forName(adapterClass).asSubclass(DriverAdapter.class).getConstructor().newInstance();
    }

    public static Driver parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown driver '" + s + "': jsylla, apache or scylla");
        }
    }

    /** A comma-separated list, jsylla first whether named or not (the ratios are to jsylla). */
    public static List<Driver> parseList(String csv) {
        List<Driver> drivers = new ArrayList<>(List.of(JSYLLA));
        for (String s : csv.split(",")) {
            if (s.isBlank()) continue;
            Driver d = parse(s);
            if (!drivers.contains(d)) drivers.add(d);
        }
        return List.copyOf(drivers);
    }
}
