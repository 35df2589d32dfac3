package io.jsylla.internal.request;

import io.jsylla.Statement;
import io.jsylla.internal.pool.NodePool;
import io.jsylla.internal.connection.Connection;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Request;
import io.jsylla.internal.protocol.Result;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;

/**
 * A request described by functions, for the kinds where a few lambdas per request do not matter
 * (unprepared queries, batches, PREPARE); bound statements have their own subclass.
 */
public final class SimpleExecution<T> extends RequestExecution<T> {

    /** Re-prepares what the request runs on a connection whose node forgot it. */
    @FunctionalInterface
    public interface Reprepare {
        /** @param deadline the request's deadline ({@link System#nanoTime()}), which the re-prepare must respect too */
        CompletableFuture<Void> on(Connection connection, long deadline);
    }

    /** Turns a successful answer into what the caller waits for, at once or later. */
    @FunctionalInterface
    public interface Finisher<T> {
        void finish(Result result, Frame frame, NodePool node, CompletableFuture<T> target);
    }

    private final Services services;
    private final ByteBuffer routingKey;
    private final MessageFactory messages;
    private final Reprepare reprepare;
    private final Finisher<T> finisher;

    /** @param reprepare null when the request has nothing to re-prepare */
    public SimpleExecution(Statement<?> statement, String keyspace, ByteBuffer routingKey, Settings settings, Services services,
                           MessageFactory messages, Reprepare reprepare, Finisher<T> finisher) {
        super(statement, keyspace, settings);
        this.services = services;
        this.routingKey = routingKey;
        this.messages = messages;
        this.reprepare = reprepare;
        this.finisher = finisher;
    }

    @Override
    protected Services services() {
        return services;
    }

    @Override
    public ByteBuffer routingKey() {
        return routingKey;
    }

    @Override
    protected Request message() {
        return messages.message(consistency());
    }

    @Override
    protected void finish(Result result, Frame frame, NodePool node) {
        finisher.finish(result, frame, node, this);
    }

    @Override
    protected CompletableFuture<Void> reprepare(Connection connection, long deadline) {
        return reprepare == null ? null : reprepare.on(connection, deadline);
    }
}
