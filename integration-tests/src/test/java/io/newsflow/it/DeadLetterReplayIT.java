package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApp;
import io.newsflow.schema.DeadLetterHeaders;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroSerializer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow dlq} on a real broker: a summary, a replay that goes through once, and one that fails again. */
@ExtendWith(SharedStack.class)
class DeadLetterReplayIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void aReplayWritesTheChosenDeadLettersBackExactlyOnceAndOneThatFailsAgainReturnsWithItsCount() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("replay", 1);
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-replay-" + topics.raw(), dir);
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(Pipeline.settings().serdeConfig(), false);
        RawArticle fine = RawArticle.newBuilder().setId("fine-1").setSource("it").setBody("Floods in Porto closed the old bridge.\n")
                .setIngestedAt(Instant.now()).build();
        RawArticle noise = RawArticle.newBuilder().setId("noise-1").setSource("it").setBody("Advert\nADVERTISEMENT\n")
                .setIngestedAt(Instant.now()).build();
        byte[] fineBytes = avro.serialize(topics.raw(), fine);
        byte[] noiseBytes = avro.serialize(topics.raw(), noise);
        // a dead letter of a passing failure, as enrich writes one: the record's bytes with why and where
        RecordHeaders why = new RecordHeaders();
        why.add(DeadLetterHeaders.STAGE, "decode".getBytes(StandardCharsets.UTF_8));
        why.add(DeadLetterHeaders.REASON, "schema registry unavailable".getBytes(StandardCharsets.UTF_8));
        Properties props = Pipeline.settings().kafkaProperties();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.dlq(), null, "fine-1", fineBytes, why)).get();
            producer.send(new ProducerRecord<>(topics.raw(), "noise-1", noiseBytes)).get();
        }
        try {
            Pipeline.readBytes(topics.dlq(), DEADLINE, seen -> seen.size() >= 2);

            Commands summary = Commands.run(Pipeline.settings(), "dlq", "summary", "--topic", topics.dlq());
            assertThat(summary.code()).as(summary.err()).isZero();
            assertThat(summary.out()).contains("2 dead letters in " + topics.dlq());
            assertThat(summary.out()).containsPattern("1 +decode .* schema registry unavailable");
            assertThat(summary.out()).containsPattern("1 +require-content .* nothing left after cleaning article <id>");

            Commands show = Commands.run(Pipeline.settings(), "dlq", "show", "--topic", topics.dlq(), "--id", "noise-1");
            assertThat(show.code()).as(show.err()).isZero();
            assertThat(show.lines()).singleElement().satisfies(line -> assertThat(line)
                    .contains("\"" + DeadLetterHeaders.STAGE + "\":\"require-content\"", "\"decoded\":{", "\"id\":\"noise-1\""));
            assertThat(show.err()).contains("dlq: showed 1 of 2 dead letters");

            Commands missing = Commands.run(Pipeline.settings(), "dlq", "summary", "--topic", topics.dlq() + ".typo");
            assertThat(missing.code()).isEqualTo(1);
            assertThat(missing.err()).contains("no such topic");

            Commands unchosen = replay(topics);
            assertThat(unchosen.code()).isEqualTo(64);
            assertThat(unchosen.err()).contains("say which dead letters");

            Commands dry = replay(topics, "--stage", "decode", "--dry-run");
            assertThat(dry.out()).contains("would replay 0:0 key=fine-1 stage=decode");
            assertThat(dry.err()).contains("dlq replay: would replay 1 to " + topics.raw());

            Commands first = replay(topics, "--stage", "decode");
            assertThat(first.code()).as(first.err()).isZero();
            assertThat(first.err()).contains("dlq replay: replayed 1 to " + topics.raw());
            List<ConsumerRecord<String, EnrichedArticle>> enriched = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> seen.stream().anyMatch(r -> r.key().equals("fine-1")));
            assertThat(enriched).extracting(ConsumerRecord::key).containsExactly("fine-1");

            Commands again = replay(topics, "--stage", "decode");
            assertThat(again.err()).contains("dlq replay: replayed 0 to " + topics.raw() + "; skipped 1 replayed before");

            Commands failing = replay(topics, "--id", "noise-1");
            assertThat(failing.err()).contains("dlq replay: replayed 1 to " + topics.raw());
            List<ConsumerRecord<byte[], byte[]>> dead = Pipeline.readBytes(topics.dlq(), DEADLINE, seen -> seen.size() >= 3);
            assertThat(dead).hasSize(3);
            assertThat(header(dead.get(2), DeadLetterHeaders.STAGE)).isEqualTo("require-content");
            assertThat(header(dead.get(2), DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("1");
            assertThat(dead.get(2).value()).isEqualTo(noiseBytes);

            List<ConsumerRecord<byte[], byte[]>> raw = Pipeline.readBytes(topics.raw(), DEADLINE, seen -> seen.size() >= 3);
            assertThat(raw).hasSize(3);
            ConsumerRecord<byte[], byte[]> replayed = raw.stream().filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals("fine-1"))
                    .findFirst().orElseThrow();
            assertThat(replayed.value()).isEqualTo(fineBytes);
            assertThat(header(replayed, DeadLetterHeaders.REPLAY_COUNT)).isEqualTo("1");
            assertThat(header(replayed, DeadLetterHeaders.REPLAY_OF)).isEqualTo(topics.dlq() + "/0/0");
            assertThat(replayed.headers().lastHeader(DeadLetterHeaders.REASON)).isNull();
        } finally {
            enricher.close();
        }
    }

    private static Commands replay(SharedStack.Topics topics, String... more) {
        String[] args = new String[7 + more.length];
        String[] fixed = {"dlq", "replay", "--topic", topics.dlq(), "--to", topics.raw(), "--connect-timeout=15"};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(more, 0, args, fixed.length, more.length);
        return Commands.run(Pipeline.settings(), args);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
