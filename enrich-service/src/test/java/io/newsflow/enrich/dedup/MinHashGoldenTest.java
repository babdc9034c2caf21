package io.newsflow.enrich.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.text.Extracted;
import io.newsflow.enrich.text.TestArticles;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.enrich.clean.FooterTags;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The near-duplicate golden set (src/test/resources/dedup, made by tools/dedup-golden/generate.py):
 * each side cleaned as the topology cleans it (noise lines, footer), then compared by exact shingle
 * Jaccard, by MinHash estimate, and by whether LSH makes them candidates. Prints a row per pair.
 * Precision and recall over the pairs must reach their floors.
 */
class MinHashGoldenTest {

    static final double THRESHOLD = MinHash.THRESHOLD;
    /** Marking a different story as a copy hides it in suppress mode: no such mistake is allowed on the golden pairs. */
    static final double PRECISION_FLOOR = 1.0;
    /** A missed copy is emitted unmarked, the smaller harm: at least 9 of the 10 copies must be found. */
    static final double RECALL_FLOOR = 0.9;

    private static final TextChain CHAIN = TextChain.bundled();

    @Test
    void duplicatesAreSimilarAndFoundByTheirBandsAndDifferentStoriesAreNot() throws IOException {
        List<String> wrong = new ArrayList<>();
        int duplicates = 0;
        int found = 0;
        int different = 0;
        int falseCandidates = 0;
        StringBuilder table = new StringBuilder(String.format("%-4s %-4s %7s %8s %9s  %s%n", "pair", "dup", "jaccard", "estimate", "candidate",
                "what differs"));
        for (String row : read("index.tsv").split("\n")) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cols = row.split("\t");
            boolean duplicate = cols[1].equals("yes");
            String a = clean(read(cols[0] + "-a.txt"));
            String b = clean(read(cols[0] + "-b.txt"));
            int[] sa = MinHash.signature(a);
            int[] sb = MinHash.signature(b);
            double estimate = MinHash.similarity(sa, sb);
            boolean candidate = shareABand(sa, sb);
            table.append(String.format("%-4s %-4s %7.2f %8.2f %9s  %s%n", cols[0], cols[1], jaccard(a, b), estimate, candidate, cols[2]));
            if (duplicate) {
                duplicates++;
                found += candidate && estimate >= THRESHOLD ? 1 : 0;
            } else {
                different++;
                falseCandidates += candidate ? 1 : 0;
            }
            if (duplicate != (candidate && estimate >= THRESHOLD)) {
                wrong.add(cols[1] + ": " + cols[0] + " (" + cols[2] + "): estimate " + estimate + ", candidate " + candidate);
            }
        }
        table.append(String.format("duplicates found %d of %d; different stories marked 0 of %d (%d were LSH candidates, rejected by the estimate)%n",
                found, duplicates, different, falseCandidates));
        double recall = (double) found / duplicates;
        int marked = found + (int) wrong.stream().filter(w -> w.startsWith("no:")).count();
        double precision = marked == 0 ? 1.0 : (double) found / marked;
        table.append(String.format("precision %.2f (floor %.2f), recall %.2f (floor %.2f)%n", precision, PRECISION_FLOOR, recall, RECALL_FLOOR));
        System.out.print(table);
        assertThat(precision).as("precision; wrong pairs: %s", wrong).isGreaterThanOrEqualTo(PRECISION_FLOOR);
        assertThat(recall).as("recall; wrong pairs: %s", wrong).isGreaterThanOrEqualTo(RECALL_FLOOR);
    }

    @Test
    void whitespaceCaseAndPunctuationDoNotCount() {
        assertThat(MinHash.signature("Ferries were cancelled, the port said."))
                .isEqualTo(MinHash.signature("FERRIES  were\r\ncancelled - the port said"));
        assertThat(MinHash.similarity(MinHash.signature(""), MinHash.signature(""))).isEqualTo(1.0);
        assertThat(MinHash.bands(MinHash.signature("a b c d"))).hasSize(MinHash.BANDS).doesNotHaveDuplicates();
    }

    private static boolean shareABand(int[] a, int[] b) {
        Set<Long> bands = new HashSet<>();
        for (long band : MinHash.bands(a)) {
            bands.add(band);
        }
        for (long band : MinHash.bands(b)) {
            if (bands.contains(band)) {
                return true;
            }
        }
        return false;
    }

    private static String clean(String raw) {
        return CHAIN.extractFooter(CHAIN.stripNoise(new Extracted(TestArticles.text(raw), java.util.List.of()))).clean().text();
    }

    /** The exact Jaccard similarity of two texts' shingle sets, which the signatures estimate. */
    private static double jaccard(String a, String b) {
        java.util.Set<Long> x = shingles(a);
        java.util.Set<Long> y = shingles(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        java.util.Set<Long> both = new java.util.HashSet<>(x);
        both.retainAll(y);
        return (double) both.size() / (x.size() + y.size() - both.size());
    }

    private static java.util.Set<Long> shingles(String text) {
        long[] shingles = new long[io.newsflow.enrich.clean.WordHashes.capacity(text)];
        int count = MinHash.shingles(text, shingles);
        java.util.Set<Long> distinct = new java.util.HashSet<>();
        for (int s = 0; s < count; s++) {
            distinct.add(shingles[s]);
        }
        return distinct;
    }

    private static String read(String name) throws IOException {
        try (InputStream in = MinHashGoldenTest.class.getResourceAsStream("/dedup/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
