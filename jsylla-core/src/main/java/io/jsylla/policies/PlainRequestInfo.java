package io.jsylla.policies;

import io.jsylla.Statement;
import java.nio.ByteBuffer;

/** The value form {@link RequestInfo#of} returns. */
record PlainRequestInfo(Statement<?> statement, String keyspace, ByteBuffer routingKey, boolean idempotent)
        implements RequestInfo {}
