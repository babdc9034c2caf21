package io.newsflow.serde;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.schema.RawArticle;
import java.time.Instant;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

class AvroJsonTest {

    @Test
    void specificRecordPrintsPlainJsonWithIsoTimestampsAndNoUnionWrappers() {
        RawArticle article = TestArticles.raw("j-1", "Body \u201cquoted\u201d\n");

        ObjectNode json = AvroJson.toJson(article);

        assertThat(json.get("id").asText()).isEqualTo("j-1");
        assertThat(json.get("url").asText()).isEqualTo("https://example.org/j-1");
        assertThat(json.get("publishedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.get("ingestedAt").asText()).isEqualTo("2026-01-02T03:05:00.123Z");
        assertThat(json.get("body").asText()).isEqualTo("Body \u201cquoted\u201d\n");
        assertThat(json.get("attributes").get("feed").asText()).isEqualTo("unit");
        assertThat(json.get("contentType").asText()).isEqualTo("text/plain");
    }

    @Test
    void genericRecordWithEpochMillisPrintsTheSameInstant() {
        GenericRecord record = new GenericData.Record(RawArticle.getClassSchema());
        record.put("id", "g-1");
        record.put("source", "s");
        record.put("body", "b");
        record.put("contentType", "text/plain");
        record.put("publishedAt", Instant.parse("2026-01-02T03:04:05Z").toEpochMilli());
        record.put("ingestedAt", 0L);
        record.put("attributes", java.util.Map.of());

        ObjectNode json = AvroJson.toJson(record);

        assertThat(json.get("publishedAt").asText()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(json.get("url").isNull()).isTrue();
    }
}
