/**
 * The benchmark: jsylla against the Apache Java driver and ScyllaDB's fork, in one run.
 *
 * <p>{@link io.jsylla.bench.Orchestrator} (behind {@code jsylla bench}) prepares the data, then
 * starts one {@link io.jsylla.bench.Worker} JVM per driver and round, alternating drivers, each
 * with its driver's classpath ({@link io.jsylla.bench.BenchHome}); a worker drives a
 * {@link io.jsylla.bench.DriverAdapter} with a {@link io.jsylla.bench.LoadLoop} and prints one
 * JSON result, which the {@link io.jsylla.bench.Report} turns into medians and ratios to jsylla.
 */
package io.jsylla.bench;
