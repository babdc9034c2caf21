package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Bad records on a real broker land in the dead-letter topic with reasons; good ones keep flowing. */
@ExtendWith(SharedStack.class)
class DeadLetterIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void garbageAndEmptyBodiesAreDeadLetteredAndGoodArticlesStillFlow() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("dlq", 1);
        EnrichApp enricher = Pipeline.startEnricher(topics, "it-dlq-" + topics.raw(), dir);
        byte[] garbage = "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8);
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(Pipeline.settings().serdeConfig(), false);
        RawArticle empty = RawArticle.newBuilder().setId("empty-1").setSource("it").setBody("   ").setIngestedAt(Instant.now()).build();
        RawArticle good = RawArticle.newBuilder().setId("good-1").setSource("it").setBody("Rain in London.\nAdvert\n")
                .setIngestedAt(Instant.now()).build();
        byte[] emptyBytes = avro.serialize(topics.raw(), empty);
        Properties props = Pipeline.settings().kafkaProperties();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topics.raw(), "junk-1", garbage)).get();
            producer.send(new ProducerRecord<>(topics.raw(), "empty-1", emptyBytes)).get();
            producer.send(new ProducerRecord<>(topics.raw(), "good-1", avro.serialize(topics.raw(), good))).get();
        }
        try {
            List<ConsumerRecord<byte[], byte[]>> dead = Pipeline.readBytes(topics.dlq(), DEADLINE, seen -> seen.size() >= 2);
            List<ConsumerRecord<String, EnrichedArticle>> enriched = Pipeline.readEnriched(topics.enriched(), DEADLINE,
                    seen -> !seen.isEmpty());

            assertThat(dead).hasSize(2);
            assertThat(dead.get(0).value()).isEqualTo(garbage);
            assertThat(header(dead.get(0), DeadLetterHeaders.REASON)).startsWith("undecodable value: wrong magic byte 0x7b");
            assertThat(header(dead.get(0), DeadLetterHeaders.SOURCE_TOPIC)).isEqualTo(topics.raw());
            assertThat(header(dead.get(0), DeadLetterHeaders.SOURCE_OFFSET)).isEqualTo("0");
            assertThat(header(dead.get(1), DeadLetterHeaders.REASON)).isEqualTo("empty body in article empty-1");
            assertThat(dead.get(1).value()).isEqualTo(emptyBytes);
            assertThat(enriched).singleElement().satisfies(r -> {
                assertThat(r.key()).isEqualTo("good-1");
                assertThat(r.value().getBody()).isEqualTo("Rain in London.\n");
            });

            List<String> lines = Pipeline.consumeLines(topics.dlq(), 2);
            JsonNode first = new ObjectMapper().readTree(lines.get(0));
            assertThat(first.get("key").asText()).isEqualTo("junk-1");
            assertThat(first.get("value").asText()).isEqualTo("{\"not\":\"avro\"}");
            assertThat(first.get("headers").get(DeadLetterHeaders.REASON).asText()).startsWith("undecodable value");
            JsonNode second = new ObjectMapper().readTree(lines.get(1));
            assertThat(second.has("valueBase64")).isTrue();
            assertThat(second.get("headers").get(DeadLetterHeaders.STAGE).asText()).isEqualTo("validate");
        } finally {
            enricher.close();
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
