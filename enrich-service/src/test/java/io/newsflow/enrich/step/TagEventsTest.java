package io.newsflow.enrich.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.NoiseReport;
import io.newsflow.schema.Tag;
import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
import io.newsflow.serde.KafkaAvroDeserializer;
import io.newsflow.serde.SpecificAvroSerde;
import io.newsflow.serde.registry.MockSchemaRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.SchemaCompatibility;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The tag events of an enriched record, read through the projection (the body and other fields skipped). */
class TagEventsTest {

    private final String scope = "tag-events-" + System.nanoTime();
    private final Map<String, String> registry = Map.of("schema.registry.url", "mock://" + scope);

    @AfterEach
    void dropRegistry() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void theProjectionReadsEveryEnrichedArticleTheSchemaDescribes() {
        assertThat(SchemaCompatibility.checkReaderWriterCompatibility(TagEvents.PROJECTION, EnrichedArticle.getClassSchema()).getType())
                .isEqualTo(SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void anOriginalGivesOneEventPerTypeWithItsDistinctNamesAndACopyNone() {
        SpecificAvroSerde<EnrichedArticle> serde = SpecificAvroSerde.forValues(registry);
        KafkaAvroDeserializer projection = new KafkaAvroDeserializer().readingAs(TagEvents.PROJECTION);
        projection.configure(registry, false);
        TagEvents events = new TagEvents(projection, "enriched");
        List<Tag> tags = List.of(tag("Berlin", TagType.PLACE), tag("Olaf Scholz", TagType.PERSON), tag("Berlin", TagType.PLACE),
                tag("Potsdam", TagType.PLACE));

        List<KeyValue<String, String>> original = events.apply("a", serde.serializer().serialize("enriched", article(null, tags)));
        List<KeyValue<String, String>> copy = events.apply("b", serde.serializer().serialize("enriched", article("a", tags)));

        assertThat(original).containsExactly(KeyValue.pair("PLACE", "Berlin" + TagEvents.SEPARATOR + "Potsdam"),
                KeyValue.pair("PERSON", "Olaf Scholz"));
        assertThat(copy).isEmpty();
        assertThat(events.apply("c", new byte[] {1, 2, 3})).as("not an article: skipped").isEmpty();
    }

    private static EnrichedArticle article(String duplicateOf, List<Tag> tags) {
        Instant at = Instant.parse("2026-12-03T14:00:00Z");
        return EnrichedArticle.newBuilder().setId("x").setSource("test").setIngestedAt(at).setBody("a long body").setTags(tags)
                .setNoise(NoiseReport.newBuilder().setLinesRemoved(0).setByRule(Map.of()).build()).setWordCount(3).setEnrichedAt(at)
                .setEnricherVersion("test").setDuplicateOf(duplicateOf).build();
    }

    private static Tag tag(String name, TagType type) {
        return Tag.newBuilder().setName(name).setType(type).setOrigin(TagOrigin.GAZETTEER).setWikidataId("Q64").build();
    }
}
