package io.newsflow.enrich.step;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Tag;
import io.newsflow.serde.registry.SchemaRegistryException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code tag-events} step of the trending sub-topology: an enriched record as one (tag type, tag name) pair per distinct
 * tag of the article, none for a near-duplicate copy ({@code duplicateOf} set: the story counts once, by its first copy).
 * A record that is not an EnrichedArticle is skipped with a warning (it stays on the enriched topic, which enrich itself
 * wrote); a registry that cannot be asked is {@link RegistryUnavailable}, retried.
 */
public final class TagEvents {

    private static final Logger LOG = LoggerFactory.getLogger(TagEvents.class);

    private final Deserializer<EnrichedArticle> deserializer;
    private final String topic;

    public TagEvents(Deserializer<EnrichedArticle> deserializer, String topic) {
        this.deserializer = deserializer;
        this.topic = topic;
    }

    public List<KeyValue<String, String>> apply(String id, byte[] value) {
        if (value == null) {
            return List.of();
        }
        EnrichedArticle article;
        try {
            article = deserializer.deserialize(topic, value);
        } catch (SerializationException e) {
            if (e.getCause() instanceof SchemaRegistryException registry && registry.kind() != SchemaRegistryException.Kind.NOT_FOUND) {
                throw new RegistryUnavailable("cannot decode: " + e.getMessage(), e);
            }
            LOG.warn("trending: skipped article {} on {}: not an EnrichedArticle ({})", id, topic, e.getMessage());
            return List.of();
        }
        if (article.getDuplicateOf() != null) {
            return List.of();
        }
        Set<KeyValue<String, String>> events = new LinkedHashSet<>();
        for (Tag tag : article.getTags()) {
            events.add(KeyValue.pair(tag.getType().name(), tag.getName()));
        }
        return new ArrayList<>(events);
    }
}
