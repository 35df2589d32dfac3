/**
 * The jsylla public API: building a {@code Session}, running statements and reading results.
 *
 * <p>The contract of this package is {@code shared/API.md}; everything else lives under
 * {@code io.jsylla.internal} and is not exported.
 */
package io.jsylla;
