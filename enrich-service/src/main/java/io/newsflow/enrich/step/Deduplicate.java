package io.newsflow.enrich.step;

import io.newsflow.enrich.EnrichConfig.NearDuplicates;
import io.newsflow.enrich.EnrichMetrics;
import io.newsflow.enrich.dedup.BandIndex;
import io.newsflow.enrich.dedup.MinHash;
import io.newsflow.enrich.dedup.RecentKeys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.WindowStoreIterator;

/**
 * The dedup step. Exact re-delivery (an id seen within the window) is not emitted again. A near-duplicate
 * (an earlier article within the window whose MinHash estimate reaches {@link MinHash#THRESHOLD}) gets
 * {@code duplicateOf} = the id of the first copy seen of that story, or is not emitted, as configured.
 *
 * <p>{@value #SIGNATURES} holds, per article id seen, its MinHash signature and the id of its story's first
 * copy: an id found there is a re-delivery. It is a window store with retention = the window: what is older than
 * the window (in record time) is dropped a segment at a time, so state is bounded by the articles of one window.
 * Kafka Streams changelogs it, so it survives restarts and moves with the task. Candidates come from LSH: each of
 * the article's {@link MinHash#BANDS} band keys is looked up in a {@link BandIndex} (band key -> the earliest
 * article seen with it), never by comparing with every stored article; each candidate is then checked against its
 * stored signature. The band index is in memory and derived from the signatures, rebuilt from the store at init
 * (after a restart, a restore or a move), so it needs no changelog: 32 store writes and 32 changelog records per
 * article fewer than a store of bands, which was the step's main cost. {@link RecentKeys} answers "certainly
 * not there" for most ids without a RocksDB read.
 *
 * <p>The step works on the article's bytes as the enriched topic will hold them ({@link Encode} wrote them once) and the
 * signature {@link Fingerprint} carried in a header: it decodes nothing, except a near-duplicate it marks ({@link
 * Articles#markDuplicate}), so one partition carries the whole pipeline's articles at the cost of moving bytes. A copy it
 * marks loses its {@link TagEvents#HEADER} headers: trending counts a story once, by its first copy.
 *
 * <p>The topology sends every article here through one partition, so "first seen" is one order for the
 * whole pipeline (no two copies can each be marked a duplicate of the other) and every id meets the same
 * store; the text work before it stays spread over all partitions.
 */
public final class Deduplicate implements FixedKeyProcessor<String, byte[], byte[]> {

    /**
     * What the step needs from an article's bytes, which it otherwise only moves: the body (for a record that came
     * without its signature) and the bytes of the article marked a duplicate of another.
     */
    public interface Articles {
        String body(byte[] article);

        byte[] markDuplicate(byte[] article, String duplicateOf);
    }

    public static final String SIGNATURES = "dedup-signatures";

    private final long window;
    private final boolean suppress;
    private final EnrichMetrics metrics;
    private final Articles articles;
    private FixedKeyProcessorContext<String, byte[]> context;
    private BandIndex bands;
    private Signatures signatures;

    public Deduplicate(Duration window, NearDuplicates policy, EnrichMetrics metrics, Articles articles) {
        this.window = window.toMillis();
        this.suppress = policy == NearDuplicates.SUPPRESS;
        this.metrics = metrics;
        this.articles = articles;
    }

    /** The step's window store, keeping {@code window} of record time (changelogged). */
    public static StoreBuilder<WindowStore<String, byte[]>> store(Duration window) {
        return Stores.windowStoreBuilder(Stores.persistentWindowStore(SIGNATURES, window, window, false),
                Serdes.String(), Serdes.ByteArray());
    }

    @Override
    public void init(FixedKeyProcessorContext<String, byte[]> context) {
        this.context = context;
        this.bands = new BandIndex(window);
        this.signatures = new Signatures(context.getStateStore(SIGNATURES));
    }

