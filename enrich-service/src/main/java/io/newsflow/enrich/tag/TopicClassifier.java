package io.newsflow.enrich.tag;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import io.newsflow.enrich.clean.WordHashes;

/**
 * A trained topic classifier: multinomial naive Bayes with uniform priors over hashed words, labels being IPTC
 * Media Topics top-level categories. Function words are not in the model (train.py leaves them out), so they count
 * for nothing here. The model ({@value #BUNDLED}) is made by
 * {@code tools/topic-classifier/train.py} from openly licensed labelled news (CC BY 4.0); this class
 * tokenizes and hashes exactly as that script does. Words are runs of letters and digits, lowercased.
 * Plain Java, no Kafka; never throws on text; immutable, so one instance serves every thread.
 */
public final class TopicClassifier {

    public static final String BUNDLED = "/topic-classifier.tsv.gz";
    /** Matched features per unit of temperature: a long article is not made more certain than a short one by length alone. */
    static final double FEATURES_PER_TEMPERATURE = 8.0;

    private final List<String> labels;
    private final int classes;
    /** Nats per stored step: a weight is log P(feature | label) minus the row's largest, in steps (so 0 down to -127). */
    private final double step;
    /**
     * Open addressing, an eighth to a quarter full, so the first slot settles most lookups, hit or miss (an unknown
     * word finds its first slot empty about four times in five at the bundled model's fill of 0.19), without a branch
     * the CPU could mispredict: {@code keys} holds a feature's high 32 bits (0 = empty) at the slot its low bits name,
     * {@code packed} the row, one long: label k's weight + 128 in byte k, so summing rows is two masks and two
     * additions into 16-bit lanes (SWAR) rather than a loop over labels.
     */
    private final int[] keys;
    private final long[] packed;
    private final int mask;
    /** Labels a model may have: one long holds a row. */
    static final int MAX_LABELS = 8;
    /** Sixteen bits per lane hold this many rows of at most 128 before the sums must be moved to ints. */
    private static final int ROWS_PER_FLUSH = 256;
    private static final long EVEN_BYTES = 0x00FF00FF00FF00FFL;

    /** The result for one text: a tempered posterior per label (summing to 1), and how many features counted. */
    public record Result(List<String> labels, double[] posterior, int matched) {
        public int best() {
            int best = 0;
            for (int k = 1; k < posterior.length; k++) {
                best = posterior[k] > posterior[best] ? k : best;
            }
            return best;
        }

        public double probability(String label) {
            int k = labels.indexOf(label);
            return k < 0 ? 0 : posterior[k];
        }
    }

