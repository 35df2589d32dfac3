package io.jsylla.testkit.scylla.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The Python driver packaged by Debian as python3-cassandra (for /usr/bin/python3), run as
 * jsylla-core's PythonConformanceIT runs it: found, else installed with apt-get where that is
 * possible (root), never skipped: a machine without it fails the test saying what to install.
 * JSYLLA_PYTHON names another interpreter with the driver.
 */
final class PythonDriver {
    private static final Path DEFAULT = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_SECONDS = 180;

    private final Path python;
    private final Path workDir;

    private PythonDriver(Path python, Path workDir) {
        this.python = python;
        this.workDir = workDir;
    }

    /** The driver, ready to run scripts; AssertionError saying what to do if there is none. */
    static PythonDriver locate(Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        String override = System.getenv("JSYLLA_PYTHON");
        Path python = override == null || override.isBlank() ? DEFAULT : Path.of(override);
        String tried = "nothing";
        if (!hasDriver(python) && (override == null || override.isBlank())
                && Files.isExecutable(Path.of("/usr/bin/apt-get")) && exec(List.of("id", "-u"), null).output.trim().equals("0")) {
            Path log = workDir.resolve("apt-get.log");
            List<String> install = List.of("apt-get", "install", "-y", "-q", "python3-cassandra");
            if (exec(install, log).exit != 0) {
                exec(List.of("apt-get", "update", "-q"), workDir.resolve("apt-get-update.log"));
                exec(install, log);
            }
            tried = "apt-get install python3-cassandra (log " + log + ")";
        }
        if (!hasDriver(python)) {
            throw new AssertionError("This test needs the Python Cassandra driver: " + python + " cannot 'import cassandra'."
                    + " Install it with 'apt-get install -y python3-cassandra' (Debian/Ubuntu) or point JSYLLA_PYTHON at a"
                    + " Python with cassandra-driver. Tried: " + tried);
        }
        return new PythonDriver(python, workDir);
    }

    /** Runs a script from this package's test resources; its output lines, or AssertionError with its stderr. */
    List<String> run(String script, String... args) throws IOException, InterruptedException {
        Path file = workDir.resolve(script);
        try (InputStream in = PythonDriver.class.getResourceAsStream(script)) {
            if (in == null) throw new AssertionError(script + " is missing from the test resources");
            Files.write(file, in.readAllBytes());
        }
        List<String> command = new ArrayList<>(List.of(python.toString(), file.toString()));
        command.addAll(List.of(args));
        Result r = exec(command, workDir.resolve(script + ".err"));
        if (r.exit != 0) throw new AssertionError("Python failed (exit " + r.exit + ") running " + command + ":\n" + r.errors);
        return r.output.lines().filter(l -> !l.isBlank()).toList();
    }

    private static boolean hasDriver(Path python) throws IOException, InterruptedException {
        return Files.isExecutable(python) && exec(List.of(python.toString(), "-c", "import cassandra.cluster"), null).exit == 0;
    }

    private record Result(int exit, String output, String errors) {}

    private static Result exec(List<String> command, Path errorLog) throws IOException, InterruptedException {
        Path out = Files.createTempFile("jsylla-py", ".out");
        Path err = errorLog != null ? errorLog : Files.createTempFile("jsylla-py", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS * (command.get(0).equals("apt-get") ? 5 : 1), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                return new Result(-1, "", "timed out: " + String.join(" ", command));
            }
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    errors.length() > 20_000 ? errors.substring(errors.length() - 20_000) : errors);
        } finally {
            Files.deleteIfExists(out);
            if (errorLog == null) Files.deleteIfExists(err);
        }
    }
}
