package io.jsylla.testkit.scylla;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one piece of ScyllaDB's CQL that shard-aware drivers send to a node they take for ScyllaDB
 * and that Cassandra rejects: a trailing {@code USING TIMEOUT <n>ms}, which ScyllaDB's Java driver
 * appends to its schema queries once it has seen sharding keys. Without removing it, that driver
 * would run without schema metadata, hence without replica-aware routing. Only the trailing
 * form is removed; a request's timeout is then Cassandra's default, not the given one.
 */
final class ScyllaDialect {
    private static final Pattern TRAILING_USING_TIMEOUT =
            Pattern.compile("\\s+USING\\s+TIMEOUT\\s+\\d+\\s*(ms|s|m|h)?\\s*;?\\s*$", Pattern.CASE_INSENSITIVE);

    private ScyllaDialect() {}

    /**
     * A QUERY or PREPARE body ({@code [long string]} first) without a trailing USING TIMEOUT, or
     * null when it has none.
     */
    static byte[] withoutUsingTimeout(ByteBuffer body) {
        ByteBuffer b = body.duplicate();
        int length = b.getInt();
        if (length < 0 || length > b.remaining()) return null;
        byte[] text = new byte[length];
        b.get(text);
        String cql = new String(text, StandardCharsets.UTF_8);
        if (!cql.toUpperCase(java.util.Locale.ROOT).contains("TIMEOUT")) return null;
        Matcher m = TRAILING_USING_TIMEOUT.matcher(cql);
        if (!m.find()) return null;
        byte[] stripped = cql.substring(0, m.start()).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + stripped.length + b.remaining()).putInt(stripped.length).put(stripped).put(b).array();
    }
}
