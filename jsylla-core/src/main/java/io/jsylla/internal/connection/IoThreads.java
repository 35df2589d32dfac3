package io.jsylla.internal.connection;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.FastThreadLocalThread;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The driver's I/O threads, marked so a blocking call made on one (from a callback of an async
 * result) is refused at once instead of deadlocking the event loop it would wait on.
 */
public final class IoThreads {
    private IoThreads() {}

    private static final class IoThread extends FastThreadLocalThread {
        IoThread(Runnable r, String name) {
            super(r, name);
            setDaemon(true);
        }
    }

    public static EventLoopGroup newEventLoopGroup(int threads, String prefix) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> new IoThread(r, prefix + "-" + n.incrementAndGet());
        return new MultiThreadIoEventLoopGroup(threads, factory, NioIoHandler.newFactory());
    }

    public static boolean isIoThread() {
        return Thread.currentThread() instanceof IoThread;
    }

    /** Refuses a blocking call on a driver I/O thread, naming the async form to use. */
    public static void checkNotIoThread(String operation) {
        if (isIoThread()) {
            throw new IllegalStateException("Blocking call to " + operation + " on driver I/O thread "
                    + Thread.currentThread().getName() + " would deadlock: use the async form (" + operation
                    + "Async) or continue on another executor (thenApplyAsync)");
        }
    }
}
