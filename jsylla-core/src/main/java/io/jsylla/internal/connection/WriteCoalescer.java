package io.jsylla.internal.connection;

import io.netty.channel.Channel;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Requests from any thread meet here; one task on the event loop writes all that queued up and
 * flushes once. Under load many requests share a syscall (and, on v5, a segment); when idle a
 * request still goes out at once.
 */
final class WriteCoalescer {
    private final Channel channel;
    private final Queue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    WriteCoalescer(Channel channel) {
        this.channel = channel;
    }

    void write(Object message) {
        queue.add(message);
        if (scheduled.compareAndSet(false, true)) channel.eventLoop().execute(drain);
    }

    private void drain() {
        scheduled.set(false);
        Object m;
        boolean wrote = false;
        while ((m = queue.poll()) != null) {
            channel.write(m, channel.voidPromise());
            wrote = true;
        }
        if (wrote) channel.flush();
    }
}
