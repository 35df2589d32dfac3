package io.jsylla.cli;

import io.jsylla.KeyspaceMetadata;
import io.jsylla.PagingState;
import io.jsylla.PlainTextAuthProvider;
import io.jsylla.Query;
import io.jsylla.QueryResult;
import io.jsylla.Row;
import io.jsylla.ScyllaException;
import io.jsylla.Session;
import io.jsylla.SessionBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jsylla cql}: CQL through the jsylla driver. One statement or a script ({@code -e}),
 * a file ({@code -f}), or a shell on standard input; rows print as a table, every page of them.
 * Besides CQL the shell knows DESCRIBE KEYSPACES, DESCRIBE KEYSPACE k, DESCRIBE TABLE [k.]t,
 * and exit.
 */
@Command(name = "cql", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run CQL against a node: statements given with -e, a file with -f, or a shell reading standard input.",
                "Statements end with ';'. Rows print as a table (every page); the shell also knows DESCRIBE and exit."})
final class CqlCommand implements Callable<Integer> {
    private static final Pattern DESCRIBE = Pattern.compile(
            "(?is)\\s*DESC(?:RIBE)?\\s+(KEYSPACES|KEYSPACE\\s+(\\S+)|TABLE\\s+(\\S+))\\s*");

    @Option(names = {"-c", "--contact-point"}, paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9042",
            description = "The node to connect to (default: ${DEFAULT-VALUE}, the local node).")
    String contactPoint;

    @Option(names = {"-k", "--keyspace"}, description = "Keyspace to start in.")
    String keyspace;

    @Option(names = {"-e", "--execute"}, paramLabel = "CQL", description = "Statements to run (';' between them), then exit.")
    String execute;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE", description = "A file of statements to run, then exit.")
    Path file;

    @Option(names = {"-u", "--username"}, description = "User name, for password authentication.")
    String username;

    @Option(names = {"-p", "--password"}, interactive = true, arity = "0..1",
            description = "Password (asked for when given without a value).")
    char[] password;

    @Spec CommandSpec spec;

    private final InputStream in;

    CqlCommand() {
        this(System.in);
    }

