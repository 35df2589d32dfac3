/**
 * What the driver knows of the cluster: nodes ({@code Node}) and schema, held in
 * {@code Metadata} as immutable values swapped whole, kept current by the
 * {@code ControlConnection} (system tables, and topology, status and schema events).
 */
package io.jsylla.internal.cluster;
