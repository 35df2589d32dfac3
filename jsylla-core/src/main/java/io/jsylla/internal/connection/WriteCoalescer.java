package io.jsylla.internal.connection;

import io.jsylla.ConnectionException;
import io.netty.channel.Channel;
import java.net.InetSocketAddress;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Requests from any thread meet here; one task on the event loop writes all that queued up and
 * flushes once. Under load many requests share a syscall (and, on v5, a segment); when idle a
 * request still goes out at once.
 */
final class WriteCoalescer {
    private static final Logger log = LoggerFactory.getLogger(WriteCoalescer.class);
    private final Channel channel;
    private final StreamDispatcher handler;
    private final InetSocketAddress node;
    /** Many producers, one consumer (the event loop); array-chunked, so no node allocated per request. */
    private final Queue<Object> queue = io.netty.util.internal.PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Runnable drain = this::drain;

    WriteCoalescer(Channel channel, StreamDispatcher handler, InetSocketAddress node) {
        this.channel = channel;
        this.handler = handler;
        this.node = node;
    }

    void write(Object message) {
        queue.add(message);
        if (scheduled.compareAndSet(false, true)) {
            try {
                channel.eventLoop().execute(drain);
            } catch (RuntimeException e) {
                // the event loop is shut down: nothing will drain; the caller learns it now
                queue.remove(message);
                scheduled.set(false);
                throw e;
            }
        }
    }

    private void drain() {
        scheduled.set(false);
        Object m;
        boolean wrote = false;
        while ((m = queue.poll()) != null) {
            if (!channel.isActive() && m instanceof InFlightRequest<?> r) {
                // queued before the close; by now the pipeline may be torn down and would drop it unanswered
                try {
                    r.deliverFailure(new ConnectionException(node, "connection closed", null));
                } catch (RuntimeException e) {
                    log.error("{}: failure callback failed", node, e);
                }
                continue;
            }
            if (m instanceof InFlightRequest<?> r) handler.send(r); // straight to the last handler, which encodes into the batcher: no pipeline hop
            else channel.write(m, channel.voidPromise());
            wrote = true;
        }
        if (wrote) channel.flush();
    }
}
