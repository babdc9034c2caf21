package io.newsflow.runtime;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;

/** The connection flags every newsflow command takes (a picocli mixin). */
public final class ConnectionOptions {

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,...]",
            description = "Kafka brokers (env KAFKA_BOOTSTRAP_SERVERS; default localhost:9092).")
    String bootstrapServers;

    @Option(names = "--schema-registry-url", paramLabel = "URL",
            description = "Confluent-compatible schema registry (env SCHEMA_REGISTRY_URL; default http://localhost:8081).")
    String schemaRegistryUrl;

    @Option(names = {"-p", "--property"}, paramLabel = "KEY=VALUE",
            description = "Raw Kafka client or serde property, repeatable (e.g. sasl.mechanism=PLAIN). Env KAFKA_* works too.")
    Map<String, String> properties = new LinkedHashMap<>();

    @Option(names = "--command-config", paramLabel = "FILE",
            description = "Properties file of client settings (as for Kafka's own tools); flags win over it.")
    Path commandConfig;

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
