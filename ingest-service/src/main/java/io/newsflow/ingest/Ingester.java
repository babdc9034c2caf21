package io.newsflow.ingest;

import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.Preflight;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroSerializer;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
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
    private final PrintWriter err;
    private Producer<String, byte[]> producer;
    private KafkaAvroSerializer values;

    public Ingester(ClientSettings settings, String topic, Duration connectTimeout, PrintWriter err) {
        this.settings = settings;
        this.topic = topic;
        this.connectTimeout = connectTimeout;
        this.err = err;
    }

    /**
     * Fails with a one-line message if Kafka, the topic or the schema registry is not usable; otherwise
     * returns the article-size limit the topic takes: {@code maxArticleBytes}, or less when the topic's
     * {@code max.message.bytes} is smaller.
     */
    public int checkReachable(int maxArticleBytes) throws Preflight.Failed, InterruptedException {
        return Preflight.check(settings, connectTimeout, List.of(topic), Map.of(topic, RawArticle.getClassSchema()))
                .articleLimit(maxArticleBytes, List.of(topic));
    }

    /**
     * Opens the producer and the serializer now, for records of at most {@code maxArticleBytes}, so that {@link #ingest}
     * starts sending at once (it opens them itself when this was not called).
     */
    public void open(int maxArticleBytes) {
        producer(maxArticleBytes);
    }

    /**
     * Reads every input and publishes each article; waits until every send is acknowledged. An article
     * whose record would be over {@code sources.maxBytes()} is rejected like any other bad input.
     */
    public Result ingest(List<String> inputs, InputStream stdin, ArticleSources sources) throws IOException {
        Producer<String, byte[]> out = producer(sources.maxBytes());
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
                byte[] value = values.serialize(topic, article);
                if (value.length > sources.maxBytes()) {
                    rejected(origin, "over the size limit: " + value.length + " bytes as a RawArticle record > " + sources.maxBytes()
                            + " (--max-article-bytes, NEWSFLOW_MAX_ARTICLE_BYTES)");
                    return;
                }
                ids.add(article.getId());
                out.send(new ProducerRecord<>(topic, article.getId(), value), (metadata, exception) -> {
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
                    err.flush();
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

    private Producer<String, byte[]> producer(long maxArticleBytes) {
        if (producer == null) {
            Properties props = settings.articleProducerProperties(
                    (int) Math.min(maxArticleBytes, Integer.MAX_VALUE - ArticleSize.HEADROOM_BYTES));
            props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(Math.max(connectTimeout.toMillis(), 1000)));
            props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "newsflow-ingest");
            values = new KafkaAvroSerializer();
            values.configure(settings.serdeConfig(), false);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
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
