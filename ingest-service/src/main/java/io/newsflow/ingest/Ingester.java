package io.newsflow.ingest;

import io.newsflow.cli.ClientSettings;
import io.newsflow.cli.Preflight;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes articles to the raw topic, keyed by article id: idempotent, {@code acks=all}, compressed.
 * Checks that Kafka, the topic and the registry are there before reading any input, so a wrong
 * address fails in seconds with one line saying which. Reports each rejected input on stderr.
 */
public final class Ingester implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** What an ingest run did. {@code fatal} is null unless the run could not finish. */
    public record Result(long published, long rejected, List<String> ids, String fatal) {
    }

    private final ClientSettings settings;
    private final String topic;
    private final Duration connectTimeout;
    private final PrintStream err;
    private Producer<String, RawArticle> producer;

    public Ingester(ClientSettings settings, String topic, Duration connectTimeout, PrintStream err) {
        this.settings = settings;
        this.topic = topic;
        this.connectTimeout = connectTimeout;
        this.err = err;
    }

    /** Fails with a one-line message if Kafka, the topic or the schema registry is not usable. */
    public void checkReachable() throws Preflight.Failed, InterruptedException {
        Preflight.check(settings, connectTimeout, List.of(topic), Map.of(topic, RawArticle.getClassSchema()));
    }

    /** Reads every input and publishes each article; waits until every send is acknowledged. */
    public Result ingest(List<String> inputs, InputStream stdin, ArticleSources sources) throws IOException {
        Producer<String, RawArticle> out = producer();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long[] rejected = {0};
        List<String> ids = new ArrayList<>();
        long started = System.nanoTime();
        long[] nextProgress = {started + PROGRESS_EVERY.toNanos()};
        sources.read(inputs, stdin, new ArticleSources.Sink() {
            @Override
            public void article(RawArticle article, String origin) {
                ids.add(article.getId());
                out.send(new ProducerRecord<>(topic, article.getId(), article), (metadata, exception) -> {
                    if (exception == null) {
                        acknowledged.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        firstFailure.compareAndSet(null, "topic " + topic + ", key " + article.getId() + ": " + exception.getMessage());
                        LOG.error("failed to publish {} to {}", article.getId(), topic, exception);
                    }
                });
                long now = System.nanoTime();
                if (now >= nextProgress[0]) {
                    double seconds = (now - started) / 1e9;
                    err.printf("ingest: %d sent, %d acknowledged, %d rejected (%.0f articles/s)%n",
                            ids.size(), acknowledged.get(), rejected[0], ids.size() / seconds);
                    nextProgress[0] = now + PROGRESS_EVERY.toNanos();
                }
            }

            @Override
            public void rejected(String origin, String reason) {
                rejected[0]++;
                err.println("ingest: rejected " + origin + ": " + reason);
            }
        });
        out.flush();
        String fatal = failed.get() == 0 ? null
                : "failed to publish " + failed.get() + " of " + ids.size() + " articles; first: " + firstFailure.get();
        return new Result(acknowledged.get(), rejected[0], List.copyOf(ids), fatal);
    }

    private Producer<String, RawArticle> producer() {
        if (producer == null) {
            Properties props = settings.kafkaProperties();
            props.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
            props.putIfAbsent(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            ClientSettings.ARTICLE_PRODUCER_DEFAULTS.forEach(props::putIfAbsent);
            props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.max(connectTimeout.toMillis(), 1000)));
            props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
            KafkaAvroSerializer values = new KafkaAvroSerializer();
            values.configure(settings.serdeConfig(), false);
            @SuppressWarnings({"unchecked", "rawtypes"})
            org.apache.kafka.common.serialization.Serializer<RawArticle> typed = (org.apache.kafka.common.serialization.Serializer) values;
            producer = new KafkaProducer<>(props, new StringSerializer(), typed);
        }
        return producer;
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(30));
        }
    }
}
