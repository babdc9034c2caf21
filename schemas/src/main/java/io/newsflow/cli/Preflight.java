package io.newsflow.cli;

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
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * The checks a command makes before it starts work, so a wrong address or a missing topic fails in
 * seconds with one line saying which, instead of a client retrying for minutes: Kafka answers within
 * the timeout, the topics exist, and each value schema is registered (or registrable) under its subject.
 */
public final class Preflight {

    /** A problem found before any work started; the message is one line. */
    public static final class Failed extends Exception {
        Failed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Preflight() {
    }

    /**
     * @param topics        topics that must exist
     * @param valueSchemas  topic to the value schema the command writes there (registered, or looked up
     *                      when {@code auto.register.schemas=false})
     */
    public static void check(ClientSettings settings, Duration timeout, List<String> topics, Map<String, Schema> valueSchemas)
            throws Failed, InterruptedException {
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
                                + ": create it (see README, Topics) or name another", e);
                    }
                    throw e;
                }
            }
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
    }

    private static Failed unreachable(ClientSettings settings, Duration timeout, Exception cause) {
        return new Failed("cannot reach Kafka at " + settings.bootstrapServers() + " within " + timeout.toSeconds()
                + " s: is the broker running, and is --bootstrap-servers right?", cause);
    }
}