    private TopicClassifier(List<String> labels, double step, List<Long> features, List<byte[]> rows) {
        this.labels = List.copyOf(labels);
        this.classes = labels.size();
        this.step = step;
        if (classes > MAX_LABELS) {
            throw new IllegalArgumentException("the topic classifier packs at most " + MAX_LABELS + " labels, not " + classes);
        }
        int capacity = Integer.highestOneBit(Math.max(16, features.size() * 4)) << 1;
        this.keys = new int[capacity];
        this.packed = new long[capacity];
        this.mask = capacity - 1;
        for (int row = 0; row < features.size(); row++) {
            long feature = features.get(row);
            int slot = (int) feature & mask;
            while (keys[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = check(feature);
            byte[] weights = rows.get(row);
            for (int k = 0; k < classes; k++) {
                packed[slot] |= (long) (weights[k] + 128) << (8 * k); // 1..128, so a known row is never 0
            }
        }
    }

    /** The key's other half, what a slot keeps to tell features apart (never 0, which marks an empty slot). */
    private static int check(long feature) {
        int check = (int) (feature >>> 32);
        return check == 0 ? 1 : check;
    }

    /** The model that ships with enrich-service, read once. */
    public static TopicClassifier bundled() {
        return Bundled.MODEL;
    }

    private static final class Bundled {
        static final TopicClassifier MODEL = load();
    }

    private static TopicClassifier load() {
        try (InputStream in = TopicClassifier.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the topic classifier " + BUNDLED + " is missing from the classpath");
            }
            return read(new GZIPInputStream(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topic classifier " + BUNDLED, e);
        }
    }

    static TopicClassifier read(InputStream gunzipped) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(gunzipped, StandardCharsets.UTF_8));
        List<String> labels = null;
        double step = 0;
        List<Long> features = new ArrayList<>();
        List<byte[]> rows = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields[0].equals("labels")) {
                labels = Arrays.asList(fields).subList(1, fields.length);
                continue;
            }
            if (fields[0].equals("step") && fields.length == 2) {
                step = Double.parseDouble(fields[1]);
                continue;
            }
            if (labels == null || step <= 0 || fields.length != labels.size() + 1) {
                throw new IOException("topic classifier: malformed line " + (features.size() + 1)
                        + " (a row needs the labels and step lines before it, and a weight per label)");
            }
            features.add(Long.parseUnsignedLong(fields[0], 16));
            byte[] row = new byte[labels.size()];
            for (int k = 0; k < row.length; k++) {
                int weight = Integer.parseInt(fields[k + 1]);
                if (weight > 0 || weight < Byte.MIN_VALUE) {
                    throw new IOException("topic classifier: weight " + weight + " out of range on line " + features.size());
                }
                row[k] = (byte) weight;
            }
            rows.add(row);
        }
        if (labels == null || step <= 0) {
            throw new IOException("topic classifier: no labels or no step line");
        }
        return new TopicClassifier(labels, step, features, rows);
    }

    public List<String> labels() {
        return labels;
    }

    /** The posterior over {@link #labels()} for {@code text} (uniform when no feature is known). */
    public Result classify(String text) {
        // the words first, then the lookups: no call per word, and independent loads the CPU can overlap
        long[] features = new long[WordHashes.capacity(text)];
        int count = WordHashes.hashes(text, features);
        long even = 0; // labels 0, 2, 4, 6 in 16-bit lanes
        long odd = 0;  // labels 1, 3, 5, 7
        int[] score = new int[classes];
        int matched = 0;
        for (int i = 0; i < count; i++) {
            long feature = WordHashes.mix(features[i]);
            int check = check(feature);
            int slot = (int) feature & mask;
            int key = keys[slot];
            long row;
            if (key == check || key == 0) { // the first slot decides, for most words: no jump on hit or miss
                row = key == check ? packed[slot] : 0L;
            } else {
                row = probe(check, slot);
            }
            even += row & EVEN_BYTES;
            odd += (row >>> 8) & EVEN_BYTES;
            matched += (int) ((row | -row) >>> 63); // 1 for a known row (never 0), 0 for none
            if ((i & (ROWS_PER_FLUSH - 1)) == ROWS_PER_FLUSH - 1) {
                flush(even, odd, score);
                even = 0;
                odd = 0;
            }
        }
        flush(even, odd, score);
        double scale = step / Math.max(1.0, matched / FEATURES_PER_TEMPERATURE);
        int top = Integer.MIN_VALUE;
        for (int s : score) {
            top = Math.max(top, s);
        }
        double sum = 0;
        double[] posterior = new double[classes];
        for (int k = 0; k < classes; k++) {
            posterior[k] = Math.exp((score[k] - top) * scale);
            sum += posterior[k];
        }
        for (int k = 0; k < classes; k++) {
            posterior[k] /= sum;
        }
        return new Result(labels, posterior, matched);
    }

    /** The row of the feature whose check is {@code check}, probing on from {@code slot}; 0 when it is unknown. */
    private long probe(int check, int slot) {
        int key;
        while ((key = keys[slot]) != 0) {
            if (key == check) {
                return packed[slot];
            }
            slot = (slot + 1) & mask;
        }
        return 0L;
    }

    /** Adds the 16-bit lane sums to {@code score}. */
    private static void flush(long even, long odd, int[] score) {
        for (int lane = 0; lane < 4; lane++) {
            int k = lane * 2;
            if (k < score.length) {
                score[k] += (int) (even >>> (16 * lane)) & 0xFFFF;
            }
            if (k + 1 < score.length) {
                score[k + 1] += (int) (odd >>> (16 * lane)) & 0xFFFF;
            }
        }
    }
}
