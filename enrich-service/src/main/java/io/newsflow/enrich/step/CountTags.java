package io.newsflow.enrich.step;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.enrich.trend.BucketKey;
import io.newsflow.enrich.trend.Buckets;
import io.newsflow.enrich.trend.TrendRanking;
import io.newsflow.enrich.trend.TrendWindow;
import io.newsflow.enrich.trend.TrendingList;
import io.newsflow.enrich.trend.TypeCounts;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The {@code count-tags} step: (tag type, tag names) events ({@link TagEvents}), keyed by type, each name counted per 5-minute
 * bucket of record time in the changelogged and cached store {@value #STORE} (the cache coalesces the updates of one commit
 * interval into one write, and one changelog record, per key) ({@link BucketKey} keys, the partition's stream time under {@link #STREAM_TIME}). A record
 * whose bucket closed (ended longer than the grace period before the stream time) is not counted, and is metered. Every emit
 * interval of wall-clock time, the lists of every type and window that changed since the last emit go downstream (key
 * {@code TYPE|window}, value the {@link TrendingList} as JSON, record time the stream time), and counts older than the
 * baseline horizon are deleted.
 */
public final class CountTags implements Processor<String, String, String, String> {

    /** The store: queried by {@code GET /v1/trending} on the instance that holds a type's partition. */
    public static final String STORE = "trending-counts";
    /** The key under which the store keeps its partition's stream time (no bucket key starts with NUL). */
    public static final String STREAM_TIME = "\u0000stream-time";
    /** The most tags in a list written to the topic (and asked for in a query). */
    public static final int MAX_TAGS = 100;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration grace;
    private final TrendRanking ranking;
    private final long horizon;
    private final Duration emitInterval;
    private final EnrichMetrics metrics;
    private final Map<String, String> emitted = new HashMap<>();
    private ProcessorContext<String, String> context;
    private KeyValueStore<String, Long> store;

    public CountTags(Duration grace, TrendRanking ranking, Duration emitInterval, EnrichMetrics metrics) {
        this.grace = grace;
        this.ranking = ranking;
        this.horizon = Buckets.horizon(ranking.baselineDays(), grace);
        this.emitInterval = emitInterval;
        this.metrics = metrics;
    }

    /** The store's builder: String keys, Long counts, changelogged. */
    public static StoreBuilder<KeyValueStore<String, Long>> store() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.Long()).withCachingEnabled();
    }

    @Override
    public void init(ProcessorContext<String, String> context) {
        this.context = context;
        this.store = context.getStateStore(STORE);
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emit());
    }

    @Override
    public void process(Record<String, String> event) {
        if (event.key() == null || event.value() == null) {
            return;
        }
        Long stored = store.get(STREAM_TIME);
        long streamTime = stored == null ? event.timestamp() : Math.max(stored, event.timestamp());
        String[] names = event.value().split(TagEvents.SEPARATOR);
        if (Buckets.closed(event.timestamp(), streamTime, grace)) {
            for (int i = 0; i < names.length; i++) {
                metrics.trendingTag(false);
            }
            return;
        }
        for (String name : names) {
            String key = new BucketKey(event.key(), name, Buckets.of(event.timestamp())).encode();
            Long count = store.get(key);
            store.put(key, count == null ? 1 : count + 1);
            metrics.trendingTag(true);
        }
        if (stored == null || streamTime != stored) {
            store.put(STREAM_TIME, streamTime);
        }
    }

    /** Writes the lists that changed; deletes the counts past the horizon. */
    private void emit() {
        Long streamTime = store.get(STREAM_TIME);
        if (streamTime == null) {
            return;
        }
        long oldest = Buckets.of(streamTime) - horizon;
        List<String> expired = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        String type = null;
        TypeCounts counts = new TypeCounts();
        try (KeyValueIterator<String, Long> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, Long> entry = all.next();
                BucketKey key = BucketKey.decode(entry.key);
                if (key == null) {
                    continue;
                }
                if (key.bucket() < oldest) {
                    expired.add(entry.key);
                    continue;
                }
                if (!key.type().equals(type)) {
                    emit(type, counts, streamTime, seen);
                    type = key.type();
                    counts = new TypeCounts();
                }
                counts.add(key.tag(), key.bucket(), entry.value);
            }
        }
        emit(type, counts, streamTime, seen);
        for (String gone : new ArrayList<>(emitted.keySet())) {
            if (!seen.contains(gone)) {
                String[] typeAndWindow = gone.split("\\|", 2);
                forward(gone, new TrendingList(typeAndWindow[0], typeAndWindow[1], Buckets.start(Buckets.of(streamTime) + 1).toString(),
                        List.of()), streamTime);
                emitted.remove(gone);
            }
        }
        expired.forEach(store::delete);
    }

    private void emit(String type, TypeCounts counts, long streamTime, Set<String> seen) {
        if (type == null) {
            return;
        }
        for (TrendWindow window : TrendWindow.values()) {
            String key = type + "|" + window.label();
            seen.add(key);
            forward(key, ranking.rank(type, counts, streamTime, window, MAX_TAGS), streamTime);
        }
    }

    private void forward(String key, TrendingList list, long streamTime) {
        String json = json(list);
        if (!json.equals(emitted.get(key))) {
            emitted.put(key, json);
            context.forward(new Record<>(key, json, streamTime));
        }
    }

    /** The counts of {@code type} in {@code store} (the whole store, or one partition's, as a query sees it). */
    public static TypeCounts read(ReadOnlyKeyValueStore<String, Long> store, String type) {
        TypeCounts counts = new TypeCounts();
        try (KeyValueIterator<String, Long> entries = store.prefixScan(BucketKey.prefix(type), new StringSerializer())) {
            while (entries.hasNext()) {
                KeyValue<String, Long> entry = entries.next();
                BucketKey key = BucketKey.decode(entry.key);
                if (key != null && key.type().equals(type)) {
                    counts.add(key.tag(), key.bucket(), entry.value);
                }
            }
        }
        return counts;
    }

    /** A list as JSON: what the topic carries and what {@code GET /v1/trending} answers. */
    public static String json(TrendingList list) {
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
