package io.jsylla;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The trace of one request, read from {@code system_traces}.
 *
 * @param duration how long the coordinator took, or null if the trace is still incomplete
 */
public record TracingInfo(UUID traceId, String request, InetAddress coordinator, Duration duration, Instant startedAt,
                          Map<String, String> parameters, List<Event> events) {
    public TracingInfo {
        parameters = Map.copyOf(parameters);
        events = List.copyOf(events);
    }

    /** One step of the trace, on one node. */
    public record Event(String activity, InetAddress source, Duration sourceElapsed, String thread, Instant timestamp) {}
}
