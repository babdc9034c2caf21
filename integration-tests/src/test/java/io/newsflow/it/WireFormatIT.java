package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.Legacy4ByteIdHandler;
import io.apicurio.registry.serde.SerdeConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroDeserializer;
import io.newsflow.serde.KafkaAvroSerializer;
import io.newsflow.it.SharedStack.Topics;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Our serde against an independent implementation of the same wire format: Apicurio's own Avro
 * serde, talking Apicurio's native API to the same registry our serde reaches through the
 * Confluent-compatible API. Bytes written by either must decode with the other.
 */
@ExtendWith(SharedStack.class)
class WireFormatIT {

    private static Map<String, Object> apicurioConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(SerdeConfig.REGISTRY_URL, SharedStack.stack().registry().apicurioNativeUrl());
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, true);
        config.put(SerdeConfig.ENABLE_HEADERS, false);          // id in the payload, as Confluent does
        config.put(SerdeConfig.ID_HANDLER, Legacy4ByteIdHandler.class.getName()); // 4-byte id, as Confluent does
        config.put(SerdeConfig.USE_ID, "contentId");           // the id the ccompat API hands out
        return config;
    }

    private static RawArticle article(String id) {
        return RawArticle.newBuilder().setId(id).setSource("wire-it").setUrl("https://example.org/" + id).setTitle("Zürich “quotes”")
                .setBody("Body of " + id + "\nAdvert\n").setLanguage("de").setPublishedAt(Instant.parse("2026-05-06T07:08:09Z"))
                .setIngestedAt(Instant.parse("2026-05-06T07:09:00Z")).setAttributes(Map.of("k", "v")).build();
    }

    @Test
    void whatOurSerializerWritesApicuriosDeserializerReads() throws Exception {
        Topics topics = SharedStack.topics("wire-a", 1);
        KafkaAvroSerializer ours = new KafkaAvroSerializer();
        ours.configure(Pipeline.settings().serdeConfig(), false);
        RawArticle article = article("ours-1");

        byte[] bytes = ours.serialize(topics.raw(), article);

        try (AvroKafkaDeserializer<GenericRecord> theirs = new AvroKafkaDeserializer<>()) {
            theirs.configure(apicurioConfig(), false);
            GenericRecord decoded = theirs.deserialize(topics.raw(), new RecordHeaders(), bytes);
            assertThat(decoded.get("id").toString()).isEqualTo("ours-1");
            assertThat(decoded.get("title").toString()).isEqualTo("Zürich “quotes”");
            assertThat(decoded.get("body").toString()).isEqualTo(article.getBody());
            assertThat(decoded.get("publishedAt")).isEqualTo(article.getPublishedAt().toEpochMilli());
        }
    }

    @Test
    void whatApicuriosSerializerWritesOurDeserializerReads() throws Exception {
        Topics topics = SharedStack.topics("wire-b", 1);
        RawArticle article = article("theirs-1");
        byte[] bytes;
        try (AvroKafkaSerializer<RawArticle> theirs = new AvroKafkaSerializer<>()) {
            theirs.configure(apicurioConfig(), false);
            bytes = theirs.serialize(topics.raw(), new RecordHeaders(), article);
        }
        assertThat(bytes[0]).isZero();
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();

        KafkaAvroDeserializer ours = new KafkaAvroDeserializer();
        Map<String, Object> config = new HashMap<>(Pipeline.settings().serdeConfig());
        config.put("specific.avro.reader", "true");
        ours.configure(config, false);

        assertThat(ours.deserialize(topics.raw(), bytes)).isEqualTo(article);
        assertThat(new io.newsflow.serde.registry.RestSchemaRegistryClient(java.util.List.of(SharedStack.stack().schemaRegistryUrl()),
                java.time.Duration.ofSeconds(5), null).getById(id)).isEqualTo(RawArticle.getClassSchema());
    }
}
