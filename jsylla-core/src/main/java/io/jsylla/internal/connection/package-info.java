/**
 * Connections to nodes: Netty channels, each a pipeline of single-purpose handlers, on the
 * session's event loops.
 *
 * <h2>The pipeline</h2>
 *
 * As {@code ConnectionFactory} builds it, socket end first. Inbound events (answers) go down
 * the drawing, outbound ones (requests) up it; a handler is only visited for the events it
 * handles (Netty skips the others), noted per column.
 *
 * <pre>
 *                      INBOUND (head to tail)                OUTBOUND (tail to head)
 *   socket
 *     |
 *   [SslHandler]       decrypt                               encrypt                      TLS only
 *     |
 *   IdleWatch          channelReadComplete: "read seen"      write: "write seen"
 *     |                (once per socket read)                (once per written batch)
 *     |                a tick (10 ms..1 s) turns the flags into times; silence -> Heartbeat:
 *     |                OPTIONS (written from the tail), or close after the idle timeout
 *     |
 *   FrameDecoder       bytes -> Frames (one heap copy                                     v4, and every version
 *     |                per read, shared by its frames)                                    until STARTUP is answered
 *   or SegmentDecoder  bytes -> segments -> Frames                                        v5 after STARTUP: replaces
 *     |                                                                                   FrameDecoder
 *     |
 *   [SegmentEncoder]                                         batches of frames ->         v5 after STARTUP: added
 *     |                                                      segments, per flush          before FrameBatcher
 *     |
 *   FrameBatcher       channelInactive: drops the            flush: writes the batch      one pooled heap buffer
 *     |                unwritten batch                       write (not a request):       per flush; written early
 *     |     ^                                                batch first, then it         past 256 KiB
 *     |     | encode(r, id), writeIfFull(): direct calls from StreamDispatcher, no pipeline hop
 *     |
 *   DeadlineSweeper    (no events: in the pipeline for its lifecycle; every 10 ms it walks
 *     |                 the ids in use and calls StreamDispatcher.timeOut for the late ones)
 *     |
 *   StreamDispatcher   Frame -> its request, by stream id    write(InFlightRequest):
 *     |                stream -1 -> event listener           stream id, then encode
 *     |                exceptionCaught -> close              send(r) <- WriteCoalescer.drain (any
 *     |                channelInactive -> fail all pending   thread's requests, one task and one
 *     |                                                      flush on the event loop): a direct
 *     |                                                      call, no hop per request
 *   tail                                                     Channel.write(...): Heartbeat's
 *                                                            OPTIONS, tests
 * </pre>
 *
 * Per request, the hot path is: {@code WriteCoalescer.drain} -> {@code StreamDispatcher.send}
 * (stream id) -> {@code FrameBatcher.encode} (frame bytes appended to the batch), all plain
 * calls on the event loop; per flush, one buffer goes down the pipeline. Per answer: one
 * {@code channelRead} from the decoder straight to {@code StreamDispatcher} (FrameBatcher and
 * DeadlineSweeper do not take reads).
 *
 * <ul>
 *   <li>{@code WriteCoalescer}: requests from any thread are queued and written by one task on the
 *       event loop, with one flush per batch.</li>
 *   <li>{@code StreamDispatcher}: stream ids ({@code StreamIds}, confined to the event loop: no
 *       locks), the table of pending requests, answers routed back by stream id, events
 *       (stream -1) to a listener, abandoned requests' ids held until their late answer.</li>
 *   <li>{@code FrameBatcher}: request frames encoded back to back into one buffer per flush.</li>
 *   <li>{@code DeadlineSweeper}: requests past their deadline timed out by one sweep per
 *       connection, not a timer entry per request.</li>
 *   <li>{@code IdleWatch} and {@code Heartbeat}: OPTIONS on an idle connection; a connection that
 *       hears nothing for the idle timeout is closed.</li>
 *   <li>{@code ConnectionFactory} and {@code Handshake}: TCP/TLS, OPTIONS, STARTUP (protocol v5
 *       first, falling back to v4), SASL, USE, REGISTER.</li>
 *   <li>{@code Connection}: the thread-safe face of one channel, counting in-flight requests.</li>
 * </ul>
 */
package io.jsylla.internal.connection;
