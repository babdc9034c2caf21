package io.newsflow.stack;

import io.newsflow.runtime.ClientSettings;
import io.newsflow.schema.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A broker and a schema registry on this machine, with newsflow's topics created: what the demo,
 * {@code newsflow local-stack} and the integration tests run on.
 */
public final class LocalStack implements AutoCloseable {

    /** Partitions of the raw and enriched topics: room for several enrich instances. */
    public static final int DATA_PARTITIONS = 4;
    private static final Duration REGISTRY_START_TIMEOUT = Duration.ofSeconds(90);

    private final EmbeddedKafka kafka;
    private final SchemaRegistryProcess registry;

    private LocalStack(EmbeddedKafka kafka, SchemaRegistryProcess registry) {
        this.kafka = kafka;
        this.registry = registry;
    }

    /** Starts both (registry first, so a missing build fails fast), then creates the topics. */
    public static LocalStack start(Path dataDir, int kafkaPort, int registryPort) throws IOException, InterruptedException {
        SchemaRegistryProcess registry = SchemaRegistryProcess.start(registryPort, dataDir.resolve("schema-registry.log"),
                REGISTRY_START_TIMEOUT);
        EmbeddedKafka kafka;
        try {
            kafka = EmbeddedKafka.start(dataDir, kafkaPort);
        } catch (IOException | RuntimeException e) {
            registry.close();
            throw e;
        }
        LocalStack stack = new LocalStack(kafka, registry);
        try {
            Map<String, Integer> topics = new LinkedHashMap<>();
            topics.put(Topics.RAW, DATA_PARTITIONS);
            topics.put(Topics.ENRICHED, DATA_PARTITIONS);
            topics.put(Topics.DLQ, 1);
            kafka.createTopics(topics);
            kafka.createTopics(Map.of(Topics.TRENDING, 1), Map.of("cleanup.policy", "compact"));
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public EmbeddedKafka kafka() {
        return kafka;
    }

    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    public String schemaRegistryUrl() {
        return registry.url();
    }

    /** The registry process itself, for tests that talk Apicurio's own API. */
    public SchemaRegistryProcess registry() {
        return registry;
    }

    /** Connection settings for clients of this stack. */
    public ClientSettings clientSettings() {
        return new ClientSettings(bootstrapServers(), schemaRegistryUrl(), Map.of());
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            registry.close();
        }
    }
}
