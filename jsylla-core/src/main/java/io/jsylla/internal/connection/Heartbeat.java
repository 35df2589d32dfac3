package io.jsylla.internal.connection;

import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Options;
import io.netty.channel.ChannelHandlerContext;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an idle connection honest: an OPTIONS request when nothing went either way for the
 * heartbeat interval, and a close when nothing came back for the idle timeout (a dead peer
 * behind a silent network would otherwise hold requests until their own timeouts).
 */
final class Heartbeat {
    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);
    private final InetSocketAddress node;

    Heartbeat(InetSocketAddress node) {
        this.node = node;
    }

    /** Nothing came back for the idle timeout. */
    void onReaderIdle(ChannelHandlerContext ctx) {
        log.warn("{}: nothing received for the idle timeout; closing the connection", node);
        ctx.close();
    }

    /** Nothing went either way for the heartbeat interval. */
    void onAllIdle(ChannelHandlerContext ctx) {
        ctx.channel().writeAndFlush(InFlightRequest.of(Options.INSTANCE, false, null, new ResponseCallback() {
            @Override
            public void onResponse(Frame frame) {
                log.trace("{}: heartbeat answered", node);
            }

            @Override
            public void onFailure(Throwable error) {
                log.debug("{}: heartbeat failed: {}", node, error.toString());
            }
        }), ctx.voidPromise());
    }
}
