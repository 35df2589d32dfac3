/**
 * Runnable examples of the jsylla API, each a small class; {@link io.jsylla.examples.Examples}
 * runs them all, as {@code jsylla demo} does.
 */
package io.jsylla.examples;
