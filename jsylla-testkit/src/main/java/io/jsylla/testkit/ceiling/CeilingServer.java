package io.jsylla.testkit.ceiling;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * A CQL server (native protocol v4) that answers, at once and from memory, what a driver needs
 * to connect to a one-node cluster "ceiling" (datacenter dc1) and to run the benchmark
 * workload on {@code bench.kv (k bigint PRIMARY KEY, v blob)}: a benchmark against it measures
 * the driver's own cost, with no database behind it. See the package documentation for what
 * it answers.
 *
 * <pre>{@code
 * try (CeilingServer server = CeilingServer.start("127.0.0.1", 0)) {
 *     // connect a driver to server.address() (datacenter "dc1") and run the workload
 * }
 * }</pre>
 */
public final class CeilingServer implements AutoCloseable {
    /** The size of v in the rows the server returns, unless started with another. */
    public static final int DEFAULT_VALUE_SIZE = 100;
    /** How many rows a full scan of bench.kv returns, unless started with another count. */
    public static final int DEFAULT_SCAN_ROWS = 100_000;

    private final EventLoopGroup acceptor;
    private final EventLoopGroup workers;
    private final Channel listener;
    private final InetSocketAddress address;
    private final Workload workload;
    private final LongAdder served = new LongAdder();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Set once bound (system.local holds the port); no connection is accepted before. */
    private volatile Statements statements;

    private CeilingServer(String host, int port, int valueSize, int scanRows) {
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("ceiling-accept", true),
                NioIoHandler.newFactory());
        // One event loop per core, daemon threads: a forgotten server does not keep a JVM alive.
        workers = new MultiThreadIoEventLoopGroup(Runtime.getRuntime().availableProcessors(),
                new DefaultThreadFactory("ceiling", true), NioIoHandler.newFactory());
        workload = new Workload(valueSize, scanRows);
        try {
            listener = new ServerBootstrap()
                    .group(acceptor, workers)
                    .channel(NioServerSocketChannel.class)
                    .option(ChannelOption.AUTO_READ, false)
                    .option(ChannelOption.SO_BACKLOG, 1024)
                    .childOption(ChannelOption.TCP_NODELAY, true)
                    .childOption(ChannelOption.ALLOCATOR, io.netty.buffer.PooledByteBufAllocator.DEFAULT)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            CeilingHandler handler = new CeilingHandler(statements, workload, served, connections);
                            ch.pipeline().addLast(new FrameDecoder(handler), handler);
                        }
                    })
                    .bind(host, port).syncUninterruptibly().channel();
            address = SystemTables.advertised((InetSocketAddress) listener.localAddress());
            statements = new Statements(new SystemTables(address));
            listener.config().setAutoRead(true);
        } catch (RuntimeException e) {
            shutdown();
            throw e;
        }
    }

    /** Starts a server on host (e.g. "127.0.0.1"); port 0 picks a free one. */
    public static CeilingServer start(String host, int port) {
        return start(host, port, DEFAULT_VALUE_SIZE);
    }

    /** The same, with rows whose v holds valueSize bytes. */
    public static CeilingServer start(String host, int port, int valueSize) {
        return start(host, port, valueSize, DEFAULT_SCAN_ROWS);
    }

    /** The same, with a full scan of bench.kv returning scanRows rows (k = 0 .. scanRows - 1). */
    public static CeilingServer start(String host, int port, int valueSize, int scanRows) {
        if (valueSize < 0) throw new IllegalArgumentException("valueSize < 0: " + valueSize);
        if (scanRows < 0) throw new IllegalArgumentException("scanRows < 0: " + scanRows);
        return new CeilingServer(host, port, valueSize, scanRows);
    }

    /** The address drivers connect to; system.local advertises the same. */
    public InetSocketAddress address() {
        return address;
    }

    /** "host:port", as contact points are written ("[host]:port" for IPv6). */
    public String contactPoint() {
        String host = address.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }

    /** Requests answered so far, of every opcode, errors included. */
    public long requestsServed() {
        return served.sum();
    }

    public int openConnections() {
        return connections.get();
    }

    /** Stops listening, closes every connection, and waits for the server's threads to end. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        listener.close().syncUninterruptibly();
        shutdown();
    }

    private void shutdown() {
        // Shutting an event loop down closes the connections it serves.
        Future<?> a = acceptor.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        Future<?> w = workers.shutdownGracefully(0, 5, TimeUnit.SECONDS);
        a.awaitUninterruptibly();
        w.awaitUninterruptibly();
    }
}
