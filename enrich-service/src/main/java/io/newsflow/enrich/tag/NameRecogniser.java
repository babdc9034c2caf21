package io.newsflow.enrich.tag;

import io.newsflow.enrich.clean.WordHashes;
import io.newsflow.schema.TagType;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Finds the names of people, places and organisations in running text: an averaged perceptron per language that tags
 * each token O, B-X or I-X (X: PER, LOC, ORG) left to right, from the token and its neighbours (lowercased words,
 * shapes, affixes), the tags before it, and what {@link NameLexicon} knows (given names, gazetteer names). Only a token
 * that starts with an uppercase letter, or that continues a name, is weighed; any other is O, which is what keeps it
 * cheap. Each name found carries a calibrated probability of being right (span and type), fitted on text training never
 * saw. Trained by tools/ner/train.sh; a language without a model finds nothing here (the gazetteer still does). Plain
 * Java, no Kafka; never throws on text; immutable.
 */
public final class NameRecogniser {

    public static final String BUNDLED = "/name-model.bin.gz";
    static final long MAGIC = 0x4e464e414d455331L; // "NFNAMES1"
    /** Tag indexes: O, then B and I of each type in {@link #TYPES}' order. */
    public static final int O = 0;
    public static final int TAGS = 7;
    public static final List<TagType> TYPES = List.of(TagType.PERSON, TagType.PLACE, TagType.ORGANIZATION);
    /** Most features of one token. */
    public static final int MAX_FEATURES = 32;

    /**
     * A name found: tokens {@code first} to {@code last}, its type, the probability it is right, and the mean margin of its
     * tokens' tags over the next best (what the probability is fitted on).
     */
    public record Name(int first, int last, TagType type, double probability, double margin) {
    }

    /**
     * One language's model: per feature, a weight per tag as a short (weight = q * scale), and the logistic that turns a
     * name's mean margin into a probability (p = 1 / (1 + exp(-(slope * margin + intercept)))).
     */
    public record Model(String language, float scale, float slope, float intercept, long[] keys, short[] weights) {

        void write(DataOutputStream out) throws IOException {
            out.writeUTF(language);
            out.writeFloat(scale);
            out.writeFloat(slope);
            out.writeFloat(intercept);
            out.writeInt(keys.length);
            for (long key : keys) {
                out.writeLong(key);
            }
            for (short w : weights) {
                out.writeShort(w);
            }
        }

