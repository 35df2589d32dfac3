package io.jsylla.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Stops, when this JVM exits, every node it launched and still owns. Together with the node-side
 * watchdog (for owners that die without running hooks) this leaves no orphan processes.
 */
public final class NodeReaper {
    private static final Set<Process> OWNED = ConcurrentHashMap.newKeySet();
    private static final long GRACE_MILLIS = 20_000;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(NodeReaper::reapAll, "jsylla-testkit-reaper"));
    }

    private NodeReaper() {}

    public static void own(Process p) {
        OWNED.add(p);
    }

    public static void release(Process p) {
        OWNED.remove(p);
    }

    private static void reapAll() {
        List<Process> live = new ArrayList<>(OWNED);
        live.removeIf(p -> !p.isAlive());
        live.forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
        for (Process p : live) {
            try {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !p.waitFor(left, TimeUnit.NANOSECONDS)) p.destroyForcibly();
            } catch (InterruptedException e) {
                p.destroyForcibly();
            }
        }
    }
}
