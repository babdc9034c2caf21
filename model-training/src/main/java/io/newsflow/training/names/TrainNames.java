package io.newsflow.training.names;

import io.newsflow.enrich.tag.EntityFinder;
import io.newsflow.enrich.tag.Gazetteer;
import io.newsflow.enrich.tag.NameLexicon;
import io.newsflow.enrich.tag.NameRecogniser;
import io.newsflow.enrich.tag.NameTokens;
import io.newsflow.training.names.NameCorpus.Doc;
import io.newsflow.training.names.NameCorpus.Sentence;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the name recogniser, one model per language, from the annotated text train.sh extracted:
 * <ol>
 *   <li>documents go to train (80%), dev (10%) or test (10%) by a SHA-256 of their id and {@link #SEED};</li>
 *   <li>an averaged perceptron over {@link NameRecogniser.Sentence#features}, {@link #EPOCHS} passes in a seeded order,
 *       decoding left to right with its own tags as history, as the recogniser does;</li>
 *   <li>weights quantised to shorts; the logistic that turns a name's mean margin into the probability it is right is
 *       fitted on the dev documents, first per name found, then per entity tagged in a document (as tags are scored);</li>
 *   <li>the test documents are scored through {@link NameRecogniser} at the document level and written for the unit test
 *       and the evaluation (all but the tweets, whose text the corpus licence does not cover).</li>
 * </ol>
 *
 * <pre>TrainNames WORK_DIR MODEL_OUT HELD_OUT_DIR</pre>
 */
public final class TrainNames {

    static final String SEED = "newsflow-names-2026-12";
    static final int EPOCHS = 10;

    private TrainNames() {
    }

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]);
        Map<String, List<Doc>> byLanguage = new LinkedHashMap<>();
        byLanguage.put("en", concat(NameCorpus.read(work.resolve("wikigold/wikigold.conll.txt"), "en", "wikigold", 0, 1, 0),
                NameCorpus.read(work.resolve("gum.bio"), "en", "gum", 0, 1, 0),
                btc(work)));
        byLanguage.put("de", concat(NameCorpus.read(work.resolve("germeval/dev.tsv"), "de", "germeval-dev", 1, 2, 20),
                NameCorpus.read(work.resolve("germeval/test.tsv"), "de", "germeval-test", 1, 2, 20),
                NameCorpus.readUnsplit(work.resolve("europeana/enp_DE.lft.bio"), "de", "europeana-lft", 20),
                NameCorpus.readUnsplit(work.resolve("europeana/enp_DE.onb.bio"), "de", "europeana-onb", 20)));
        byLanguage.put("fr", NameCorpus.readUnsplit(work.resolve("europeana/enp_FR.bnf.bio"), "fr", "europeana-bnf", 20));
        NameLexicon lexicon = NameLexicon.bundled();
        List<NameRecogniser.Model> models = new ArrayList<>();
        Map<String, List<Doc>> tests = new LinkedHashMap<>();
        for (Map.Entry<String, List<Doc>> language : byLanguage.entrySet()) {
            List<Doc> train = new ArrayList<>();
            List<Doc> dev = new ArrayList<>();
            List<Doc> test = new ArrayList<>();
            for (Doc doc : language.getValue()) {
                int bucket = bucket(doc.id());
                (bucket < 80 ? train : bucket < 90 ? dev : test).add(doc);
            }
            System.out.printf(Locale.ROOT, "%n%s: %d documents (%d train, %d dev, %d test), %,d training tokens%n", language.getKey(),
                    language.getValue().size(), train.size(), dev.size(), test.size(), tokens(train));
            NameRecogniser.Model model = train(language.getKey(), train, dev, lexicon);
            models.add(model);
            tests.put(language.getKey(), test);
        }
        Path out = Path.of(args[1]);
        try (OutputStream file = Files.newOutputStream(out); GZIPOutputStream gzip = new GZIPOutputStream(file) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            NameRecogniser.write(models, gzip);
        }
        System.out.printf(Locale.ROOT, "%nwrote %s (%,d bytes)%n", out, Files.size(out));
        NameRecogniser recogniser = new NameRecogniser(models, lexicon);
        for (Map.Entry<String, List<Doc>> test : tests.entrySet()) {
            // tweets stay out of the file written: the corpus licence covers its annotation, not the tweets' text
            List<Doc> shipped = test.getValue().stream().filter(d -> !d.source().startsWith("btc")).toList();
            List<Doc> tweets = test.getValue().stream().filter(d -> d.source().startsWith("btc")).toList();
            if (!tweets.isEmpty()) {
                score(recogniser, test.getKey() + " test documents of tweets (not written), recogniser alone", tweets).print(System.out);
            }
            DocScore score = score(recogniser, test.getKey() + " test documents, recogniser alone", shipped);
            score.print(System.out);
            NameCorpus.write(shipped, Path.of(args[2]).resolve("heldout-" + test.getKey() + ".bio"), String.format(Locale.ROOT,
                    "# Held out of the name recogniser's training (tools/ner/train.sh): the %s test documents. Licences: tools/ner/README.md.%n"
                            + "# recogniser alone, document level: precision %.4f recall %.4f%n", test.getKey(), score.precision(), score.recall()));
        }
    }

    /** The Broad Twitter Corpus: each section's tweets, 20 to a document (the corpus has no documents). */
    private static List<Doc> btc(Path work) throws java.io.IOException {
        List<Doc> docs = new ArrayList<>();
        for (String section : List.of("a", "b", "e", "f", "g", "h")) {
            docs.addAll(NameCorpus.read(work.resolve("btc/" + section + ".conll"), "en", "btc-" + section, 0, 1, 20));
        }
        return docs;
    }

    @SafeVarargs
    private static List<Doc> concat(List<Doc>... lists) {
        List<Doc> all = new ArrayList<>();
        for (List<Doc> list : lists) {
            all.addAll(list);
        }
        return all;
    }

    private static int tokens(List<Doc> docs) {
        return docs.stream().flatMap(d -> d.sentences().stream()).mapToInt(s -> s.tokens().size()).sum();
    }

    /** Weights of the perceptron being trained, with the sums for averaging (lazily brought up to date per feature). */
    private static final class Weights {
        final Map<Long, Integer> index = new HashMap<>();
        float[] weights = new float[NameRecogniser.TAGS * 1024];
        double[] sums = new double[NameRecogniser.TAGS * 1024];
        int[] stamps = new int[1024];
        long[] keys = new long[1024];
        int step;

        int row(long key, boolean create) {
            Integer row = index.get(key);
            if (row != null || !create) {
                return row == null ? -1 : row;
            }
            int r = index.size();
            if (r == keys.length) {
                keys = java.util.Arrays.copyOf(keys, r * 2);
                stamps = java.util.Arrays.copyOf(stamps, r * 2);
                weights = java.util.Arrays.copyOf(weights, r * 2 * NameRecogniser.TAGS);
                sums = java.util.Arrays.copyOf(sums, r * 2 * NameRecogniser.TAGS);
            }
            keys[r] = key;
            stamps[r] = step;
            index.put(key, r);
            return r;
        }

        void score(long[] features, int n, float[] scores) {
            java.util.Arrays.fill(scores, 0);
            for (int f = 0; f < n; f++) {
                int r = row(features[f], false);
                if (r >= 0) {
                    for (int t = 0; t < NameRecogniser.TAGS; t++) {
                        scores[t] += weights[r * NameRecogniser.TAGS + t];
                    }
                }
            }
        }

        void update(long[] features, int n, int gold, int predicted) {
            for (int f = 0; f < n; f++) {
                int r = row(features[f], true);
                catchUp(r);
                weights[r * NameRecogniser.TAGS + gold] += 1;
                weights[r * NameRecogniser.TAGS + predicted] -= 1;
            }
        }

        private void catchUp(int r) {
            int elapsed = step - stamps[r];
            if (elapsed > 0) {
                for (int t = 0; t < NameRecogniser.TAGS; t++) {
                    sums[r * NameRecogniser.TAGS + t] += (double) elapsed * weights[r * NameRecogniser.TAGS + t];
                }
                stamps[r] = step;
            }
        }

        /** The averaged weights. */
        float[] averaged() {
            float[] averaged = new float[index.size() * NameRecogniser.TAGS];
            for (int r = 0; r < index.size(); r++) {
                catchUp(r);
                for (int t = 0; t < NameRecogniser.TAGS; t++) {
                    averaged[r * NameRecogniser.TAGS + t] = (float) (sums[r * NameRecogniser.TAGS + t] / Math.max(1, step));
                }
            }
            return averaged;
        }
    }

    static NameRecogniser.Model train(String language, List<Doc> train, List<Doc> dev, NameLexicon lexicon) {
        List<NameRecogniser.Sentence> sentences = new ArrayList<>();
        List<int[]> golds = new ArrayList<>();
        for (Doc doc : train) {
            for (Sentence s : doc.sentences()) {
                NameTokens tokens = NameTokens.of(s.tokens());
                sentences.add(new NameRecogniser.Sentence(tokens, lexicon.flags(tokens)));
                golds.add(s.tags());
            }
        }
        Weights w = new Weights();
        long[] features = new long[NameRecogniser.MAX_FEATURES];
        float[] scores = new float[NameRecogniser.TAGS];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            order.add(i);
        }
        Random random = new Random(SEED.hashCode());
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(order, random);
            int errors = 0;
            for (int s : order) {
                NameRecogniser.Sentence sentence = sentences.get(s);
                int[] gold = golds.get(s);
                int[] tags = new int[gold.length];
                for (int i = 0; i < gold.length; i++) {
                    int prev = i > 0 ? tags[i - 1] : NameRecogniser.O;
                    if (!sentence.weighed(i, prev)) {
                        tags[i] = NameRecogniser.O;
                        continue;
                    }
                    w.step++;
                    int n = sentence.features(i, prev, i > 1 ? tags[i - 2] : NameRecogniser.O, features);
                    w.score(features, n, scores);
                    int predicted = NameRecogniser.best(scores, prev);
                    int target = NameRecogniser.allowed(prev, gold[i]) ? gold[i] : (gold[i] == NameRecogniser.O ? 0 : gold[i] - 1);
                    if (predicted != target) {
                        w.update(features, n, target, predicted);
                        errors++;
                    }
                    tags[i] = predicted;
                }
            }
            System.out.printf(Locale.ROOT, "%s: epoch %d, %,d tag errors%n", language, epoch + 1, errors);
        }
        float[] averaged = w.averaged();
        float max = 0;
        for (float v : averaged) {
            max = Math.max(max, Math.abs(v));
        }
        float scale = max / 32767;
        List<Integer> kept = new ArrayList<>();
        for (int r = 0; r < w.index.size(); r++) {
            for (int t = 0; t < NameRecogniser.TAGS; t++) {
                if (Math.round(averaged[r * NameRecogniser.TAGS + t] / scale) != 0) {
                    kept.add(r);
                    break;
                }
            }
        }
        kept.sort((a, b) -> Long.compare(w.keys[a], w.keys[b]));
        long[] keys = new long[kept.size()];
        short[] weights = new short[kept.size() * NameRecogniser.TAGS];
        for (int k = 0; k < kept.size(); k++) {
            int r = kept.get(k);
            keys[k] = w.keys[r];
            for (int t = 0; t < NameRecogniser.TAGS; t++) {
                weights[k * NameRecogniser.TAGS + t] = (short) Math.round(averaged[r * NameRecogniser.TAGS + t] / scale);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d features, %,d kept%n", language, w.index.size(), kept.size());

        // calibration on the dev documents: is a name found (span and type) one that was marked?
        NameRecogniser.Model uncalibrated = new NameRecogniser.Model(language, scale, 1, 0, keys, weights);
        NameRecogniser recogniser = new NameRecogniser(List.of(uncalibrated), lexicon);
        List<double[]> points = new ArrayList<>(); // margin, right (0/1)
        for (Doc doc : dev) {
            for (Sentence s : doc.sentences()) {
                NameTokens tokens = NameTokens.of(s.tokens());
                Set<String> gold = new java.util.HashSet<>();
                for (int[] span : NameRecogniser.spans(s.tags())) {
                    gold.add(span[0] + ":" + span[1] + ":" + span[2]);
                }
                for (NameRecogniser.Name name : recogniser.recognise(language, tokens)) {
                    boolean right = gold.contains(name.first() + ":" + name.last() + ":" + NameRecogniser.TYPES.indexOf(name.type()));
                    points.add(new double[] {name.margin(), right ? 1 : 0});
                }
            }
        }
        double[] fit = logistic(points);
        System.out.printf(Locale.ROOT, "%s: mention level: probability = 1 / (1 + exp(-(%.4f * margin + %.4f))) over %d dev names%n",
                language, fit[0], fit[1], points.size());
        NameRecogniser.Model mentionLevel = new NameRecogniser.Model(language, scale, (float) fit[0], (float) fit[1], keys, weights);

        // then at the document level, as tags are used: is an entity the finder makes from the recogniser's names (with the
        // gazetteer, short forms joined) one a human marked in that document? Refits the same logistic on logit(p).
        EntityFinder finder = new EntityFinder(Gazetteer.bundled(), Optional.of(new NameRecogniser(List.of(mentionLevel), lexicon)), 0);
        List<double[]> entities = new ArrayList<>();
        for (Doc doc : dev) {
            EvaluateNames.Marked marked = EvaluateNames.marked(doc);
            for (EntityFinder.Entity entity : finder.find(language, marked.text())) {
                if (entity.origin() == io.newsflow.schema.TagOrigin.MODEL && entity.probability() > 0 && entity.probability() < 1) {
                    String key = entity.type() + "\t" + entity.name();
                    boolean right = marked.names().stream().anyMatch(m -> DocScore.matches(key, m));
                    double p = entity.probability();
                    entities.add(new double[] {Math.log(p / (1 - p)), right ? 1 : 0});
                }
            }
        }
        double[] doc = logistic(entities);
        float slope = (float) (doc[0] * fit[0]);
        float intercept = (float) (doc[0] * fit[1] + doc[1]);
        System.out.printf(Locale.ROOT, "%s: document level: probability = 1 / (1 + exp(-(%.4f * margin + %.4f))) over %d dev entities%n",
                language, slope, intercept, entities.size());
        return new NameRecogniser.Model(language, scale, slope, intercept, keys, weights);
    }

    /** Slope and intercept of a logistic fitted by gradient descent on (x, y) points. */
    static double[] logistic(List<double[]> points) {
        double mean = points.stream().mapToDouble(p -> p[0]).average().orElse(0);
        double spread = Math.sqrt(points.stream().mapToDouble(p -> (p[0] - mean) * (p[0] - mean)).average().orElse(1));
        double a = 0;
        double b = 0;
        for (int iteration = 0; iteration < 3000; iteration++) {
            double ga = 0;
            double gb = 0;
            for (double[] p : points) {
                double x = (p[0] - mean) / Math.max(1e-9, spread);
                double q = 1 / (1 + Math.exp(-(a * x + b)));
                ga += (q - p[1]) * x;
                gb += q - p[1];
            }
            a -= 0.5 * ga / points.size();
            b -= 0.5 * gb / points.size();
        }
        double slope = a / Math.max(1e-9, spread);
        return new double[] {slope, b - slope * mean};
    }

    /** The recogniser at the document level on {@code docs}: each document's distinct names against its marked ones. */
    static DocScore score(NameRecogniser recogniser, String name, List<Doc> docs) {
        DocScore score = new DocScore(name);
        for (Doc doc : docs) {
            Set<String> marked = new LinkedHashSet<>();
            Set<String> found = new LinkedHashSet<>();
            for (Sentence s : doc.sentences()) {
                for (int[] span : NameRecogniser.spans(s.tags())) {
                    marked.add(NameRecogniser.TYPES.get(span[2]) + "\t" + String.join(" ", s.tokens().subList(span[0], span[1] + 1)));
                }
                NameTokens tokens = NameTokens.of(s.tokens());
                for (NameRecogniser.Name n : recogniser.recognise(doc.language(), tokens)) {
                    found.add(n.type() + "\t" + String.join(" ", s.tokens().subList(n.first(), n.last() + 1)));
                }
            }
            score.add(marked, found);
        }
        return score;
    }

    static int bucket(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((SEED + "\n" + id).getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF), 100);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
