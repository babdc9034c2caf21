package io.newsflow.enrich.step;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Tag;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * An article's tags as trending events: one (tag type, tag names) pair per type of tag the article has, its distinct names
 * of that type joined by {@link #SEPARATOR}, so a few records an article cross the hop to the counts, not one per tag.
 *
 * <p>The events ride with the article to the dedup step in {@value #HEADER} headers, one per type (the type's name, then
 * its names, each after a {@link #SEPARATOR}), written where the article is still an object ({@link Carry}, step
 * {@code carry-tags}): the dedup step moves the article's bytes and never decodes an original. The dedup step drops the
 * headers of a near-duplicate copy it marks (the story counts once, by its first copy) and drops an exact re-delivery whole;
 * what it forwards is split into the events ({@link Emit}, step {@code tag-events}) and the article without the headers
 * ({@link Strip}, step {@code strip-tags}, there whether trending is on or off), so they never reach the enriched topic.
 */
public final class TagEvents {

    /** The record header of one tag type's names. */
    public static final String HEADER = "newsflow.tags";
    /** Between the type and its names, and between names (NUL: in no tag name). */
    public static final String SEPARATOR = "\u0000";

    private TagEvents() {
    }

    /** The events of an article: per tag type, in order of first tag of the type, its distinct names in tag order. */
    public static List<KeyValue<String, String>> of(EnrichedArticle article) {
        Map<String, Set<String>> byType = new LinkedHashMap<>();
        for (Tag tag : article.getTags()) {
            byType.computeIfAbsent(tag.getType().name(), type -> new LinkedHashSet<>()).add(tag.getName());
        }
        List<KeyValue<String, String>> events = new ArrayList<>(byType.size());
        byType.forEach((type, names) -> events.add(KeyValue.pair(type, String.join(SEPARATOR, names))));
        return events;
    }

    /** Replaces the event headers of {@code headers} with those of {@code article}. */
    public static void write(EnrichedArticle article, Headers headers) {
        headers.remove(HEADER);
        for (KeyValue<String, String> event : of(article)) {
            headers.add(HEADER, (event.key + SEPARATOR + event.value).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** The events carried in {@code headers}, in the order written. */
    public static List<KeyValue<String, String>> read(Headers headers) {
        List<KeyValue<String, String>> events = new ArrayList<>(4);
        for (Header header : headers.headers(HEADER)) {
            String event = new String(header.value(), StandardCharsets.UTF_8);
            int split = event.indexOf(SEPARATOR);
            if (split > 0) {
                events.add(KeyValue.pair(event.substring(0, split), event.substring(split + 1)));
            }
        }
        return events;
    }

    /** The headers enrich uses inside its topology, which the enriched and dead-letter topics never get. */
    public static final java.util.Set<String> INTERNAL = java.util.Set.of(HEADER, Fingerprint.HEADER);

    /** {@code headers} without enrich's internal headers: a copy, the original left as it is (other branches read it). */
    public static Headers without(Headers headers) {
        RecordHeaders copy = new RecordHeaders();
        for (Header header : headers) {
            if (!INTERNAL.contains(header.key())) {
                copy.add(header);
            }
        }
        return copy;
    }

    /** The {@code carry-tags} step: writes the article's events into its headers. */
    public static final class Carry implements FixedKeyProcessor<String, EnrichedArticle, EnrichedArticle> {
        private FixedKeyProcessorContext<String, EnrichedArticle> context;

        @Override
        public void init(FixedKeyProcessorContext<String, EnrichedArticle> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, EnrichedArticle> record) {
            write(record.value(), record.headers());
            context.forward(record);
        }
    }

    /** The {@code tag-events} step: the events an article carries, each a record keyed by tag type, at the article's time. */
    public static final class Emit implements Processor<String, byte[], String, String> {
        private ProcessorContext<String, String> context;

        @Override
        public void init(ProcessorContext<String, String> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, byte[]> record) {
            for (KeyValue<String, String> event : read(record.headers())) {
                context.forward(new Record<>(event.key, event.value, record.timestamp()));
            }
        }
    }

    /** The {@code strip-tags} step: the article as it goes to the enriched topic, without enrich's internal headers. */
    public static final class Strip implements FixedKeyProcessor<String, byte[], byte[]> {
        private FixedKeyProcessorContext<String, byte[]> context;

        @Override
        public void init(FixedKeyProcessorContext<String, byte[]> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<String, byte[]> record) {
            boolean internal = false;
            for (Header header : record.headers()) {
                internal |= INTERNAL.contains(header.key());
            }
            context.forward(internal ? record.withHeaders(without(record.headers())) : record);
        }
    }
}
