package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.RawArticle;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KafkaAvroSerdeTest {

    private final String scope = "serde-" + UUID.randomUUID();
    private final Map<String, Object> configs = Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, "mock://" + scope);

    @AfterEach
    void dropScope() {
        MockSchemaRegistry.dropScope(scope);
    }

    private KafkaAvroSerializer serializer(Map<String, Object> cfg) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(cfg, false);
        return serializer;
    }

    private KafkaAvroDeserializer deserializer(boolean specific) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        java.util.HashMap<String, Object> cfg = new java.util.HashMap<>(configs);
        cfg.put(AvroSerdeConfig.SPECIFIC_AVRO_READER, String.valueOf(specific));
        deserializer.configure(cfg, false);
        return deserializer;
    }

    @Test
    void writesConfluentWireFormatWithTheRegisteredId() {
        RawArticle article = TestArticles.raw("a-1", "Body text\nAdvert\n");
        byte[] bytes = serializer(configs).serialize("news.articles.raw", article);

        int registeredId = MockSchemaRegistry.forScope(scope).lookupId("news.articles.raw-value", RawArticle.getClassSchema());
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registeredId);
        assertThat(registeredId).isPositive();
    }

    @Test
    void specificRoundTripKeepsEveryField() {
        RawArticle article = TestArticles.raw("a-2", "Zürich — “quoted” text, 日本語.\r\nSecond line");
        byte[] bytes = serializer(configs).serialize("t", article);

        Object back = deserializer(true).deserialize("t", bytes);

        assertThat(back).isInstanceOf(RawArticle.class).isEqualTo(article);
    }

    @Test
    void genericReaderReturnsAGenericRecordWithTheSameValues() {
        RawArticle article = TestArticles.raw("a-3", "Plain body");
        byte[] bytes = serializer(configs).serialize("t", article);

        Object back = deserializer(false).deserialize("t", bytes);

        assertThat(back).isInstanceOf(GenericRecord.class);
        GenericRecord record = (GenericRecord) back;
        assertThat(record.get("id").toString()).isEqualTo("a-3");
        assertThat(record.get("body").toString()).isEqualTo("Plain body");
        assertThat(record.get("publishedAt")).isEqualTo(article.getPublishedAt().toEpochMilli());
    }

    @Test
    void nullSerializesToNullAndBack() {
        assertThat(serializer(configs).serialize("t", null)).isNull();
        assertThat(deserializer(true).deserialize("t", null)).isNull();
    }

    @Test
    void wrongMagicByteIsAClearError() {
        byte[] json = "{\"id\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer(true).deserialize("t", json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("wrong magic byte 0x7b");
    }

    @Test
    void payloadShorterThanTheHeaderIsTruncated() {
        assertThatThrownBy(() -> deserializer(true).deserialize("t", new byte[] {0, 0, 1}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated payload: 3 bytes");
    }

    @Test
    void avroBodyCutShortIsTruncated() {
        byte[] bytes = serializer(configs).serialize("t", TestArticles.raw("a-4", "A body long enough to cut"));
        byte[] cut = Arrays.copyOf(bytes, bytes.length - 20);

        assertThatThrownBy(() -> deserializer(true).deserialize("t", cut))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("truncated payload");
    }

    @Test
    void unknownSchemaIdIsNamed() {
        byte[] bytes = ByteBuffer.allocate(7).put((byte) 0).putInt(4242).put(new byte[] {2, 2}).array();

        assertThatThrownBy(() -> deserializer(true).deserialize("t", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema id 4242");
    }

    @Test
    void withoutAutoRegisterAnUnregisteredSchemaIsRefused() {
        java.util.HashMap<String, Object> cfg = new java.util.HashMap<>(configs);
        cfg.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");

        assertThatThrownBy(() -> serializer(cfg).serialize("t", TestArticles.raw("a-5", "b")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("subject t-value")
                .hasMessageContaining("not found");
    }

    @Test
    void useLatestVersionWritesWithTheLatestRegisteredSchema() {
        Schema v1 = SchemaBuilder.record("Note").namespace("io.newsflow.test").fields()
                .requiredString("text").endRecord();
        Schema v2 = SchemaBuilder.record("Note").namespace("io.newsflow.test").fields()
                .requiredString("text").name("lang").type().stringType().stringDefault("en").endRecord();
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scope);
        registry.register("notes-value", v1);
        int v2Id = registry.register("notes-value", v2);
        java.util.HashMap<String, Object> cfg = new java.util.HashMap<>(configs);
        cfg.put(AvroSerdeConfig.AUTO_REGISTER_SCHEMAS, "false");
        cfg.put(AvroSerdeConfig.USE_LATEST_VERSION, "true");
        GenericRecord note = new GenericData.Record(v2);
        note.put("text", "hello");
        note.put("lang", "de");

        byte[] bytes = serializer(cfg).serialize("notes", note);

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(v2Id);
        GenericRecord back = (GenericRecord) deserializer(false).deserialize("notes", bytes);
        assertThat(back.get("lang").toString()).isEqualTo("de");
    }

    @Test
    void recordNameStrategyUsesTheRecordFullName() {
        java.util.HashMap<String, Object> cfg = new java.util.HashMap<>(configs);
        cfg.put(AvroSerdeConfig.VALUE_SUBJECT_NAME_STRATEGY, "io.confluent.kafka.serializers.subject.RecordNameStrategy");

        serializer(cfg).serialize("t", TestArticles.raw("a-6", "b"));

        assertThat(MockSchemaRegistry.forScope(scope).getLatest("io.newsflow.schema.RawArticle").schema())
                .isEqualTo(RawArticle.getClassSchema());
    }

    @Test
    void missingRegistryUrlSaysWhichSettingIsMissing() {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();

        assertThatThrownBy(() -> serializer.configure(Map.of(), false))
                .hasMessageContaining("schema.registry.url");
    }
}
