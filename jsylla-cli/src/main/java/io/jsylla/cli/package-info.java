/**
 * The {@code jsylla} command line: the local node ({@code node start|stop|status}), the demo,
 * CQL ({@code cql}: a statement, a file or a shell) and the benchmark ({@code bench}).
 * Each subcommand is one small class; the local node's options live in {@code LocalNode}.
 */
package io.jsylla.cli;
