package io.newsflow.enrich.step;

import io.newsflow.serde.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tag-events} step of the trending sub-topology: an enriched record as one (tag type, tag names) pair per type
 * of tag the article has, its distinct names of that type joined by {@link #SEPARATOR} (a few records an article cross the
 * hop to the counts, not one per tag), none for a near-duplicate copy ({@code duplicateOf} set: the story counts once, by its first copy).
 * Records are read as {@link #PROJECTION}, so the body and the other fields are skipped, not decoded. A record that is not
 * an EnrichedArticle is skipped with a warning (it stays on the enriched topic, which enrich itself wrote); a registry that
 * cannot be asked is {@link RegistryUnavailable}, retried.
 */
public final class TagEvents {

    /** The fields of an EnrichedArticle this step reads: the tags' names and types, and duplicateOf. */
    public static final Schema PROJECTION = new Schema.Parser().parse("""
            {"type": "record", "name": "EnrichedArticle", "namespace": "io.newsflow.schema", "fields": [
              {"name": "tags", "type": {"type": "array", "items": {"type": "record", "name": "Tag", "fields": [
                {"name": "name", "type": "string"},
                {"name": "type", "type": {"type": "enum", "name": "TagType",
                  "symbols": ["PERSON", "PLACE", "ORGANIZATION", "TOPIC", "OTHER"], "default": "OTHER"}}]}}, "default": []},
              {"name": "duplicateOf", "type": ["null", "string"], "default": null}]}
            """);
    private static final Logger LOG = LoggerFactory.getLogger(TagEvents.class);
    /** Between the names of one record (NUL: in no tag name). */
    public static final String SEPARATOR = "\u0000";

    private final Deserializer<?> projection;
    private final String topic;

    /** @param projection a deserializer of the enriched topic's values that reads them as {@link #PROJECTION} */
    public TagEvents(Deserializer<?> projection, String topic) {
        this.projection = projection;
        this.topic = topic;
    }

    public List<KeyValue<String, String>> apply(String id, byte[] value) {
        if (value == null) {
            return List.of();
        }
        GenericRecord article;
        try {
            article = (GenericRecord) projection.deserialize(topic, value);
        } catch (SerializationException e) {
            if (e.getCause() instanceof SchemaRegistryException registry && registry.kind() != SchemaRegistryException.Kind.NOT_FOUND) {
                throw new RegistryUnavailable("cannot decode: " + e.getMessage(), e);
            }
            LOG.warn("trending: skipped article {} on {}: not an EnrichedArticle ({})", id, topic, e.getMessage());
            return List.of();
        }
        if (article.get("duplicateOf") != null) {
            return List.of();
        }
        java.util.Map<String, Set<String>> byType = new java.util.LinkedHashMap<>();
        for (Object tag : (List<?>) article.get("tags")) {
            GenericRecord fields = (GenericRecord) tag;
            byType.computeIfAbsent(fields.get("type").toString(), type -> new LinkedHashSet<>()).add(fields.get("name").toString());
        }
        List<KeyValue<String, String>> events = new ArrayList<>(byType.size());
        byType.forEach((type, names) -> events.add(KeyValue.pair(type, String.join(SEPARATOR, names))));
        return events;
    }
}
