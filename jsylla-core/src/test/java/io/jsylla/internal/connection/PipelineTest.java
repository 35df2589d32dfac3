package io.jsylla.internal.connection;

import io.jsylla.Compression;
import io.jsylla.internal.protocol.ProtocolVersion;
import io.netty.channel.ChannelPipeline;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static io.jsylla.internal.connection.ConnectionTesting.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The handlers of an open connection, in order, as the package documentation draws them. */
class PipelineTest extends NodeTestSupport {

    private List<String> handlers(Connection c) {
        ChannelPipeline p = c.channel().pipeline();
        List<String> names = new ArrayList<>(p.names());
        names.removeIf(n -> n.startsWith("DefaultChannelPipeline$TailContext"));
        return names;
    }

    @Test
    void v4() {
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, ProtocolVersion.V4)));
        assertThat(handlers(c)).containsExactly("idleWatch", "frameDecoder", "frameBatcher", "deadlineSweeper", "streamDispatcher");
        assertThat(c.channel().pipeline().last()).isInstanceOf(StreamDispatcher.class);
    }

    @Test
    void v5AfterStartup() {
        Connection c = connect(new ConnectionFactory(group, options(Compression.NONE, null, ProtocolVersion.V5)));
        assertThat(handlers(c)).containsExactly("idleWatch", "segmentDecoder", "segmentEncoder", "frameBatcher",
                "deadlineSweeper", "streamDispatcher");
    }
}
