package io.jsylla.internal.request;

import io.jsylla.Consistency;
import io.jsylla.internal.protocol.Request;

/** The request's message at a given consistency: retries may lower it (downgrading policies). */
@FunctionalInterface
public interface MessageFactory {
    Request message(Consistency consistency);
}
