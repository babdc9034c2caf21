package io.newsflow.ingest.serve;

import io.newsflow.runtime.ClientSettings;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroSerializer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a batch of articles (and, for feeds, their seen-markers) in one Kafka transaction: all of
 * the batch is published or none of it, so an HTTP client told 503 can send the request again and a
 * feed item is marked seen exactly when it is published. One batch at a time per publisher.
 */
final class TransactionalPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TransactionalPublisher.class);

    private final ClientSettings settings;
    private final String topic;
    private final String transactionalId;
    private final int maxArticleBytes;
    private final Duration maxBlock;
    private final KafkaAvroSerializer values = new KafkaAvroSerializer();
    private Producer<String, byte[]> producer;

    TransactionalPublisher(ClientSettings settings, String topic, String transactionalId, int maxArticleBytes, Duration maxBlock) {
        this.settings = settings;
        this.topic = topic;
        this.transactionalId = transactionalId;
        this.maxArticleBytes = maxArticleBytes;
        this.maxBlock = maxBlock;
        values.configure(settings.serdeConfig(), false);
    }

    /**
     * An article as the record it will be published as: refused with the size named when it is over
     * the article-size limit, {@link Unavailable} when the registry cannot be asked.
     */
    Serialized prepare(RawArticle article) throws Unavailable, InvalidArticleException {
        byte[] value;
        try {
            value = values.serialize(topic, article);
        } catch (SerializationException e) {
            throw new Unavailable("schema registry: " + e.getMessage(), e);
        }
        if (value.length > maxArticleBytes) {
            throw new InvalidArticleException("over the size limit: " + value.length + " bytes as a RawArticle record > " + maxArticleBytes
                    + " (NEWSFLOW_MAX_ARTICLE_BYTES)");
        }
        return new Serialized(article.getId(), value);
    }

    /** Publishes {@code articles} (id, serialized value) and {@code extra} records atomically; on any failure none is visible. */
    synchronized void publish(List<Serialized> articles, List<ProducerRecord<String, byte[]>> extra) throws Unavailable {
        Producer<String, byte[]> out;
        try {
            out = producer();
        } catch (KafkaException e) {
            close();
            throw new Unavailable("Kafka: cannot start a transactional producer: " + e.getMessage(), e);
        }
        try {
            out.beginTransaction();
            for (Serialized article : articles) {
                out.send(new ProducerRecord<>(topic, article.id(), article.value()));
            }
            for (ProducerRecord<String, byte[]> record : extra) {
                out.send(record);
            }
            out.commitTransaction(); // throws if any send failed: then nothing of the batch is visible
        } catch (KafkaException e) {
            LOG.warn("publishing {} articles failed, aborting the transaction: {}", articles.size(), e.toString());
            try {
                out.abortTransaction();
            } catch (KafkaException abortFailed) {
                close(); // start over with a new producer next time; its init fences what is left of this one
            }
            throw new Unavailable("Kafka: " + e.getMessage(), e);
        }
    }

    private Producer<String, byte[]> producer() {
        if (producer == null) {
            Properties props = settings.articleProducerProperties(maxArticleBytes);
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(maxBlock.toMillis()));
            props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(maxBlock.toMillis() * 3, 15_000)));
            props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.max(maxBlock.toMillis(), 5_000)));
            props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, transactionalId);
            Producer<String, byte[]> created = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
            try {
                created.initTransactions();
            } catch (KafkaException e) {
                created.close(Duration.ZERO);
                throw e;
            }
            producer = created;
        }
        return producer;
    }

    /** Creates the producer and initialises its transactions now: fails here, not on the first request, when Kafka is not usable. */
    synchronized void start() throws Unavailable {
        try {
            producer();
        } catch (KafkaException e) {
            throw new Unavailable("Kafka: cannot start a transactional producer (" + transactionalId + "): " + e.getMessage(), e);
        }
    }

    /** The producer, for binding its metrics; null until the first batch. */
    synchronized Producer<String, byte[]> current() {
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
            producer = null;
        }
    }

    /** An article ready to send. */
    record Serialized(String id, byte[] value) {
    }
}