    @Override
    public void process(FixedKeyRecord<String, byte[]> record) {
        String id = record.key();
        long time = record.timestamp();
        metrics.deduplicated();
        if (signatures.first(id, time) != null) {
            metrics.duplicate("exact", false);
            return;
        }
        int[] signature = signature(record);
        long[] keys = MinHash.bands(signature);
        Map<String, Long> candidates = new HashMap<>();
        bands.candidates(keys, Math.max(0, time - window), time + window, candidates);
        candidates.remove(id);
        String duplicateOf = firstCopy(signature, candidates, time);
        signatures.put(id, encode(signature, duplicateOf == null ? id : duplicateOf), time);
        bands.add(id, time, keys);
        record.headers().remove(Fingerprint.HEADER);
        if (duplicateOf == null) {
            context.forward(record);
            return;
        }
        metrics.duplicate("near", !suppress);
        record.headers().remove(TagEvents.HEADER); // a copy: its story's tags were counted with the first copy
        if (!suppress) {
            context.forward(record.withValue(articles.markDuplicate(record.value(), duplicateOf)));
        }
    }

    /**
     * The id of the story's first copy: among the candidates (articles sharing a band with this one, with the
     * time each was seen), the earliest whose signature reaches the threshold, or the copy that one was itself
     * marked a duplicate of; null if none.
     */
    private String firstCopy(int[] signature, Map<String, Long> candidates, long time) {
        List<Map.Entry<String, Long>> byTime = new ArrayList<>(candidates.entrySet());
        byTime.sort(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()));
        for (Map.Entry<String, Long> candidate : byTime) {
            KeyValue<Long, byte[]> stored = signatures.first(candidate.getKey(), time);
            if (stored != null && MinHash.similarity(signature, decodeSignature(stored.value)) >= MinHash.THRESHOLD) {
                return decodeRoot(stored.value);
            }
        }
        return null;
    }

    /**
     * The signatures store with the in-memory filter of its ids ({@link RecentKeys}): a read asks the filter first and
     * goes to the store only on "maybe", a write tells both, so the two cannot drift apart. Both the filter and the
     * {@link BandIndex} start from everything the store holds as restored (from disk or the changelog), in one scan,
     * so the filter never says "not there" wrongly and the index finds every stored article.
     */
    private final class Signatures {
        private final WindowStore<String, byte[]> store;
        private final RecentKeys ids = new RecentKeys(window);

        Signatures(WindowStore<String, byte[]> store) {
            this.store = store;
            try (KeyValueIterator<Windowed<String>, byte[]> all = store.all()) {
                all.forEachRemaining(entry -> {
                    String id = entry.key.key();
                    long time = entry.key.window().start();
                    ids.add(RecentKeys.keyOf(id), time);
                    bands.add(id, time, MinHash.bands(decodeSignature(entry.value)));
                });
            }
        }

        /** The first entry for {@code id} within a window either side of {@code time} (time, stored value), or null. */
        KeyValue<Long, byte[]> first(String id, long time) {
            long from = Math.max(0, time - window);
            long to = time + window;
            if (!ids.mightContain(RecentKeys.keyOf(id), from, to)) {
                return null;
            }
            try (WindowStoreIterator<byte[]> entries = store.fetch(id, from, to)) {
                return entries.hasNext() ? entries.next() : null;
            }
        }

        void put(String id, byte[] stored, long time) {
            store.put(id, stored, time);
            ids.add(RecentKeys.keyOf(id), time);
        }
    }

    private int[] signature(FixedKeyRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(Fingerprint.HEADER);
        int[] carried = header == null ? null : MinHash.fromBytes(header.value());
        return carried != null ? carried : MinHash.signature(articles.body(record.value()));
    }

    /** A stored signature: the signature's bytes, then the id of the story's first copy. */
    private static byte[] encode(int[] signature, String root) {
        byte[] sig = MinHash.toBytes(signature);
        byte[] rootBytes = root.getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(sig, sig.length + rootBytes.length);
        System.arraycopy(rootBytes, 0, out, sig.length, rootBytes.length);
        return out;
    }

    private static int[] decodeSignature(byte[] stored) {
        return MinHash.fromBytes(Arrays.copyOf(stored, MinHash.SIZE * Integer.BYTES));
    }

    private static String decodeRoot(byte[] stored) {
        int offset = MinHash.SIZE * Integer.BYTES;
        return new String(stored, offset, stored.length - offset, StandardCharsets.UTF_8);
    }
}