        static Model read(DataInputStream in) throws IOException {
            String language = in.readUTF();
            float scale = in.readFloat();
            float slope = in.readFloat();
            float intercept = in.readFloat();
            int count = in.readInt();
            long[] keys = new long[count];
            for (int i = 0; i < count; i++) {
                keys[i] = in.readLong();
            }
            short[] weights = new short[count * TAGS];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readShort();
            }
            return new Model(language, scale, slope, intercept, keys, weights);
        }
    }

    /**
     * A model laid out for lookups: open addressing, each slot three longs, the key and then its seven short weights
     * packed beside it, so a lookup touches one cache line.
     */
    private static final class Table {
        /** Bits of the filter of the features a model knows: one bit per feature, 128 KiB, kept in the core's cache. */
        private static final int FILTER_BITS = 1 << 20;
        final Model model;
        final long[] slots;
        final int mask;
        final float scale;
        /** A set bit for every feature the model has (a few false positives): a feature it lacks is skipped unread. */
        final long[] known = new long[FILTER_BITS / 64];

        Table(Model model) {
            this.model = model;
            this.scale = model.scale();
            int capacity = Integer.highestOneBit(Math.max(16, model.keys().length * 2)) << 1;
            slots = new long[capacity * 3];
            mask = capacity - 1;
            for (int row = 0; row < model.keys().length; row++) {
                long key = model.keys()[row];
                int slot = (int) key & mask;
                while (slots[slot * 3] != 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot * 3] = key;
                int bit = (int) (key >>> 44) & (FILTER_BITS - 1);
                known[bit >>> 6] |= 1L << bit;
                long low = 0;
                long high = 0;
                for (int t = 0; t < TAGS; t++) {
                    long w = model.weights()[row * TAGS + t] & 0xFFFFL;
                    if (t < 4) {
                        low |= w << (16 * t);
                    } else {
                        high |= w << (16 * (t - 4));
                    }
                }
                slots[slot * 3 + 1] = low;
                slots[slot * 3 + 2] = high;
            }
        }

        /** Adds the weights of {@code key} to {@code scores}. */
        void add(long key, float[] scores) {
            int bit = (int) (key >>> 44) & (FILTER_BITS - 1);
            if ((known[bit >>> 6] & (1L << bit)) == 0) {
                return;
            }
            int slot = (int) key & mask;
            long found;
            while ((found = slots[slot * 3]) != 0) {
                if (found == key) {
                    long low = slots[slot * 3 + 1];
                    long high = slots[slot * 3 + 2];
                    scores[0] += (short) low * scale;
                    scores[1] += (short) (low >>> 16) * scale;
                    scores[2] += (short) (low >>> 32) * scale;
                    scores[3] += (short) (low >>> 48) * scale;
                    scores[4] += (short) high * scale;
                    scores[5] += (short) (high >>> 16) * scale;
                    scores[6] += (short) (high >>> 32) * scale;
                    return;
                }
                slot = (slot + 1) & mask;
            }
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final NameLexicon lexicon;

    public NameRecogniser(List<Model> models, NameLexicon lexicon) {
        for (Model model : models) {
            tables.put(model.language(), new Table(model));
        }
        this.lexicon = lexicon;
    }

    /** The bundled models with the bundled lexicon. */
    public static NameRecogniser bundled() {
        return Bundled.RECOGNISER;
    }

    private static final class Bundled {
        static final NameRecogniser RECOGNISER = new NameRecogniser(readBundled(), NameLexicon.bundled());
    }

    /** The bundled models, read once per call. */
    public static List<Model> readBundled() {
        try (InputStream in = NameRecogniser.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the name model " + BUNDLED + " is missing from the classpath");
            }
            return read(new GZIPInputStream(in, 1 << 16));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the name model " + BUNDLED, e);
        }
    }

    public static List<Model> read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        if (data.readLong() != MAGIC) {
            throw new IOException("not a newsflow name model");
        }
        int count = data.readInt();
        List<Model> models = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            models.add(Model.read(data));
        }
        return models;
    }

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
        return tables.keySet();
    }

    public NameLexicon lexicon() {
        return lexicon;
    }

    /** The names in {@code tokens} of an article in {@code language}; none for a language without a model. */
    public List<Name> recognise(String language, NameTokens tokens) {
        Table table = tables.get(TopicClassifier.primary(language));
        if (table == null || tokens.size() == 0) {
            return List.of();
        }
        return recognise(table, tokens, lexicon.flags(tokens));
    }

    /** The same, with the tokens' {@link NameLexicon#flags} already worked out (from a scan shared with another reader). */
    public List<Name> recognise(String language, NameTokens tokens, int[] flags) {
        Table table = tables.get(TopicClassifier.primary(language));
        if (table == null || tokens.size() == 0) {
            return List.of();
        }
        return recognise(table, tokens, flags);
    }

    private List<Name> recognise(Table table, NameTokens tokens, int[] flags) {
        Sentence sentence = new Sentence(tokens, flags);
        int[] tags = new int[tokens.size()];
        float[] margins = new float[tokens.size()];
        long[] features = new long[MAX_FEATURES];
        float[] scores = new float[TAGS];
        for (int i = 0; i < tokens.size(); i++) {
            boolean fresh = tokens.lineStart(i);
            int prev = i > 0 && !fresh ? tags[i - 1] : O;
            if (!sentence.weighed(i, prev)) {
                tags[i] = O;
                continue;
            }
            int n = sentence.features(i, prev, i > 1 && !fresh ? tags[i - 2] : O, features);
            java.util.Arrays.fill(scores, 0);
            for (int f = 0; f < n; f++) {
                table.add(features[f], scores);
            }
            int best = best(scores, prev);
            float second = Float.NEGATIVE_INFINITY;
            for (int t = 0; t < TAGS; t++) {
                if (t != best && allowed(prev, t)) {
                    second = Math.max(second, scores[t]);
                }
            }
            tags[i] = best;
            margins[i] = scores[best] - second;
        }
        Model model = table.model;
        List<Name> names = new ArrayList<>();
        for (int[] span : spans(tags)) {
            double margin = 0;
            for (int i = span[0]; i <= span[1]; i++) {
                margin += margins[i];
            }
            margin /= span[1] - span[0] + 1;
            double p = 1 / (1 + Math.exp(-(model.slope() * margin + model.intercept())));
            names.add(new Name(span[0], span[1], TYPES.get(span[2]), p, margin));
        }
        return names;
    }

    /** The best tag allowed after {@code prev}. */
    public static int best(float[] scores, int prev) {
        int best = O;
        for (int t = 1; t < TAGS; t++) {
            if (allowed(prev, t) && scores[t] > scores[best]) {
                best = t;
            }
        }
        return best;
    }

    /** I-X only after B-X or I-X. */
    public static boolean allowed(int prev, int tag) {
        return tag == O || tag % 2 == 1 || (prev != O && (prev + 1) / 2 == (tag + 1) / 2);
    }

    /** The names a tag sequence marks: first token, last token, type index. */
    public static List<int[]> spans(int[] tags) {
        List<int[]> spans = new ArrayList<>();
        int i = 0;
        while (i < tags.length) {
            if (tags[i] != O && tags[i] % 2 == 1) {
                int type = (tags[i] - 1) / 2;
                int end = i;
                while (end + 1 < tags.length && tags[end + 1] == tags[i] + 1) {
                    end++;
                }
                spans.add(new int[] {i, end, type});
                i = end + 1;
            } else {
                i++;
            }
        }
        return spans;
    }

    /**
     * A sentence (or any run of tokens) with what the features need of each token, worked out once. The one definition of
     * the features, for the trainer and the recogniser alike.
     */
    public static final class Sentence {
        private final int size;
        private final long[] lower;
        private final long[] shape;
        private final long[] suffix3;
        private final long[] suffix2;
        private final long[] prefix3;
        private final int[] flags;
        private final boolean[] capital;
        private final boolean[] start;
        private final boolean[] allCaps;

        public Sentence(NameTokens tokens, int[] flags) {
            size = tokens.size();
            lower = new long[size];
            shape = new long[size];
            suffix3 = new long[size];
            suffix2 = new long[size];
            prefix3 = new long[size];
            capital = new boolean[size];
            start = new boolean[size];
            allCaps = new boolean[size];
            this.flags = flags;
            this.tokens = tokens;
            this.done = new boolean[size];
            for (int i = 0; i < size; i++) {
                capital[i] = tokens.end(i) > tokens.start(i) && tokens.capitalised(i);
                start[i] = tokens.sentenceStart(i);
            }
        }

        private final NameTokens tokens;
        private final boolean[] done;

        /** Works out the hashes of token {@code i} (only tokens weighed and their neighbours are ever read). */
        private void ensure(int i) {
            if (i < 0 || i >= size || done[i]) {
                return;
            }
            done[i] = true;
            String text = tokens.text();
            int from = tokens.start(i);
            int to = tokens.end(i);
            int length = to - from;
            long low = FNV;
            long shapeHash = FNV;
            long prefix = FNV;
            long suffix = FNV;
            long suffixTwo = FNV;
            char last = 0;
            int run = 0;
            boolean hasLower = false;
            boolean hasUpper = false;
            for (int k = from; k < to; k++) {
                char c = text.charAt(k);
                char l = Chars.lower(c);
                hasLower |= Chars.upper(c) != c;
                hasUpper |= l != c;
                low = (low ^ l) * PRIME;
                if (k - from < 3 || length <= 3) {
                    prefix = (prefix ^ l) * PRIME;
                }
                if (to - k <= 3 || length <= 3) {
                    suffix = (suffix ^ l) * PRIME;
                }
                if (to - k <= 2 || length <= 2) {
                    suffixTwo = (suffixTwo ^ l) * PRIME;
                }
                int kind = Chars.flags(c);
                char sh = (kind & Chars.UPPER) != 0 ? 'X' : (kind & Chars.LOWER) != 0 ? 'x' : (kind & Chars.DIGIT) != 0 ? 'd' : c;
                run = sh == last ? run + 1 : 1;
                last = sh;
                if (run <= 2) {
                    shapeHash = (shapeHash ^ sh) * PRIME;
                }
            }
            lower[i] = low;
            shape[i] = shapeHash;
            suffix3[i] = suffix;
            suffix2[i] = suffixTwo;
            prefix3[i] = prefix;
            allCaps[i] = length > 1 && !hasLower && hasUpper;
        }

        private static final long FNV = 0xcbf29ce484222325L;
        private static final long PRIME = 0x100000001b3L;

        /** Whether token {@code i} is weighed at all: it starts with an uppercase letter, or continues a name. */
        public boolean weighed(int i, int prev) {
            return capital[i] || prev != O;
        }

        /** Writes the features of token {@code i} after tags {@code prev2}, {@code prev} into {@code out}; returns how many. */
        public int features(int i, int prev, int prev2, long[] out) {
            for (int j = i - 2; j <= i + 2; j++) {
                ensure(j);
            }
            int n = 0;
            out[n++] = feature(1, 0);
            out[n++] = feature(2, lower[i]);
            out[n++] = feature(3, at(lower, i - 1));
            out[n++] = feature(4, at(lower, i + 1));
            out[n++] = feature(5, at(lower, i - 2));
            out[n++] = feature(6, at(lower, i + 2));
            out[n++] = feature(7, shape[i]);
            out[n++] = feature(8, at(shape, i - 1));
            out[n++] = feature(9, at(shape, i + 1));
            out[n++] = feature(10, suffix3[i]);
            out[n++] = feature(11, suffix2[i]);
            out[n++] = feature(12, prefix3[i]);
            out[n++] = feature(13, prev);
            out[n++] = feature(14, prev * 31L + prev2);
            out[n++] = feature(15, prev * 0x9E3779B97F4A7C15L ^ lower[i]);
            out[n++] = feature(16, flags[i]);
            out[n++] = feature(17, i > 0 ? flags[i - 1] : -1);
            out[n++] = feature(18, i + 1 < size ? flags[i + 1] : -1);
            out[n++] = feature(19, (start[i] ? 1 : 0) * 0x9E3779B97F4A7C15L ^ shape[i]);
            out[n++] = feature(20, at(lower, i - 1) * 31 + shape[i]);
            out[n++] = feature(21, lower[i] * 31 + at(lower, i + 1));
            out[n++] = feature(22, at(lower, i - 1) * 31 + lower[i]);
            out[n++] = feature(23, (allCaps[i] ? 1 : 0) + (start[i] ? 2 : 0));
            out[n++] = feature(24, flags[i] * 31L + prev);
            return n;
        }

        private long at(long[] values, int i) {
            return i < 0 ? -1 : i >= size ? -2 : values[i];
        }

        private static long feature(int template, long value) {
            long key = WordHashes.mix(template * 0x100000001b3L + value);
            return key == 0 ? 1 : key;
        }

    }

    /** A model for tests and the trainer's own scoring. */
    public Optional<Model> model(String language) {
        Table table = tables.get(TopicClassifier.primary(language));
        return Optional.ofNullable(table).map(t -> t.model);
    }
}
