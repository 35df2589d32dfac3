package io.jsylla.cli;

import picocli.CommandLine;

/** Entry point of the {@code jsylla} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new JsyllaCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }
}
