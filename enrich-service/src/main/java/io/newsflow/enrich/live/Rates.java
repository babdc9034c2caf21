package io.newsflow.enrich.live;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Per-second rates of named counters (offsets, records seen) from samples taken over time: each rate is the change
 * over the samples of the last {@code window}, so one slow sample does not make a spike. A counter that went down
 * (a topic recreated) counts as no change. Plain Java; not thread-safe.
 */
public final class Rates {

    private record Sample(long nanos, Map<String, Long> totals) {
    }

    private final long windowNanos;
    private final Deque<Sample> samples = new ArrayDeque<>();

    public Rates(java.time.Duration window) {
        this.windowNanos = window.toNanos();
    }

    /**
     * Adds a sample and answers the rates per second since the oldest sample in the window; a counter with no earlier
     * value gets no rate yet (absent from the answer).
     */
    public Map<String, Double> sample(long nanos, Map<String, Long> totals) {
        samples.addLast(new Sample(nanos, Map.copyOf(totals)));
        while (samples.size() > 2 && nanos - samples.peekFirst().nanos() > windowNanos) {
            samples.removeFirst();
        }
        Sample oldest = samples.peekFirst();
        Map<String, Double> rates = new LinkedHashMap<>();
        double seconds = (nanos - oldest.nanos()) / 1e9;
        if (oldest == samples.peekLast() || seconds <= 0) {
            return rates;
        }
        totals.forEach((name, total) -> {
            Long before = oldest.totals().get(name);
            if (before != null) {
                rates.put(name, Math.max(0, total - before) / seconds);
            }
        });
        return rates;
    }
}
