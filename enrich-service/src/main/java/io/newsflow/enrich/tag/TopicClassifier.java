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
 * A trained topic classifier: multinomial naive Bayes with uniform priors over hashed word unigrams and
 * bigrams, labels being IPTC Media Topics top-level categories. The model ({@value #BUNDLED}) is made by
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
    /**
     * Open addressing, {@link #stride} longs a slot: the key (0 = empty), then the row's log P(feature | class)
     * as floats two to a long, so a hit reads one place in memory.
     */
    private final long[] table;
    private final int stride;
    private final int mask;

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

    private TopicClassifier(List<String> labels, List<Long> features, List<float[]> logProbabilities) {
        this.labels = List.copyOf(labels);
        this.classes = labels.size();
        int capacity = Integer.highestOneBit(Math.max(16, features.size() * 2)) << 1;
        this.stride = 1 + (classes + 1) / 2;
        this.table = new long[capacity * stride];
        this.mask = capacity - 1;
        for (int row = 0; row < features.size(); row++) {
            long key = features.get(row) == 0 ? 1 : features.get(row);
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (table[slot * stride] != 0) {
                slot = (slot + 1) & mask;
            }
            table[slot * stride] = key;
            float[] row2 = logProbabilities.get(row);
            for (int k = 0; k < classes; k++) {
                long bits = Float.floatToRawIntBits(row2[k]) & 0xffffffffL;
                table[slot * stride + 1 + k / 2] |= (k % 2 == 0) ? bits : bits << 32;
            }
        }
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
        List<Long> features = new ArrayList<>();
        List<float[]> logProbabilities = new ArrayList<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            if (fields[0].equals("labels")) {
                labels = Arrays.asList(fields).subList(1, fields.length);
                continue;
            }
            if (labels == null || fields.length != labels.size() + 1) {
                throw new IOException("topic classifier: malformed line " + (features.size() + 1));
            }
            features.add(Long.parseUnsignedLong(fields[0], 16));
            float[] row = new float[labels.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = Float.parseFloat(fields[k + 1]);
            }
            logProbabilities.add(row);
        }
        if (labels == null) {
            throw new IOException("topic classifier: no labels line");
        }
        return new TopicClassifier(labels, features, logProbabilities);
    }

    public List<String> labels() {
        return labels;
    }

    /** The posterior over {@link #labels()} for {@code text} (uniform when no feature is known). */
    public Result classify(String text) {
        double[] score = new double[classes];
        long[] previous = {0, 0}; // the last word's hash, and 1 once there is one
        int[] found = {0};
        WordHashes.each(text, word -> {
            found[0] += add(WordHashes.mix(word), score);
            if (previous[1] != 0) {
                found[0] += add(WordHashes.mix(previous[0] * 31 + word), score);
            }
            previous[0] = word;
            previous[1] = 1;
        });
        int matched = found[0];
        double temperature = Math.max(1.0, matched / FEATURES_PER_TEMPERATURE);
        double top = Double.NEGATIVE_INFINITY;
        for (double s : score) {
            top = Math.max(top, s);
        }
        double sum = 0;
        double[] posterior = new double[classes];
        for (int k = 0; k < classes; k++) {
            posterior[k] = Math.exp((score[k] - top) / temperature);
            sum += posterior[k];
        }
        for (int k = 0; k < classes; k++) {
            posterior[k] /= sum;
        }
        return new Result(labels, posterior, matched);
    }

    private int add(long feature, double[] score) {
        long key = feature == 0 ? 1 : feature;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        long found;
        while ((found = table[slot * stride]) != 0) {
            if (found == key) {
                int base = slot * stride + 1;
                for (int k = 0; k < classes; k += 2) {
                    long pair = table[base + k / 2];
                    score[k] += Float.intBitsToFloat((int) pair);
                    if (k + 1 < classes) {
                        score[k + 1] += Float.intBitsToFloat((int) (pair >>> 32));
                    }
                }
                return 1;
            }
            slot = (slot + 1) & mask;
        }
        return 0;
    }
}
