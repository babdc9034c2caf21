package io.newsflow.bench;

import io.newsflow.enrich.dedup.BandIndex;
import io.newsflow.enrich.dedup.MinHash;
import io.newsflow.enrich.dedup.RecentKeys;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The heap the dedup step's in-memory index takes per article in its window: a {@link BandIndex} and a
 * {@link RecentKeys} filled with distinct stories (random signatures, ids shaped as ingest makes them: "url-" and 32 hex
 * digits) at a steady rate for longer than the window, the heap in use measured after full collections before and
 * after. Also times the lookups and adds, the step's in-memory work per new story.
 *
 * <pre>java [-Dwith-text-chain] -cp benchmarks/target/benchmarks.jar io.newsflow.bench.DedupIndexMemory [articles a day] [days] [window days]</pre>
 *
 * With {@code -Dwith-text-chain} the text chain enrich runs (models, gazetteer) is loaded first, so that a heap limit
 * ({@code -Xmx256m}) says whether both fit.
 */
public final class DedupIndexMemory {

    private DedupIndexMemory() {
    }

    public static void main(String[] args) {
        int perDay = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        long window = Duration.ofDays(args.length > 2 ? Integer.parseInt(args[2]) : 7).toMillis();
        long step = Duration.ofDays(1).toMillis() / perDay;
        long t0 = 1_764_547_200_000L; // 2025-12-01
        SplittableRandom random = new SplittableRandom(2026_12_03L);

        if (System.getProperty("with-text-chain") != null) { // what else enrich holds: its models, gazetteer and tables
            System.out.println("text chain loaded: " + (io.newsflow.enrich.text.TextChain.bundled() != null));
            System.out.printf(Locale.ROOT, "heap in use with the text chain: %,d bytes%n", usedHeap());
        }
        long before = usedHeap();
        BandIndex bands = new BandIndex(window);
        RecentKeys ids = new RecentKeys(window);
        int[] signature = new int[MinHash.SIZE];
        HashMap<String, Long> candidates = new HashMap<>();
        long total = (long) perDay * days;
        long nanos = 0;
        for (long i = 0; i < total; i++) {
            for (int s = 0; s < signature.length; s++) {
                signature[s] = random.nextInt();
            }
            String id = String.format(Locale.ROOT, "url-%016x%016x", random.nextLong(), random.nextLong());
            long time = t0 + i * step;
            long start = System.nanoTime();
            long[] keys = MinHash.bands(signature);
            candidates.clear();
            bands.candidates(keys, time - window, time + window, candidates);
            ids.mightContain(RecentKeys.keyOf(id), time - window, time + window);
            bands.add(id, time, keys);
            ids.add(RecentKeys.keyOf(id), time);
            nanos += System.nanoTime() - start;
        }
        long after = usedHeap();
        long inWindow = Math.min(total, window / step);
        System.out.printf(Locale.ROOT, "%,d articles a day for %d days, a %d-day window (%,d articles in it)%n", perDay, days,
                window / Duration.ofDays(1).toMillis(), inWindow);
        System.out.printf(Locale.ROOT, "heap of the index: %,d bytes, %.0f bytes per article in the window%n", after - before,
                (double) (after - before) / inWindow);
        System.out.printf(Locale.ROOT, "lookups and adds: %.1f us per article (all %,d, warm-up included)%n", nanos / 1000.0 / total, total);
        java.lang.ref.Reference.reachabilityFence(bands); // both are measured above: alive until here
        java.lang.ref.Reference.reachabilityFence(ids);
    }

    private static long usedHeap() {
        for (int i = 0; i < 4; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
