package io.jsylla.examples;

import java.io.PrintStream;

/** One runnable example: a title and a run against a node. */
public interface Example {
    String title();

    /** Runs against the node at {@code contactPoint} ({@code host:port}), telling what it does on {@code out}. */
    void run(String contactPoint, PrintStream out) throws Exception;
}