    /** For tests: the shell reads {@code in}. */
    CqlCommand(InputStream in) {
        this.in = in;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (execute != null && file != null) {
            err.println("Give -e or -f, not both.");
            return 2;
        }
        if (password != null && username == null) {
            err.println("A password needs a user name (-u).");
            return 2;
        }
        SessionBuilder builder;
        try {
            builder = SessionBuilder.create().knownNode(contactPoint);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (keyspace != null) builder.useKeyspace(keyspace, false);
        if (username != null) builder.authProvider(new PlainTextAuthProvider(username, password == null ? "" : new String(password)));
        Session session;
        try {
            session = builder.build();
        } catch (ScyllaException | IllegalArgumentException e) {
            err.println("Cannot connect to " + contactPoint + ": " + e.getMessage());
            return 1;
        }
        try (session) {
            if (execute != null) return script(session, execute, out, err);
            if (file != null) return script(session, Files.readString(file, StandardCharsets.UTF_8), out, err);
            return shell(session, out, err);
        }
    }

    /** Runs every statement in order; stops at the first that fails (exit code 1). */
    private int script(Session session, String text, PrintWriter out, PrintWriter err) {
        CqlScript script = new CqlScript();
        List<String> statements = new ArrayList<>(script.add(text + "\n"));
        String rest = script.rest();
        if (!rest.isEmpty()) statements.add(rest); // a last statement may go without ';'
        for (String statement : statements) {
            if (!run(session, statement, out, err)) return 1;
        }
        return 0;
    }

    /** Reads statements until exit or the end of input; a failing statement is reported and the shell goes on. */
    private int shell(Session session, PrintWriter out, PrintWriter err) throws IOException {
        boolean terminal = System.console() != null;
        if (terminal) {
            out.println("Connected to " + session.getClusterData().getClusterName() + " at " + contactPoint
                    + ". Statements end with ';'; exit to leave.");
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CqlScript script = new CqlScript();
        while (true) {
            if (terminal) {
                out.print(script.hasPending() ? "   ...> " : "cql" + session.getKeyspace().map(k -> ":" + k).orElse("") + "> ");
                out.flush();
            }
            String line = reader.readLine();
            if (line == null) break;
            if (!script.hasPending() && isExit(line)) return 0;
            for (String statement : script.add(line + "\n")) {
                if (isExit(statement)) return 0;
                run(session, statement, out, err);
            }
        }
        String rest = script.rest();
        if (!rest.isEmpty() && !isExit(rest)) run(session, rest, out, err);
        return 0;
    }

    private static boolean isExit(String line) {
        String s = line.trim().toLowerCase(Locale.ROOT);
        if (s.endsWith(";")) s = s.substring(0, s.length() - 1).trim();
        return s.equals("exit") || s.equals("quit");
    }

    /** Runs one statement and prints what it gave; false (and the error printed) if it failed. */
    private boolean run(Session session, String statement, PrintWriter out, PrintWriter err) {
        try {
            Matcher describe = DESCRIBE.matcher(statement);
            if (describe.matches()) {
                out.println(describe(session, describe));
            } else {
                print(session, Query.of(statement), out);
            }
            out.flush();
            return true;
        } catch (ScyllaException | IllegalArgumentException e) {
            out.flush();
            err.println(e.getClass().getSimpleName() + ": " + e.getMessage());
            err.flush();
            return false;
        }
    }

    private static void print(Session session, Query query, PrintWriter out) {
        QueryResult page = session.querySinglePage(query, PagingState.start());
        if (page.columnSpecs().isEmpty()) {
            out.println(page.warnings().isEmpty() ? "OK" : "OK (warnings: " + String.join("; ", page.warnings()) + ")");
            return;
        }
        int total = 0;
        while (true) {
            ResultTable table = new ResultTable(page.columnSpecs());
            for (Row row : page) table.add(row);
            if (table.size() > 0 || total == 0) table.print(out);
            total += table.size();
            if (page.pagingState().isEnd()) break;
            page = session.querySinglePage(query, page.pagingState());
        }
        out.println();
        out.println("(" + total + (total == 1 ? " row)" : " rows)"));
        for (String w : page.warnings()) out.println("Warning: " + w);
    }

    private static String describe(Session session, Matcher m) {
        var data = session.getClusterData();
        if (m.group(2) == null && m.group(3) == null) return String.join("  ", new java.util.TreeSet<>(data.getKeyspaces().keySet()));
        if (m.group(2) != null) {
            String name = unquote(m.group(2));
            return data.getKeyspace(name).map(KeyspaceMetadata::describe)
                    .orElseThrow(() -> new IllegalArgumentException("no keyspace " + name + " (DESCRIBE KEYSPACES lists them)"));
        }
        String qualified = m.group(3);
        int dot = qualified.indexOf('.');
        Optional<String> ks = dot >= 0 ? Optional.of(unquote(qualified.substring(0, dot))) : session.getKeyspace().map(CqlCommand::unquote);
        String table = unquote(dot >= 0 ? qualified.substring(dot + 1) : qualified);
        if (ks.isEmpty()) throw new IllegalArgumentException("no keyspace: name the table as keyspace.table, or USE one first");
        return data.getKeyspace(ks.get()).flatMap(k -> k.getTable(table)).map(t -> t.describe())
                .orElseThrow(() -> new IllegalArgumentException("no table " + ks.get() + "." + table));
    }

    /** A name as written in CQL: "Quoted" keeps its case, unquoted folds to lower case. */
    private static String unquote(String name) {
        String n = name.endsWith(";") ? name.substring(0, name.length() - 1) : name;
        if (n.length() >= 2 && n.startsWith("\"") && n.endsWith("\"")) return n.substring(1, n.length() - 1).replace("\"\"", "\"");
        return n.toLowerCase(Locale.ROOT);
    }
}
