package io.jsylla.bench;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The process's CPU time and the bytes its threads allocated, read before and after a phase.
 *
 * <p>CPU time is the whole process's (every thread: the driver's I/O threads, the issuing
 * thread, GC and JIT). Allocation is the sum, over the threads alive at the end, of what each
 * allocated since the start (or since it was born): a thread that ends during the phase takes
 * its allocations with it and is not counted. Drivers keep their I/O threads for a session's
 * life, so in practice this misses little.
 */
final class ProcessMeter {
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** A reading: process CPU nanoseconds, and bytes allocated so far by each live thread. */
    record Reading(long cpuNanos, Map<Long, Long> allocatedByThread) {}

    private ProcessMeter() {}

    static Reading read() {
        long[] ids = THREADS.getAllThreadIds();
        long[] bytes = THREADS.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) byThread.put(ids[i], bytes[i]);
        }
        return new Reading(OS.getProcessCpuTime(), byThread);
    }

    static long cpuNanos(Reading before, Reading after) {
        return after.cpuNanos() - before.cpuNanos();
    }

    static long allocatedBytes(Reading before, Reading after) {
        long total = 0;
        for (Map.Entry<Long, Long> e : after.allocatedByThread().entrySet()) {
            total += e.getValue() - before.allocatedByThread().getOrDefault(e.getKey(), 0L);
        }
        return total;
    }
}
