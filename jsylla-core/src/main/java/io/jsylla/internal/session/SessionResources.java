package io.jsylla.internal.session;

import io.jsylla.internal.connection.IoThreads;
import io.netty.channel.EventLoopGroup;
import io.netty.util.HashedWheelTimer;
import io.netty.util.Timer;
import io.netty.util.concurrent.EventExecutor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads a session owns: the I/O event loops, one timer thread for request timeouts (a
 * hashed wheel: scheduling and cancelling cost O(1), no allocation of a scheduled task), and
 * an admin thread for blocking chores such as DNS lookups.
 */
final class SessionResources {
    final EventLoopGroup ioGroup;
    final Timer timer;
    final ExecutorService admin;

    SessionResources(int ioThreads) {
        AtomicInteger n = new AtomicInteger();
        this.ioGroup = IoThreads.newEventLoopGroup(ioThreads, "jsylla-io");
        this.timer = new HashedWheelTimer(r -> daemon(r, "jsylla-timer"), 10, TimeUnit.MILLISECONDS);
        this.admin = Executors.newSingleThreadExecutor(r -> daemon(r, "jsylla-admin-" + n.incrementAndGet()));
    }

    /** An event loop to schedule housekeeping (reconnections, debounced refreshes) on. */
    EventExecutor scheduler() {
        return ioGroup.next();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        timer.stop();
        admin.shutdown();
        ioGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).addListener(f -> done.complete(null));
        return done;
    }
}
