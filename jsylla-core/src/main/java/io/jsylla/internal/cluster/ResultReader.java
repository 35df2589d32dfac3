package io.jsylla.internal.cluster;

import io.jsylla.QueryResult;
import io.jsylla.internal.protocol.Frame;
import io.jsylla.internal.protocol.Result;
import java.net.InetSocketAddress;

/**
 * Turns the answer to a control query into rows. The session gives the one of
 * {@code internal.result}, which sits above this package: cluster depends only on the public
 * {@link QueryResult}.
 */
@FunctionalInterface
public interface ResultReader {
    QueryResult read(Result result, Frame frame, InetSocketAddress node);
}
