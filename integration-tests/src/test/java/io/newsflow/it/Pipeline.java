package io.newsflow.it;


import io.newsflow.runtime.ClientSettings;
import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.ArticleSources;
import io.newsflow.ingest.Ingester;
import io.newsflow.ingest.InputFormat;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.serde.SpecificAvroSerde;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Test helpers that drive the real services against the shared stack. */
final class Pipeline {
    private Pipeline() {
    }

    static ClientSettings settings() {
        return SharedStack.stack().clientSettings();
    }

    /** A started enrich instance on the given topics. */
    static EnrichApp startEnricher(SharedStack.Topics topics, String applicationId, Path stateDir) {
        EnrichApp app = new EnrichApp(enrichConfig(topics, applicationId, stateDir, Map.of()));
        app.start();
        return app;
    }

    /** Enrich settings for the given topics, a fresh state directory, and {@code more} environment variables. */
    static EnrichConfig enrichConfig(SharedStack.Topics topics, String applicationId, Path stateDir, Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(more);
        env.put(EnrichConfig.STATE_DIR, stateDir.resolve(UUID.randomUUID().toString()).toString());
        return enrichConfig(settings(), topics, applicationId, env);
    }

    /** Enrich settings for the given cluster and topics, with {@code more} environment variables (the state directory among them). */
    static EnrichConfig enrichConfig(ClientSettings cluster, SharedStack.Topics topics, String applicationId, Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(more);
        env.put(EnrichConfig.APPLICATION_ID, applicationId);
        env.put(EnrichConfig.INPUT_TOPIC, topics.raw());
        env.put(EnrichConfig.OUTPUT_TOPIC, topics.enriched());
        env.put(EnrichConfig.DLQ_TOPIC, topics.dlq());
        return EnrichConfig.fromEnv(env, cluster.overriddenBy(null, null, ClientSettings.passThrough(more)));
    }

    /** A value serializer for the shared registry (registers schemas as needed). */
    static io.newsflow.serde.KafkaAvroSerializer avro() {
        io.newsflow.serde.KafkaAvroSerializer avro = new io.newsflow.serde.KafkaAvroSerializer();
        avro.configure(settings().serdeConfig(), false);
        return avro;
    }

    /** Sends one record of raw bytes and waits for the broker's acknowledgement. */
    static void sendBytes(String topic, String key, byte[] value) throws Exception {
        try (org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                settings().kafkaProperties(), new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, key, value)).get();
        }
    }

    /** Ingests through the real ingest code path; fails the test on a fatal result. */
    static Ingester.Result ingest(String topic, List<String> inputs) throws Exception {
        return ingest(settings(), topic, inputs);
    }

    /** Ingests into the given cluster through the real ingest code path; fails the test on a fatal result. */
    static Ingester.Result ingest(ClientSettings cluster, String topic, List<String> inputs) throws Exception {
        try (Ingester ingester = new Ingester(cluster, topic, Duration.ofSeconds(15), new java.io.PrintWriter(System.err, true))) {
            int limit = ingester.checkReachable(ArticleSize.DEFAULT_MAX_BYTES);
            Ingester.Result result = ingester.ingest(inputs, new ByteArrayInputStream(new byte[0]),
                    new ArticleSources(InputFormat.AUTO, null, limit, Clock.systemUTC()));
            if (result.fatal() != null) {
                throw new AssertionError(result.fatal());
            }
            return result;
        }
    }

    /**
     * Runs {@code newsflow consume --topic T --from-beginning --max N --timeout 60} and returns the
     * JSON lines it printed; fails the test if it exits non-zero.
     */
    static List<String> consumeLines(String topic, long max) {
        Commands consume = Commands.run(settings(), "consume", "--topic", topic, "--from-beginning", "--max", String.valueOf(max),
                "--timeout", "60");
        if (consume.code() != 0) {
            throw new AssertionError("consume exited " + consume.code() + ": " + consume.err());
        }
        return consume.lines();
    }

    /** Committed enriched records, read from the beginning until {@code done} holds or the deadline passes. */
    static List<ConsumerRecord<String, EnrichedArticle>> readEnriched(String topic, Duration deadline,
                                                                       Predicate<List<ConsumerRecord<String, EnrichedArticle>>> done) {
        return readEnriched(settings(), topic, deadline, done);
    }

    /** Committed enriched records of the given cluster, read from the beginning until {@code done} holds or the deadline passes. */
    static List<ConsumerRecord<String, EnrichedArticle>> readEnriched(ClientSettings cluster, String topic, Duration deadline,
                                                                       Predicate<List<ConsumerRecord<String, EnrichedArticle>>> done) {
        SpecificAvroSerde<EnrichedArticle> serde = SpecificAvroSerde.forValues(cluster.serdeConfig());
        List<ConsumerRecord<String, EnrichedArticle>> seen = new ArrayList<>();
        try (KafkaConsumer<String, EnrichedArticle> consumer = new KafkaConsumer<>(consumerProps(cluster), new StringDeserializer(),
                serde.deserializer())) {
            pollUntil(consumer, topic, deadline, seen, done);
        }
        return seen;
    }

    /** Committed raw records of any topic, read from the beginning until {@code done} holds or the deadline passes. */
    static List<ConsumerRecord<byte[], byte[]>> readBytes(String topic, Duration deadline,
                                                         Predicate<List<ConsumerRecord<byte[], byte[]>>> done) {
        List<ConsumerRecord<byte[], byte[]>> seen = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(settings()), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            pollUntil(consumer, topic, deadline, seen, done);
        }
        return seen;
    }

    private static <K, V> void pollUntil(KafkaConsumer<K, V> consumer, String topic, Duration deadline,
                                         List<ConsumerRecord<K, V>> seen, Predicate<List<ConsumerRecord<K, V>>> done) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        long end = System.nanoTime() + deadline.toNanos();
        while (!done.test(seen) && System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
    }

    private static Properties consumerProps(ClientSettings cluster) {
        Properties props = cluster.kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }

    /** Waits until every one of {@code apps} is RUNNING; fails after {@code deadline}. */
    static void awaitRunning(Duration deadline, EnrichApp... apps) throws InterruptedException {
        long end = System.nanoTime() + deadline.toNanos();
        while (System.nanoTime() < end) {
            boolean all = true;
            for (EnrichApp app : apps) {
                all &= app.state() == org.apache.kafka.streams.KafkaStreams.State.RUNNING;
            }
            if (all) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("enrich instances did not reach RUNNING within " + deadline);
    }
}
