package io.newsflow.enrich.tag;

import io.newsflow.enrich.clean.WordHashes;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The trained topic classifier: per language, a multinomial logistic regression over {@link TopicFeatures} (words and
 * word pairs, sublinear counts times inverse document frequency, length-normalised), labels being IPTC Media Topics
 * top-level categories. Its probabilities are calibrated (temperature scaling on data training never saw), so 0.8
 * means right about four times in five. The model ({@value #BUNDLED}) is made by {@code tools/topic-classifier/train.sh}
 * from openly licensed labelled news; a language it has no model for gets no answer, never a guess from another
 * language's model. Plain Java, no Kafka; never throws on text; immutable, so one instance serves every thread.
 */
public final class TopicClassifier {

    public static final String BUNDLED = "/topic-model.bin.gz";
    static final long MAGIC = 0x4e46544f50494331L; // "NFTOPIC1"

    private final Map<String, Model> models;
    private final ThreadLocal<TopicFeatures> features = ThreadLocal.withInitial(TopicFeatures::new);
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    /**
     * One thread's work space. The features are collected first and then looked up in a loop of independent loads, which
     * the CPU overlaps (the model is megabytes, so most lookups miss the caches; one at a time, each would wait its turn);
     * the known ones are then counted in a small map from their slot to their count, which stays in the first-level cache.
     */
    private static final class Scratch implements TopicFeatures.Sink {
        final TopicFeatures features = new TopicFeatures();
        long[] keys = new long[2048];
        int[] weights = new int[2048];
        long[] firsts = new long[2048];
        int size;
        int[] offsets = new int[4096]; // offset + 1; 0 = empty
        int[] counts = new int[4096];
        int[] used = new int[2048];
        int touched;

        @Override
        public void feature(long key, int weight) {
            if (size == keys.length) {
                keys = java.util.Arrays.copyOf(keys, size * 2);
                weights = java.util.Arrays.copyOf(weights, size * 2);
                firsts = new long[size * 2];
            }
            keys[size] = key;
            weights[size++] = weight;
        }

        /** Collects the article's features, looks them all up in {@code table}, and counts the known ones by slot. */
        void collect(Table table, String title, String body) {
            for (int i = 0; i < touched; i++) {
                offsets[used[i]] = 0;
            }
            touched = 0;
            size = 0;
            features.each(table.ignored, title, body, this);
            long[] data = table.data;
            int mask = table.mask;
            int stride = table.stride;
            for (int i = 0; i < size; i++) {
                firsts[i] = data[((int) keys[i] & mask) * stride];
            }
            for (int i = 0; i < size; i++) {
                long first = firsts[i];
                int offset;
                if (first == 0) {
                    continue;
                } else if ((int) first == Table.check(keys[i])) {
                    offset = ((int) keys[i] & mask) * stride;
                } else {
                    offset = table.find(keys[i]);
                    if (offset < 0) {
                        continue;
                    }
                }
                count(offset, weights[i]);
            }
        }

        private void count(int offset, int weight) {
            if (touched * 2 >= offsets.length) {
                grow();
            }
            int mask = offsets.length - 1;
            int slot = (offset * 0x9E3779B1) >>> 16 & mask;
            int found;
            while ((found = offsets[slot]) != 0) {
                if (found == offset + 1) {
                    counts[slot] += weight;
                    return;
                }
                slot = (slot + 1) & mask;
            }
            offsets[slot] = offset + 1;
            counts[slot] = weight;
            used[touched++] = slot;
        }

        private void grow() {
            int[] oldOffsets = offsets;
            int[] oldCounts = counts;
            int[] oldUsed = used;
            int n = touched;
            offsets = new int[oldOffsets.length * 2];
            counts = new int[oldOffsets.length * 2];
            used = new int[oldOffsets.length];
            touched = 0;
            int mask = offsets.length - 1;
            for (int i = 0; i < n; i++) {
                int offset = oldOffsets[oldUsed[i]];
                int slot = ((offset - 1) * 0x9E3779B1) >>> 16 & mask;
                while (offsets[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                offsets[slot] = offset;
                counts[slot] = oldCounts[oldUsed[i]];
                used[touched++] = slot;
            }
        }
    }

    /** The classifier's answer for one article: a calibrated probability per label (summing to 1). */
    public record Result(List<String> labels, double[] probabilities) {
        public int best() {
            int best = 0;
            for (int k = 1; k < probabilities.length; k++) {
                best = probabilities[k] > probabilities[best] ? k : best;
            }
            return best;
        }

        public String bestLabel() {
            return labels.get(best());
        }

        public double probability(String label) {
            int k = labels.indexOf(label);
            return k < 0 ? 0 : probabilities[k];
        }
    }

    /**
     * One language's model: labels, per-label bias, the words it ignores (sorted hashes), and per known feature its inverse
     * document frequency and a weight per label, both quantised to a byte (weight = q * weightScale, idf = q * idfScale).
     */
    public record Model(String language, List<String> labels, float temperature, float weightScale, float idfScale, float[] bias,
                        long[] ignored, long[] keys, byte[] idf, byte[] weights) {

        /** Writes the model as {@link #read} reads it. */
        void write(DataOutputStream out) throws IOException {
            out.writeUTF(language);
            out.writeInt(labels.size());
            for (String label : labels) {
                out.writeUTF(label);
            }
            out.writeFloat(temperature);
            out.writeFloat(weightScale);
            out.writeFloat(idfScale);
            for (float b : bias) {
                out.writeFloat(b);
            }
            out.writeInt(ignored.length);
            for (long word : ignored) {
                out.writeLong(word);
            }
            out.writeInt(keys.length);
            for (long key : keys) {
                out.writeLong(key);
            }
            out.write(idf);
            out.write(weights);
        }

        static Model read(DataInputStream in) throws IOException {
            String language = in.readUTF();
            int classes = in.readInt();
            String[] labels = new String[classes];
            for (int k = 0; k < classes; k++) {
                labels[k] = in.readUTF();
            }
            float temperature = in.readFloat();
            float weightScale = in.readFloat();
            float idfScale = in.readFloat();
            float[] bias = new float[classes];
            for (int k = 0; k < classes; k++) {
                bias[k] = in.readFloat();
            }
            long[] ignored = new long[in.readInt()];
            for (int i = 0; i < ignored.length; i++) {
                ignored[i] = in.readLong();
            }
            int count = in.readInt();
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = in.readLong();
            }
            byte[] idf = in.readNBytes(count);
            byte[] weights = in.readNBytes(count * classes);
            if (idf.length != count || weights.length != count * classes) {
                throw new IOException("topic model " + language + ": truncated");
            }
            return new Model(language, List.of(labels), temperature, weightScale, idfScale, bias, ignored, keys, idf, weights);
        }
    }

    /**
     * A model made ready to look features up in, laid out for one cache miss per lookup: open addressing over slots of
     * {@link #stride} longs each, a slot holding the key's check (its high 32 bits, never 0), the idf byte and a weight
     * byte per label, packed little-end first. A lookup reads the check and, when it matches, the row right beside it.
     */
    private static final class Table {
        final Model model;
        final int classes;
        final int stride;
        final long[] data;
        final int mask;
        final TopicFeatures.Ignored ignored;

        Table(Model model) {
            this.model = model;
            this.classes = model.labels().size();
            this.stride = (4 + 1 + classes + 7) / 8;
            int capacity = Integer.highestOneBit(Math.max(16, model.keys().length * 5 / 3)) << 1;
            data = new long[capacity * stride];
            mask = capacity - 1;
            for (int row = 0; row < model.keys().length; row++) {
                long key = model.keys()[row];
                int slot = (int) key & mask;
                while (data[slot * stride] != 0) {
                    slot = (slot + 1) & mask;
                }
                int base = slot * stride;
                data[base] = check(key) & 0xFFFFFFFFL;
                put(base, 4, model.idf()[row]);
                for (int k = 0; k < classes; k++) {
                    put(base, 5 + k, model.weights()[row * classes + k]);
                }
            }
            ignored = TopicFeatures.ignoring(model.ignored());
        }

        private void put(int base, int index, byte value) {
            data[base + index / 8] |= (value & 0xFFL) << (8 * (index % 8));
        }

        /** Byte {@code index} of the slot at {@code base}, as a signed weight. */
        byte get(int base, int index) {
            return (byte) (data[base + (index >>> 3)] >>> (8 * (index & 7)));
        }

        static int check(long key) {
            int check = (int) (key >>> 32);
            return check == 0 ? 1 : check;
        }

        /** The data offset of {@code key}'s slot, or -1 when the model does not know it. */
        int find(long key) {
            int check = check(key);
            int slot = (int) key & mask;
            long found;
            while ((found = data[slot * stride]) != 0) {
                if ((int) found == check) {
                    return slot * stride;
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

    }

    /** 1 + ln(n) for the counts 0..{@value #LOG_TABLE}: counts are whole numbers (a title word counts 2), so this spares most logs. */
    private static final int LOG_TABLE = 256;
    private static final float[] ONE_PLUS_LOG = new float[LOG_TABLE + 1];

    static {
        for (int n = 1; n <= LOG_TABLE; n++) {
            ONE_PLUS_LOG[n] = (float) (1 + Math.log(n));
        }
    }

    private static float onePlusLog(int count) {
        return count <= LOG_TABLE ? ONE_PLUS_LOG[count] : (float) (1 + Math.log(count));
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();

    public TopicClassifier(List<Model> models) {
        Map<String, Model> byLanguage = new LinkedHashMap<>();
        for (Model model : models) {
            byLanguage.put(model.language(), model);
            tables.put(model.language(), new Table(model));
        }
        this.models = Map.copyOf(byLanguage);
    }

    /** The model that ships with enrich-service, read once. */
    public static TopicClassifier bundled() {
        return Bundled.CLASSIFIER;
    }

    private static final class Bundled {
        static final TopicClassifier CLASSIFIER = load();
    }

    private static TopicClassifier load() {
        try (InputStream in = TopicClassifier.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the topic model " + BUNDLED + " is missing from the classpath");
            }
            return read(new GZIPInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the topic model " + BUNDLED, e);
        }
    }

    /** Reads models as {@link #write} wrote them (not gzipped: the caller unwraps). */
    public static TopicClassifier read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        if (data.readLong() != MAGIC) {
            throw new IOException("not a newsflow topic model");
        }
        int count = data.readInt();
        Model[] models = new Model[count];
        for (int i = 0; i < count; i++) {
            models[i] = Model.read(data);
        }
        return new TopicClassifier(List.of(models));
    }

    /** Writes {@code models} (not gzipped: the caller wraps). */
    public static void write(List<Model> models, OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeLong(MAGIC);
        data.writeInt(models.size());
        for (Model model : models) {
            model.write(data);
        }
        data.flush();
    }

    /** The languages with a model (ISO 639-1). */
    public java.util.Set<String> languages() {
        return models.keySet();
    }

    /** The model of {@code language}, if there is one. */
    public Optional<Model> model(String language) {
        return Optional.ofNullable(models.get(primary(language)));
    }

    /**
     * The probabilities of the labels of {@code language}'s model for an article with this {@code title} (null: none) and
     * {@code body}; empty when the language has no model or the article has no word the model knows. With no language
     * (too short a text for the detector to be sure), the model that knows most of its words answers, if it knows at least
     * {@value #MIN_KNOWN_SHARE} of them.
     */
    public Optional<Result> classify(String language, String title, String body) {
        Table table = language == null ? likeliest(title, body) : tables.get(primary(language));
        if (table == null) {
            return Optional.empty();
        }
        Scratch scratch = this.scratch.get();
        scratch.collect(table, title, body);
        float[] scores = new float[table.classes];
        double norm = 0;
        int classes = table.classes;
        float idfScale = table.model.idfScale();
        for (int i = 0; i < scratch.touched; i++) {
            int entry = scratch.used[i];
            int base = scratch.offsets[entry] - 1;
            float x = onePlusLog(scratch.counts[entry]) * (table.get(base, 4) & 0xFF) * idfScale;
            norm += (double) x * x;
            for (int k = 0; k < classes; k++) {
                scores[k] += x * table.get(base, 5 + k);
            }
        }
        if (norm == 0) {
            return Optional.empty();
        }
        Model model = table.model;
        double scale = model.weightScale() / Math.sqrt(norm);
        double[] logits = new double[classes];
        double top = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            logits[k] = (model.bias()[k] + scores[k] * scale) / model.temperature();
            top = Math.max(top, logits[k]);
        }
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            logits[k] = Math.exp(logits[k] - top);
            sum += logits[k];
        }
        for (int k = 0; k < classes; k++) {
            logits[k] /= sum;
        }
        return Optional.of(new Result(model.labels(), logits));
    }

    /** A model answers a text of no stated language when it knows at least this share of its features. */
    static final double MIN_KNOWN_SHARE = 0.5;

    /** The table whose model knows the largest share of the text's features, if that share reaches {@link #MIN_KNOWN_SHARE}. */
    private Table likeliest(String title, String body) {
        Table best = null;
        double bestShare = MIN_KNOWN_SHARE;
        for (Table table : tables.values()) {
            TopicFeatures counted = features.get().count(table.ignored, title, body);
            if (counted.size() == 0) {
                continue;
            }
            int known = 0;
            for (int i = 0; i < counted.size(); i++) {
                known += table.find(counted.key(i)) >= 0 ? 1 : 0;
            }
            double share = (double) known / counted.size();
            if (share >= bestShare) {
                bestShare = share;
                best = table;
            }
        }
        return best;
    }

    /** {@code en} of {@code en}, {@code EN} or {@code en-GB}; null stays null. */
    static String primary(String language) {
        if (language == null) {
            return null;
        }
        int dash = language.indexOf('-');
        String primary = (dash < 0 ? language : language.substring(0, dash)).strip();
        return primary.toLowerCase(Locale.ROOT);
    }
}
