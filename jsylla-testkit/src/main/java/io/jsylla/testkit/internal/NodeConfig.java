package io.jsylla.testkit.internal;

import io.jsylla.testkit.TlsFiles;
import io.jsylla.testkit.TlsMode;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that makes one node what it is, and the files that tell Cassandra:
 * {@code cassandra.yaml}, {@code cassandra-rackdc.properties}, {@code logback.xml}, and the JVM's
 * argument file. Defaults follow Cassandra's shipped {@code conf/} for Java 17, minus what only
 * slows a test node down.
 *
 * @param seeds storage endpoints ({@code host:port}) of the seed nodes
 * @param extraYaml settings that override the kit's own, key by key
 */
public record NodeConfig(NodeLayout layout, String clusterName, String host, int nativePort, int storagePort,
                         int jmxPort, String datacenter, String rack, List<Long> initialTokens,
                         List<String> seeds, boolean passwordAuthentication, TlsMode tlsMode, TlsFiles tls,
                         String heap, Map<String, Object> extraYaml, List<String> extraJvmArgs, long ownerPid) {

    /** JPMS openings Cassandra needs on Java 11 and 17, as its {@code jvm17-server.options} lists them. */
    private static final List<String> MODULE_OPTIONS = List.of(
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.management.rmi/com.sun.jmx.remote.internal.rmi=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.registry=ALL-UNNAMED",
            "--add-exports", "java.rmi/sun.rmi.server=ALL-UNNAMED",
            "--add-exports", "java.sql/java.sql=ALL-UNNAMED",
            "--add-exports", "java.base/java.lang.ref=ALL-UNNAMED",
            "--add-exports", "jdk.unsupported/sun.misc=ALL-UNNAMED",
            "--add-exports", "jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
            "--add-exports", "jdk.attach/sun.tools.attach=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.loader=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.math=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.module=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.util.jar=ALL-UNNAMED",
            "--add-opens", "jdk.management/com.sun.management.internal=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "jdk.compiler/com.sun.tools.javac=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED");

    public Map<String, Object> yaml() {
        Map<String, Object> y = new LinkedHashMap<>();
        y.put("cluster_name", clusterName);
        y.put("num_tokens", initialTokens.size());
        y.put("initial_token", InitialTokens.asYamlValue(initialTokens));
        y.put("partitioner", "org.apache.cassandra.dht.Murmur3Partitioner");
        y.put("endpoint_snitch", "GossipingPropertyFileSnitch");
        y.put("data_file_directories", List.of(layout.data().toString()));
        y.put("commitlog_directory", layout.commitlog().toString());
        y.put("saved_caches_directory", layout.savedCaches().toString());
        y.put("hints_directory", layout.hints().toString());
        y.put("cdc_raw_directory", layout.cdc().toString());
        y.put("commitlog_sync", "periodic");
        y.put("commitlog_sync_period", "10000ms");
        y.put("seed_provider", List.of(Map.of(
                "class_name", "org.apache.cassandra.locator.SimpleSeedProvider",
                "parameters", List.of(Map.of("seeds", String.join(",", seeds))))));
        y.put("listen_address", host);
        y.put("rpc_address", host);
        y.put("storage_port", storagePort);
        y.put("native_transport_port", nativePort);
        y.put("start_native_transport", true);
        // A new, empty cluster: joining nodes have nothing to stream, so they need not bootstrap.
        y.put("auto_bootstrap", false);
        // A new cluster, not an upgrade: the 5.0 storage formats and features from the start.
        y.put("storage_compatibility_mode", "NONE");
        // DROP and TRUNCATE would snapshot every time: slow, and disk a test never reads.
        y.put("auto_snapshot", false);
        // Features driver tests exercise (schema metadata of views, function failures).
        y.put("materialized_views_enabled", true);
        y.put("user_defined_functions_enabled", true);
        if (passwordAuthentication) {
            y.put("authenticator", "PasswordAuthenticator");
            y.put("authorizer", "CassandraAuthorizer");
            y.put("role_manager", "CassandraRoleManager");
        }
        if (tlsMode != TlsMode.OFF) {
            Map<String, Object> enc = new LinkedHashMap<>();
            enc.put("enabled", true);
            enc.put("optional", false);
            enc.put("keystore", tls.nodeKeystore().toString());
            enc.put("keystore_password", tls.password());
            enc.put("store_type", "PKCS12");
            enc.put("require_client_auth", tlsMode == TlsMode.MUTUAL);
            if (tlsMode == TlsMode.MUTUAL) {
                enc.put("truststore", tls.nodeTruststore().toString());
                enc.put("truststore_password", tls.password());
            }
            y.put("client_encryption_options", enc);
        }
        y.putAll(extraYaml);
        return y;
    }

    public List<String> jvmArgs(List<Path> classpath, Path jammAgent) {
        List<String> a = new ArrayList<>();
        a.add("-Xms" + heap);
        a.add("-Xmx" + heap);
        a.add("-Xss256k");
        a.add("-ea");
        a.add("-da:net.openhft...");
        a.add("-XX:+UseG1GC");
        a.add("-XX:+ParallelRefProcEnabled");
        a.add("-XX:MaxTenuringThreshold=1");
        a.add("-XX:+PerfDisableSharedMem");
        a.add("-XX:+ExitOnOutOfMemoryError");
        a.add("-Djava.net.preferIPv4Stack=true");
        a.add("-Djdk.attach.allowAttachSelf=true");
        a.addAll(MODULE_OPTIONS);
        a.add("-Dio.netty.tryReflectionSetAccessible=true");
        a.add("-Dio.netty.allocator.useCacheForAllThreads=true");
        a.add("-Dio.netty.allocator.maxOrder=11");
        if (jammAgent != null) a.add("-javaagent:" + jammAgent);
        a.add("-Dcassandra.config=" + conf("cassandra.yaml").toUri());
        a.add("-Dcassandra-rackdc.properties=" + conf("cassandra-rackdc.properties").toUri());
        a.add("-Dlogback.configurationFile=" + conf("logback.xml"));
        a.add("-Dcassandra.logdir=" + layout.logs());
        a.add("-Dcassandra.storagedir=" + layout.directory());
        a.add("-Dcassandra-foreground=yes");
        a.add("-Dcassandra.jmx.local.port=" + jmxPort);
        // Test clusters start on one machine with known tokens: nothing to wait for.
        a.add("-Dcassandra.skip_wait_for_gossip_to_settle=0");
        a.add("-Dcassandra.ring_delay_ms=1000");
        a.add("-Dcassandra.superuser_setup_delay_ms=0");
        if (ownerPid != 0) a.add("-D" + NodeLauncher.OWNER_PROPERTY + "=" + ownerPid);
        a.addAll(extraJvmArgs);
        StringBuilder cp = new StringBuilder(layout.launcher().toString());
        for (Path jar : classpath) cp.append(File.pathSeparatorChar).append(jar);
        a.add("-cp");
        a.add(cp.toString());
        return a;
    }

    /** Writes the configuration files and returns the JVM argument file. */
    public Path write(List<Path> classpath, Path jammAgent) {
        try {
            layout.create();
            NodeLauncher.installInto(layout.launcher());
            Files.writeString(conf("cassandra.yaml"),
                    "# Generated by the jsylla test kit for node " + host + "\n" + FlowYaml.render(yaml()));
            Files.writeString(conf("cassandra-rackdc.properties"),
                    "dc=" + datacenter + "\nrack=" + rack + "\nprefer_local=true\n");
            Files.writeString(conf("logback.xml"), logback());
            Path args = conf("jvm.args");
            StringBuilder sb = new StringBuilder();
            for (String arg : jvmArgs(classpath, jammAgent)) sb.append(quote(arg)).append('\n');
            Files.writeString(args, sb);
            return args;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write configuration of node " + host + " in " + layout.conf(), e);
        }
    }

    private Path conf(String name) {
        return layout.conf().resolve(name);
    }

    private String logback() {
        return """
                <configuration scan="false">
                  <appender name="SYSTEMLOG" class="ch.qos.logback.core.FileAppender">
                    <file>%s</file>
                    <encoder>
                      <pattern>%%-5level [%%thread] %%date{ISO8601} %%F:%%L - %%msg%%n</pattern>
                    </encoder>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="SYSTEMLOG"/>
                  </root>
                </configuration>
                """.formatted(layout.systemLog());
    }

    /** Quotes one argument for a JVM {@code @argfile}, where whitespace separates arguments. */
    static String quote(String arg) {
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
