package io.jsylla.internal.connection;

import io.jsylla.Consistency;
import io.jsylla.internal.protocol.Query;
import io.jsylla.internal.protocol.QueryParameters;
import io.jsylla.internal.protocol.Values;
import io.netty.channel.EventLoopGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Connections over real loopback sockets to a {@link FakeNode}: the I/O threads, the node, and cleanup. */
abstract class NodeTestSupport {
    protected EventLoopGroup group;
    protected FakeNode node;
    private final List<Connection> opened = new ArrayList<>();

    @BeforeEach
    void startNode() {
        group = IoThreads.newEventLoopGroup(2, "test-io");
        node = new FakeNode();
    }

    @AfterEach
    void stopNode() {
        for (Connection c : opened) c.forceClose();
        node.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    protected Connection connect(ConnectionFactory factory) {
        return connect(factory, null, List.of());
    }

    protected Connection connect(ConnectionFactory factory, String keyspace, List<String> events) {
        Connection c = await(factory.connect(node.address(), keyspace, events));
        opened.add(c);
        return c;
    }

    /** The error a connection attempt failed with (it must fail). */
    protected Throwable connectFailure(ConnectionFactory factory, String keyspace) {
        CompletableFuture<Connection> f = factory.connect(node.address(), keyspace, List.of());
        try {
            Connection c = f.get(10, TimeUnit.SECONDS);
            opened.add(c);
            throw new AssertionError("connected, but should have failed: " + c);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("the connection attempt did not end", e);
        }
    }

    protected static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("did not complete", e);
        }
    }

    protected static Query query(String cql) {
        return new Query(cql, QueryParameters.of(Consistency.ONE, Values.NONE));
    }
}
