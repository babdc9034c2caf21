package io.newsflow.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The connection flags every newsflow command takes (a picocli mixin). */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]", description = SharedSettings.BOOTSTRAP_SERVERS_MEANING
            + " (env " + ClientSettings.BOOTSTRAP_SERVERS_ENV + "; default " + ClientSettings.DEFAULT_BOOTSTRAP_SERVERS + ").")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL", description = SharedSettings.SCHEMA_REGISTRY_URL_MEANING
            + " (env " + ClientSettings.SCHEMA_REGISTRY_URL_ENV + "; default " + ClientSettings.DEFAULT_SCHEMA_REGISTRY_URL + ").")
    String schemaRegistryUrl;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "Seconds to wait for Kafka and the registry at start"
            + " (env " + SharedSettings.CONNECT_TIMEOUT_ENV + "; default " + SharedSettings.CONNECT_TIMEOUT_DEFAULT + ").")
    String connectTimeout;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "Raw Kafka client or serde property, repeatable (e.g. sasl.mechanism=PLAIN). Env KAFKA_* works too.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Properties file of client settings (as for Kafka's own tools); flags win over it.")
    Path commandConfig;

    /** {@code env} with the connection flags given on the command line laid over their variables (flags win). */
    public Map<String, String> overlay(Map<String, String> env) {
        Map<String, String> merged = new LinkedHashMap<>(env);
        if (connectTimeout != null) {
            merged.put(SharedSettings.CONNECT_TIMEOUT_ENV, connectTimeout);
        }
        return merged;
    }

    /** How long to wait for Kafka and the registry at start: the flag, else the variable, else the default. */
    public Duration connectTimeout(Map<String, String> env, List<String> problems) {
        return SharedSettings.connectTimeout(overlay(env), problems);
    }

    /** Whether the user named a cluster (flag, properties file or environment) rather than leaving the default. */
    public boolean namesACluster(Map<String, String> env) throws IOException {
        return bootstrapServers != null || env.containsKey(ClientSettings.BOOTSTRAP_SERVERS_ENV)
                || !resolve(Map.of()).bootstrapServers().equals(ClientSettings.DEFAULT_BOOTSTRAP_SERVERS);
    }

    /** Flags over file over environment over defaults. */
    public ClientSettings resolve(Map<String, String> env) throws IOException {
        Map<String, String> fromFile = new LinkedHashMap<>();
        if (commandConfig != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(commandConfig, StandardCharsets.UTF_8)) {
                file.load(reader);
            }
            file.stringPropertyNames().forEach(k -> fromFile.put(k, file.getProperty(k)));
        }
        Map<String, String> explicit = new LinkedHashMap<>(fromFile);
        explicit.putAll(properties);
        return ClientSettings.fromEnv(env).overriddenBy(bootstrapServers, schemaRegistryUrl, explicit);
    }
}
