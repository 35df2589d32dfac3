package io.jsylla.types;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The independent client of the conformance test: the Python driver packaged by Debian as
 * python3-cassandra, which installs for /usr/bin/python3. Found, else installed with apt-get where
 * that is possible; never skipped: a machine without it fails the test, saying what to install.
 * JSYLLA_PYTHON names another interpreter with the driver (e.g. a virtualenv with cassandra-driver).
 */
final class PythonClient {
    private static final Path DEFAULT = Path.of("/usr/bin/python3");
    private static final long TIMEOUT_SECONDS = 180;

    private final Path python;
    private final Path script;

    private PythonClient(Path python, Path script) {
        this.python = python;
        this.script = script;
    }

    /** The client, ready to run; AssertionError with what to do if there is none. */
    static PythonClient locate(Path workDir) throws IOException, InterruptedException {
        String override = System.getenv("JSYLLA_PYTHON");
        Path python = override == null || override.isBlank() ? DEFAULT : Path.of(override);
        List<String> attempts = new ArrayList<>();
        if (!hasDriver(python)) {
            if (override != null && !override.isBlank()) {
                attempts.add("none: JSYLLA_PYTHON names the interpreter to use");
            } else if (Files.isExecutable(Path.of("/usr/bin/apt-get")) && isRoot()) {
                attempts.add(install(workDir));
            } else {
                attempts.add("apt-get not usable here (needs root and /usr/bin/apt-get)");
            }
        }
        if (!hasDriver(python)) {
            throw new AssertionError("The cross-client conformance test needs the Python Cassandra driver: " + python
                    + " cannot 'import cassandra'. Install it with 'apt-get install -y python3-cassandra' (Debian/Ubuntu)"
                    + " or point JSYLLA_PYTHON at a Python with cassandra-driver. Tried: " + attempts);
        }
        Path script = workDir.resolve("conformance.py");
        try (InputStream in = PythonClient.class.getResourceAsStream("conformance.py")) {
            if (in == null) throw new AssertionError("conformance.py is missing from the test resources");
            Files.write(script, in.readAllBytes());
        }
        return new PythonClient(python, script);
    }

    /** Runs the script with these arguments and returns its output lines; AssertionError with its stderr if it fails. */
    List<String> run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python.toString(), script.toString()));
        command.addAll(List.of(args));
        Result r = exec(command, script.getParent().resolve("conformance-" + args[3] + ".err"));
        if (r.exit != 0) {
            throw new AssertionError("Python client failed (exit " + r.exit + ") running " + String.join(" ", args)
                    + ":\n" + r.errors);
        }
        return r.output.lines().filter(l -> !l.isBlank()).toList();
    }

    private static boolean hasDriver(Path python) throws IOException, InterruptedException {
        if (!Files.isExecutable(python)) return false;
        return exec(List.of(python.toString(), "-c", "import cassandra.cluster"), null).exit == 0;
    }

    private static boolean isRoot() throws IOException, InterruptedException {
        return exec(List.of("id", "-u"), null).output.trim().equals("0");
    }

    /** apt-get install, with an update of the package lists first if the first try fails. */
    private static String install(Path workDir) throws IOException, InterruptedException {
        Path log = workDir.resolve("apt-get.log");
        List<String> install = List.of("apt-get", "install", "-y", "-q", "python3-cassandra");
        if (exec(install, log).exit == 0) return "apt-get install succeeded";
        exec(List.of("apt-get", "update", "-q"), workDir.resolve("apt-get-update.log"));
        Result second = exec(install, log);
        return "apt-get install exited " + second.exit + " (log " + log + "): " + second.errors.strip();
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
