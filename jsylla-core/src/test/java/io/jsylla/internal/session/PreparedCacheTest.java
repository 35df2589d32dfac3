package io.jsylla.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsylla.PreparedStatement;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PreparedCacheTest {

    @Test
    void theLeastRecentlyUsedStatementLeavesFirstAndAFailedPrepareIsNotKept() {
        PreparedCache cache = new PreparedCache(2);
        AtomicInteger prepares = new AtomicInteger();
        CompletableFuture<PreparedStatement> pending = new CompletableFuture<>();
        cache.get("ks", "a", () -> { prepares.incrementAndGet(); return pending; });
        cache.get("ks", "a", () -> { prepares.incrementAndGet(); return pending; });
        assertThat(prepares).as("concurrent first uses share one PREPARE").hasValue(1);
        cache.get("ks", "b", () -> { prepares.incrementAndGet(); return new CompletableFuture<>(); });
        cache.get("ks", "a", () -> { prepares.incrementAndGet(); return pending; }); // a is now the most recent
        cache.get("ks", "c", () -> { prepares.incrementAndGet(); return new CompletableFuture<>(); });
        assertThat(cache.size()).isEqualTo(2);
        assertThat(prepares).hasValue(3);
        cache.get("ks", "a", () -> { prepares.incrementAndGet(); return pending; });
        assertThat(prepares).as("a stayed, b left").hasValue(3);

        CompletableFuture<PreparedStatement> failed = cache.get("other", "a", () -> CompletableFuture.failedFuture(new IllegalStateException("no")));
        assertThat(failed).isCompletedExceptionally();
        cache.get("other", "a", () -> { prepares.incrementAndGet(); return new CompletableFuture<>(); });
        assertThat(prepares).as("the failed prepare was not cached").hasValue(4);
    }
}
