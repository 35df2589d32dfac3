package io.jsylla.examples;

import java.io.PrintStream;
import java.util.List;

/** Every example, in the order a reader would meet them; {@code main} runs them all. */
public final class Examples {
    /** The keyspace the examples share. */
    public static final String KEYSPACE = "jsylla_examples";

    private Examples() {}

    public static List<Example> all() {
        return List.of(new CrudExample(), new BuilderExample(), new QueryOptionsExample(), new PreparedExample(),
                new BatchExample(), new KeyspaceExample(), new SchemaAgreementExample(), new ClusterDataExample(),
                new RetryWithBackoffExample(), new PagingExample(), new AsyncExample(), new RecordMappingExample());
    }

    /** Runs every example; stops at the first failure. */
    public static void runAll(String contactPoint, PrintStream out) throws Exception {
        int i = 0;
        for (Example e : all()) {
            out.printf("%n[%d/%d] %s%n", ++i, all().size(), e.title());
            e.run(contactPoint, out);
        }
    }

    public static void main(String[] args) throws Exception {
        runAll(args.length > 0 ? args[0] : "127.0.0.1:9042", System.out);
    }
}
