package io.newsflow.enrich.step;

import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/**
 * Passes on the input records whose time lies in a range, {@code since} included, {@code until} not; the rest are
 * skipped. Used by {@code newsflow reprocess} to re-enrich a time range of the raw topic.
 */
public final class InRange<K, V> implements FixedKeyProcessor<K, V, V> {

    /** A range of record times; empty ends are open. */
    public record Range(Optional<Instant> since, Optional<Instant> until) {
        public static final Range ALL = new Range(Optional.empty(), Optional.empty());

        public boolean all() {
            return since.isEmpty() && until.isEmpty();
        }

        public boolean contains(long timestamp) {
            return since.map(s -> timestamp >= s.toEpochMilli()).orElse(true) && until.map(u -> timestamp < u.toEpochMilli()).orElse(true);
        }
    }

    private final Range range;
    private FixedKeyProcessorContext<K, V> context;

    public InRange(Range range) {
        this.range = range;
    }

    @Override
    public void init(FixedKeyProcessorContext<K, V> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<K, V> record) {
        if (range.contains(record.timestamp())) {
            context.forward(record);
        }
    }
}
