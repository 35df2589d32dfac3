package io.jsylla;

/** Facts about this build of the driver. */
public final class Jsylla {
    private Jsylla() {}

    /** The driver version, as packaged; {@code "dev"} when run from classes, not a jar. */
    public static String version() {
        String v = Jsylla.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
