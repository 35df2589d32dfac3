/**
 * Connections to nodes: Netty channels, each a pipeline of single-purpose handlers, on the
 * session's event loops.
 *
 * <pre>
 *   socket ⇄ [SslHandler] ⇄ IdleStateHandler ⇄ FrameDecoder (v4, and every handshake)
 *                                             | SegmentDecoder + SegmentEncoder (v5, after STARTUP)
 *                                           ⇄ InFlightHandler ⇄ (requests from WriteCoalescer)
 * </pre>
 *
 * <ul>
 *   <li>{@code WriteCoalescer}: requests from any thread are queued and written by one task on the
 *       event loop, with one flush per batch.</li>
 *   <li>{@code InFlightHandler}: stream ids ({@code StreamIds}, confined to the event loop: no
 *       locks), frame encoding straight into pooled buffers, answers routed back by stream id,
 *       events (stream -1) to a listener, abandoned requests' ids held until their late answer.</li>
 *   <li>{@code Heartbeat}: OPTIONS on an idle connection; a connection that hears nothing for the
 *       idle timeout is closed.</li>
 *   <li>{@code ConnectionFactory} and {@code Handshake}: TCP/TLS, OPTIONS, STARTUP (protocol v5
 *       first, falling back to v4), SASL, USE, REGISTER.</li>
 *   <li>{@code Connection}: the thread-safe face of one channel, counting in-flight requests.</li>
 * </ul>
 */
package io.jsylla.internal.connection;
