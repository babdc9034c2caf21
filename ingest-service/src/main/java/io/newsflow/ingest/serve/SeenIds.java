package io.newsflow.ingest.serve;

import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ids of feed items already published, kept in a compacted Kafka topic (key: the id, value: the
 * feed URL) and read back whole at start, so a restarted service, or one started on another machine,
 * publishes none of them again and needs no local disk. Markers are written in the articles' own
 * transaction ({@link #markers}), and read {@code read_committed}: an id is seen exactly when its
 * article was published.
 */
final class SeenIds {

    private static final Logger LOG = LoggerFactory.getLogger(SeenIds.class);

    private final String topic;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    private SeenIds(String topic) {
        this.topic = topic;
    }

    /** Creates the topic (compacted) when it is missing, then reads every id in it. */
    static SeenIds load(ClientSettings settings, String topic, Duration timeout) throws Unavailable {
        SeenIds seen = new SeenIds(topic);
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) -1)
                        .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
                        .all().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                LOG.info("created the compacted topic {} for the ids of published feed items", topic);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new Unavailable("Kafka: cannot create topic " + topic + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted", e);
        } catch (TimeoutException e) {
            throw new Unavailable("Kafka: no answer within " + timeout.toSeconds() + " s creating topic " + topic, e);
        }
        try {
            TopicReader.readToEnd(settings.kafkaProperties(), topic, timeout, false, record -> {
                String id = new String(record.key(), StandardCharsets.UTF_8);
                if (record.value() == null) {
                    seen.ids.remove(id);
                } else {
                    seen.ids.add(id);
                }
            });
        } catch (TopicReader.Failed e) {
            throw new Unavailable("Kafka: could not read topic " + topic + " to its end in time", null);
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new Unavailable("Kafka: cannot read topic " + topic + ": " + e.getMessage(), e);
        }
        LOG.info("{} feed item ids already published (topic {})", seen.ids.size(), topic);
        return seen;
    }


    boolean contains(String id) {
        return ids.contains(id);
    }

    int size() {
        return ids.size();
    }

    /** The records that mark {@code ids} seen, to send in the articles' transaction. */
    List<ProducerRecord<String, byte[]>> markers(List<String> newIds, String feedUrl) {
        byte[] value = feedUrl.getBytes(StandardCharsets.UTF_8);
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>(newIds.size());
        for (String id : newIds) {
            records.add(new ProducerRecord<>(topic, id, value));
        }
        return records;
    }

    /** After the transaction committed. */
    void addAll(List<String> published) {
        ids.addAll(published);
    }
}
