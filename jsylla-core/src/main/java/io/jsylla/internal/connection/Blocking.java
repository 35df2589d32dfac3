package io.jsylla.internal.connection;

import io.jsylla.ScyllaException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/**
 * The blocking forms of the API: wait for the async result and rethrow its error as it is
 * (with this thread's stack attached), refusing to wait on a driver I/O thread.
 */
public final class Blocking {
    private Blocking() {}

    public static <T> T get(CompletionStage<T> stage, String operation) {
        IoThreads.checkNotIoThread(operation);
        try {
            return stage.toCompletableFuture().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ScyllaException("Interrupted while waiting for " + operation, e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        }
    }

    /** The error itself when unchecked (its stack gains this call site), wrapped otherwise. */
    public static RuntimeException rethrow(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof RuntimeException r) {
            r.addSuppressed(new CallSite());
            return r;
        }
        if (t instanceof Error e) throw e;
        return new ScyllaException(t.getMessage(), t);
    }

    /** Where the blocking call was made, attached to errors raised on I/O threads. */
    private static final class CallSite extends Exception {
        private static final long serialVersionUID = 1L;

        CallSite() {
            super("waited for here");
        }
    }
}
