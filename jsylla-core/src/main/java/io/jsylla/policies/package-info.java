/**
 * Policies: the decisions a session delegates, each a small SPI with the established choices
 * built in: which nodes a request tries and in what order ({@link io.jsylla.policies.LoadBalancingPolicy}),
 * whether a failed attempt is retried ({@link io.jsylla.policies.RetryPolicy}), when a slow
 * request is tried elsewhere in parallel ({@link io.jsylla.policies.SpeculativeExecutionPolicy}),
 * how long to wait before reconnecting ({@link io.jsylla.policies.ReconnectionPolicy}), which
 * write timestamps to send ({@link io.jsylla.policies.TimestampGenerator}), and how node
 * addresses map to reachable ones ({@link io.jsylla.policies.AddressTranslator}).
 */
package io.jsylla.policies;
