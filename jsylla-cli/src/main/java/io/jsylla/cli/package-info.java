/**
 * The {@code jsylla} command line: the local node ({@code node start|stop|status}) and the demo.
 * Each subcommand is one small class; the local node's options live in {@code LocalNode}.
 */
package io.jsylla.cli;
