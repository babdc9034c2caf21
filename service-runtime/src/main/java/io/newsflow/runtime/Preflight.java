package io.newsflow.runtime;

import io.newsflow.schema.ArticleSize;
import io.newsflow.serde.AvroSerdeConfig;
import io.newsflow.serde.SchemaRegistryClients;
import io.newsflow.serde.registry.SchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checks a command makes before it starts work, so a wrong address or a missing topic fails in
 * seconds with one line saying which, instead of a client retrying for minutes: Kafka answers within
 * the timeout, the topics exist, and each value schema is registered (or registrable) under its subject.
 */
public final class Preflight {

    private static final Logger LOG = LoggerFactory.getLogger(Preflight.class);

    /** A problem found before any work started; the message is one line. */
    public static final class Failed extends Exception {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Preflight() {
    }

    /**
     * What the checks found out that a command needs next.
     *
     * @param maxMessageBytes each checked topic's {@code max.message.bytes}, where the cluster let us read it
     */
    public record Findings(Map<String, Long> maxMessageBytes) {

        /**
         * The article-size limit the given topics can take: {@code configured}, or less when one of them
         * accepts smaller records ({@link ArticleSize#articleLimitFor}).
         */
        public int articleLimit(int configured, List<String> topics) {
            long limit = configured;
            for (String topic : topics) {
                Long max = maxMessageBytes.get(topic);
                if (max != null) {
                    limit = Math.min(limit, ArticleSize.articleLimitFor(max));
                }
            }
            return (int) limit;
        }
    }

    /**
     * @param topics        topics that must exist
     * @param valueSchemas  topic to the value schema the command writes there (registered, or looked up
     *                      when {@code auto.register.schemas=false})
     */
    public static Findings check(ClientSettings settings, Duration timeout, List<String> topics, Map<String, Schema> valueSchemas)
            throws Failed, InterruptedException {
        Map<String, Long> maxMessageBytes;
        Properties adminProps = settings.kafkaProperties();
        adminProps.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        adminProps.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis());
        try (Admin admin = Admin.create(adminProps)) {
            admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            for (String topic : topics) {
                try {
                    admin.describeTopics(List.of(topic)).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                        throw new Failed("topic " + topic + " does not exist on " + settings.bootstrapServers()
                                + ": create it (see docs/operations.md, Topics) or name another", e);
                    }
                    throw e;
                }
            }
            maxMessageBytes = maxMessageBytes(admin, topics, timeout);
        } catch (TimeoutException e) {
            throw unreachable(settings, timeout, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unreachable(settings, timeout, e);
            }
            throw new Failed("cannot use Kafka at " + settings.bootstrapServers() + ": " + e.getCause().getMessage(), e);
        }
        AvroSerdeConfig serde = AvroSerdeConfig.from(settings.serdeConfig(), false);
        SchemaRegistryClient registry = SchemaRegistryClients.create(serde);
        for (Map.Entry<String, Schema> value : valueSchemas.entrySet()) {
            String subject = serde.subjectStrategy().subject(value.getKey(), false, value.getValue());
            try {
                if (serde.autoRegister()) {
                    registry.register(subject, value.getValue());
                } else if (serde.useLatestVersion()) {
                    registry.getLatest(subject);
                } else {
                    registry.lookupId(subject, value.getValue());
                }
            } catch (SchemaRegistryException e) {
                throw new Failed("schema registry: " + e.getMessage(), e);
            }
        }
        return new Findings(maxMessageBytes);
    }

    /** Best effort: a principal without DescribeConfigs gets an empty map, and the configured limit stands. */
    private static Map<String, Long> maxMessageBytes(Admin admin, List<String> topics, Duration timeout) throws InterruptedException {
        Map<String, Long> sizes = new java.util.LinkedHashMap<>();
        List<ConfigResource> resources = topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
        try {
            admin.describeConfigs(resources).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS).forEach((resource, config) -> {
                ConfigEntry entry = config.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
                if (entry != null && entry.value() != null) {
                    sizes.put(resource.name(), Long.parseLong(entry.value()));
                }
            });
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.info("cannot read max.message.bytes of {}: {}", topics, e.getMessage());
        }
        return sizes;
    }

    private static Failed unreachable(ClientSettings settings, Duration timeout, Exception cause) {
        return new Failed("cannot reach Kafka at " + settings.bootstrapServers() + " within " + timeout.toSeconds()
                + " s: is the broker running, and is --bootstrap-servers right?", cause);
    }
}
