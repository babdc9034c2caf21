package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApp;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroSerializer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow reprocess} on a real broker: the raw topic enriched again into a versioned topic while the first
 * enrich keeps running; re-enriched articles are not taken for re-deliveries, a copy links to the same story, a true
 * re-delivery is still dropped, the command stops by itself, a second run adds nothing, and a time range is kept.
 */
@ExtendWith(SharedStack.class)
class ReprocessIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String STORY = """
            The harbour authority in Tallinn said on Thursday that the new ferry terminal will open in March, two months later than planned.
            Engineers found cracks in two of the mooring posts during a final inspection last week, the authority said in a statement.
            Passengers on the Helsinki route will keep using the old terminal until then, and timetables will not change.
            The repair is covered by the builder's warranty, according to the authority, and will not add to the project's cost.
            """;
    private static final String COPY = STORY.replace("later than planned", "later than it planned");
    private static final String OTHER = """
            The city council in Tartu voted on Wednesday to extend the river tram line by three stops towards the university campus.
            Work is due to begin next spring and take about eighteen months, the council said, with buses replacing trams at weekends.
            """;

    @TempDir
    Path dir;

    @Test
    void theRawTopicIsEnrichedAgainIntoAVersionedTopicAndTheCommandStops() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("reprocess", 1);
        Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
        Instant t1 = t0.plus(Duration.ofHours(2));
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(Pipeline.settings().serdeConfig(), false);
        Properties props = Pipeline.settings().kafkaProperties();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            send(producer, avro, topics.raw(), "story-1", STORY, t0);
            send(producer, avro, topics.raw(), "story-1", STORY, t0.plusSeconds(1)); // a re-delivery
            send(producer, avro, topics.raw(), "copy-1", COPY, t0.plusSeconds(2));
            send(producer, avro, topics.raw(), "other-1", OTHER, t1);
        }
        EnrichApp blue = Pipeline.startEnricher(topics, "it-reprocess-" + topics.raw(), dir.resolve("blue"));
        try {
            Map<String, String> first = duplicateOf(Pipeline.readEnriched(topics.enriched(), DEADLINE, seen -> seen.size() >= 3));

            Commands live = Commands.run(Pipeline.settings(), "reprocess", "--input", topics.raw(), "--output", "news.articles.enriched");
            assertThat(live.code()).isEqualTo(64);
            assertThat(live.err()).contains("is the enriched topic in use");

            String green = topics.enriched() + ".v2";
            Commands run = Commands.run(Pipeline.settings(), "reprocess", "--input", topics.raw(), "--output", green,
                    "--state-dir", dir.resolve("green").toString());
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.err()).contains("4 records up to the end offsets now", "reprocess: done: 4 records read from " + topics.raw());
            List<ConsumerRecord<String, EnrichedArticle>> again = Pipeline.readEnriched(green, DEADLINE, seen -> seen.size() >= 3);
            assertThat(duplicateOf(again)).as("the same articles, the copy linked to the same story, the re-delivery dropped")
                    .isEqualTo(first).containsEntry("copy-1", "story-1").containsEntry("story-1", "");
            assertThat(again).allSatisfy(r -> assertThat(r.value().getEnricherVersion()).isEqualTo(EnrichApp.enricherVersion()));
            assertThat(blue.state()).isEqualTo(org.apache.kafka.streams.KafkaStreams.State.RUNNING);

            Commands second = Commands.run(Pipeline.settings(), "reprocess", "--input", topics.raw(), "--output", green,
                    "--state-dir", dir.resolve("green").toString());
            assertThat(second.code()).as(second.err()).isZero();
            assertThat(Pipeline.readEnriched(green, Duration.ofSeconds(5), seen -> false)).as("nothing written twice").hasSize(3);

            // a time range, while ingest goes on writing: the command still stops at the end offsets taken at its start
            String later = topics.enriched() + ".since";
            java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
            Thread ingest = new Thread(() -> {
                try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
                    for (int n = 0; writing.get(); n++) {
                        send(producer, avro, topics.raw(), "live-" + n, "Live news item " + n + " from Riga.\n", Instant.now());
                        Thread.sleep(50);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ingest.start();
            Commands range;
            try {
                Thread.sleep(300);
                range = Commands.run(Pipeline.settings(), "reprocess", "--input", topics.raw(), "--output", later,
                        "--since", t0.plus(Duration.ofHours(1)).toString(), "--until", t0.plus(Duration.ofHours(3)).toString(),
                        "--state-dir", dir.resolve("since").toString());
            } finally {
                writing.set(false);
                ingest.join();
            }
            assertThat(range.code()).as(range.err()).isZero();
            assertThat(Pipeline.readEnriched(later, DEADLINE, seen -> !seen.isEmpty())).extracting(ConsumerRecord::key)
                    .containsExactly("other-1");
        } finally {
            blue.close();
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, KafkaAvroSerializer avro, String topic, String id, String body,
                             Instant time) throws Exception {
        RawArticle article = RawArticle.newBuilder().setId(id).setSource("it").setBody(body).setIngestedAt(time).build();
        producer.send(new ProducerRecord<>(topic, null, time.toEpochMilli(), id, avro.serialize(topic, article))).get();
    }

    private static Map<String, String> duplicateOf(List<ConsumerRecord<String, EnrichedArticle>> records) {
        return records.stream().collect(Collectors.toMap(ConsumerRecord::key,
                r -> r.value().getDuplicateOf() == null ? "" : r.value().getDuplicateOf()));
    }
}
