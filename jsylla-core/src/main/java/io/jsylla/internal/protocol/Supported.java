package io.jsylla.internal.protocol;

import java.util.List;
import java.util.Map;

/** SUPPORTED: the answer to OPTIONS, a [string multimap] of STARTUP options and their accepted values. */
public record Supported(Map<String, List<String>> options) implements Response {
}
