package io.newsflow.training.topics;

import io.newsflow.enrich.tag.TopicClassifier;
import io.newsflow.enrich.tag.TopicFeatures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPOutputStream;

/**
 * Trains the topic classifier, one model per language, from the sources train.sh extracted:
 * <ol>
 *   <li>each text goes to train (80%), dev (10%) or test (10%) by a SHA-256 of its group and {@link #SEED} (a UCI story
 *       cluster stays in one split);</li>
 *   <li>features ({@link TopicFeatures}) seen in at least {@link #MIN_DOCUMENTS} training texts form the vocabulary; a
 *       feature's value is (1 + ln count) x idf, the row length-normalised; idf is quantised before training, so the
 *       classifier computes exactly what training saw;</li>
 *   <li>softmax regression, every label weighing the same in total;</li>
 *   <li>weights quantised to a byte per label; the temperature that best fits the dev split (least log-loss) makes the
 *       probabilities calibrated;</li>
 *   <li>the test split is scored through {@link TopicClassifier}, the class enrich runs, and a sample of it is written for
 *       the unit test, which must find the same accuracy.</li>
 * </ol>
 * Deterministic: the same sources give the same bytes.
 *
 * <pre>TrainTopics WORK_DIR TOOLS_DIR MODEL_OUT HELD_OUT_DIR</pre>
 * TOOLS_DIR holds labels.tsv (source labels to IPTC) and stopwords.tsv; the first names are enrich-service's first-names.txt.
 */
public final class TrainTopics {

    static final String SEED = "newsflow-topics-2026-12";
    static final List<String> LANGUAGES = List.of("en", "de", "fr", "es");
    /** A label needs this many training texts in a language to be in its model. */
    static final int MIN_LABEL_TEXTS = 100;
    /**
     * Pseudo-articles added per label to the training (and dev) split: {@value #MIN_PARTS} to {@value #MAX_PARTS} texts of
     * one label run together. The sources are headlines and leads, and the articles enrich sees are whole stories; these
     * show the model what a long text of each label looks like once length-normalised.
     */
    static final int PSEUDO_ARTICLES_PER_LABEL = 1500;
    static final int MIN_PARTS = 6;
    static final int MAX_PARTS = 30;
    static final int MIN_DOCUMENTS = Integer.getInteger("mindocs", 2);
    /** A pair of words needs more: pairs are many, each rare, and every one known is memory a lookup has to reach. */
    static final int MIN_PAIR_DOCUMENTS = Integer.getInteger("minpairs", 2);
    static final int EPOCHS = 8;
    static final double RATE = 0.2;
    static final double L2 = 3e-4;
    /** Held-out texts per source and language written for the unit test. */
    static final int SAMPLE_PER_SOURCE = 600;

    private TrainTopics() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: TrainTopics WORK_DIR TOOLS_DIR MODEL_OUT HELD_OUT_DIR");
            System.exit(64);
        }
        Path work = Path.of(args[0]);
        Path tools = Path.of(args[1]);
        TopicSources sources = new TopicSources(work, tools.resolve("labels.tsv"));
        Map<String, List<String>> stopWords = new HashMap<>();
        for (String line : Files.readAllLines(tools.resolve("stopwords.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] f = line.split("\t", 2);
                stopWords.put(f[0], List.of(f[1].strip().split(" +")));
            }
        }
        List<String> firstNames = io.newsflow.enrich.tag.FirstNames.bundled();
        List<Example> all = sources.training();
        List<TopicClassifier.Model> models = new ArrayList<>();
        Map<String, List<Example>> tests = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            List<Example> examples = all.stream().filter(e -> e.language().equals(language)).toList();
            Trained trained = train(language, examples, ignored(language, examples, stopWords.getOrDefault(language, List.of()), firstNames));
            models.add(trained.model());
            tests.put(language, trained.test());
        }
        TopicClassifier classifier = new TopicClassifier(models);
        Path out = Path.of(args[2]);
        try (OutputStream file = Files.newOutputStream(out); GZIPOutputStream gzip = new GZIPOutputStream(file) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            TopicClassifier.write(models, gzip);
        }
        System.out.printf(Locale.ROOT, "%nwrote %s (%,d bytes)%n", out, Files.size(out));
        for (String language : LANGUAGES) {
            List<Example> test = tests.get(language);
            Scorecard card = score(classifier, language + " test split (all " + test.size() + ")", test);
            card.print(System.out);
            writeSample(classifier, language, test, Path.of(args[3]).resolve("heldout-" + language + ".tsv"));
        }
        for (String file : TopicSources.SIB_LANGUAGES.keySet().stream().sorted().toList()) {
            List<Example> sib = sources.sib200(file);
            score(classifier, "SIB-200 " + file + " test sentences", sib).print(System.out);
        }
    }

    record Trained(TopicClassifier.Model model, List<Example> test) {
    }

    /** A first name is ignored unless the language's prose writes it lowercase at least this share of the time. */
    static final double NAME_AS_WORD = 0.2;

    /**
     * The words {@code language}'s model ignores, as sorted hashes: its stop words, and the first names its prose (texts
     * that are not headlines, which capitalise every word) does not also write lowercase, as a word ("mark", "grace").
     */
    static long[] ignored(String language, List<Example> examples, List<String> stopWords, List<String> firstNames) {
        io.newsflow.enrich.clean.Tokens tokens = new io.newsflow.enrich.clean.Tokens();
        java.util.Set<Long> ignored = new java.util.TreeSet<>();
        tokens.scan(String.join(" ", stopWords));
        for (int i = 0; i < tokens.size(); i++) {
            ignored.add(tokens.hash(i));
        }
        Map<Long, int[]> names = new HashMap<>(); // lowercase, all
        tokens.scan(String.join(" ", firstNames));
        for (int i = 0; i < tokens.size(); i++) {
            names.put(tokens.hash(i), new int[2]);
        }
        for (Example e : examples) {
            if (e.body().isEmpty()) {
                continue;
            }
            tokens.scan(e.body());
            for (int i = 0; i < tokens.size(); i++) {
                int[] seen = names.get(tokens.hash(i));
                if (seen != null) {
                    seen[0] += tokens.shape(i) == io.newsflow.enrich.clean.Tokens.LOWER ? 1 : 0;
                    seen[1]++;
                }
            }
        }
        int asNames = 0;
        for (Map.Entry<Long, int[]> name : names.entrySet()) {
            if (name.getValue()[0] < NAME_AS_WORD * name.getValue()[1] || name.getValue()[1] == 0) {
                ignored.add(name.getKey());
                asNames++;
            }
        }
        System.out.printf(Locale.ROOT, "%s: ignores %d stop words and %d of %d first names%n", language, stopWords.size(), asNames,
                names.size());
        return ignored.stream().mapToLong(Long::longValue).toArray();
    }

    static Trained train(String language, List<Example> examples, long[] ignored) {
        List<Example> train = new ArrayList<>();
        List<Example> dev = new ArrayList<>();
        List<Example> test = new ArrayList<>();
        for (Example e : examples) {
            int bucket = bucket(e.group());
            (bucket < 80 ? train : bucket < 90 ? dev : test).add(e);
        }
        Map<String, Integer> counts = new TreeMap<>();
        train.forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        List<String> labels = counts.entrySet().stream().filter(c -> c.getValue() >= MIN_LABEL_TEXTS).map(Map.Entry::getKey).toList();
        System.out.printf(Locale.ROOT, "%n%s: %,d texts (%,d train, %,d dev, %,d test); training texts per label %s; labels kept: %d%n",
                language, examples.size(), train.size(), dev.size(), test.size(), counts, labels.size());
        train.removeIf(e -> !labels.contains(e.label()));
        dev.removeIf(e -> !labels.contains(e.label()));
        train.addAll(pseudoArticles(language, train, labels, PSEUDO_ARTICLES_PER_LABEL, new Random(SEED.hashCode())));
        dev.addAll(pseudoArticles(language, dev, labels, PSEUDO_ARTICLES_PER_LABEL / 10, new Random(SEED.hashCode() + 1)));

        // vocabulary and idf from the training split
        TopicFeatures features = new TopicFeatures();
        TopicFeatures.Ignored skip = TopicFeatures.ignoring(ignored);
        Map<Long, Integer> documents = new HashMap<>();
        for (Example e : train) {
            features.count(skip, e.title(), e.body());
            for (int i = 0; i < features.size(); i++) {
                documents.merge(features.key(i), 1, Integer::sum);
            }
        }
        documents.remove(TopicFeatures.NO_PAIR);
        List<Long> vocabulary = documents.entrySet().stream()
                .filter(d -> d.getValue() >= (TopicFeatures.isPair(d.getKey()) ? MIN_PAIR_DOCUMENTS : MIN_DOCUMENTS)).map(Map.Entry::getKey)
                .sorted().toList();
        Map<Long, Integer> index = new HashMap<>();
        for (int i = 0; i < vocabulary.size(); i++) {
            index.put(vocabulary.get(i), i);
        }
        double maxIdf = Math.log((train.size() + 1.0) / (MIN_DOCUMENTS + 1.0)) + 1;
        float idfScale = (float) (maxIdf / 255);
        byte[] idfQ = new byte[vocabulary.size()];
        float[] idf = new float[vocabulary.size()];
        for (int i = 0; i < vocabulary.size(); i++) {
            double value = Math.log((train.size() + 1.0) / (documents.get(vocabulary.get(i)) + 1.0)) + 1;
            int q = (int) Math.min(255, Math.max(1, Math.round(value / idfScale)));
            idfQ[i] = (byte) q;
            idf[i] = q * idfScale;
        }

        // rows, every label weighing the same in total
        Map<String, Integer> labelIndex = new HashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            labelIndex.put(labels.get(k), k);
        }
        int[] perLabel = new int[labels.size()];
        train.forEach(e -> perLabel[labelIndex.get(e.label())]++);
        SoftmaxRegression.Rows rows = rows(train, features, skip, index, idf, labelIndex, perLabel);
        SoftmaxRegression model = new SoftmaxRegression(vocabulary.size(), labels.size());
        model.train(rows, EPOCHS, RATE, L2, SEED.hashCode());

        // quantise; leave out features whose every weight rounds to 0
        float max = 0;
        for (float w : model.weights) {
            max = Math.max(max, Math.abs(w));
        }
        float weightScale = max / 127;
        List<Integer> kept = new ArrayList<>();
        for (int f = 0; f < vocabulary.size(); f++) {
            for (int k = 0; k < labels.size(); k++) {
                if (Math.abs(Math.round(model.weights[f * labels.size() + k] / weightScale)) > Integer.getInteger("prune", 0)) {
                    kept.add(f);
                    break;
                }
            }
        }
        long[] keys = new long[kept.size()];
        byte[] keptIdf = new byte[kept.size()];
        byte[] weights = new byte[kept.size() * labels.size()];
        for (int r = 0; r < kept.size(); r++) {
            int f = kept.get(r);
            keys[r] = vocabulary.get(f);
            keptIdf[r] = idfQ[f];
            for (int k = 0; k < labels.size(); k++) {
                weights[r * labels.size() + k] = (byte) Math.round(model.weights[f * labels.size() + k] / weightScale);
            }
        }
        System.out.printf(Locale.ROOT, "%s: %,d features seen in %d+ training texts, %,d kept after quantising%n", language,
                vocabulary.size(), MIN_DOCUMENTS, kept.size());

        // calibration: the temperature with the least log-loss on the dev split
        float best = 1;
        double bestLoss = Double.MAX_VALUE;
        for (float t = 0.3f; t <= 4.0f; t += 0.05f) {
            TopicClassifier trial = new TopicClassifier(List.of(new TopicClassifier.Model(language, labels, t, weightScale, idfScale,
                    model.bias.clone(), ignored, keys, keptIdf, weights)));
            double loss = logLoss(trial, language, dev);
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        TopicClassifier.Model calibrated = new TopicClassifier.Model(language, labels, best, weightScale, idfScale, model.bias.clone(), ignored,
                keys, keptIdf, weights);
        System.out.printf(Locale.ROOT, "%s: temperature %.2f (dev log-loss %.3f)%n", language, best, bestLoss);
        Scorecard devCard = score(new TopicClassifier(List.of(calibrated)), language + " dev split", dev);
        System.out.printf(Locale.ROOT, "%s: dev accuracy %.3f%n", language, devCard.accuracy());
        return new Trained(calibrated, test);
    }

    /** {@code perLabel} pseudo-articles per label, each {@link #MIN_PARTS} to {@link #MAX_PARTS} texts of that label run together. */
    static List<Example> pseudoArticles(String language, List<Example> texts, List<String> labels, int perLabel, Random random) {
        List<Example> out = new ArrayList<>();
        for (String label : labels) {
            List<Example> pool = texts.stream().filter(e -> e.label().equals(label) && !e.shape().equals("pseudo-article")).toList();
            if (pool.isEmpty()) {
                continue;
            }
            for (int a = 0; a < perLabel; a++) {
                int parts = MIN_PARTS + random.nextInt(MAX_PARTS - MIN_PARTS + 1);
                StringBuilder body = new StringBuilder();
                for (int p = 0; p < parts; p++) {
                    Example part = pool.get(random.nextInt(pool.size()));
                    if (part.title() != null && !part.title().isBlank()) {
                        body.append(part.title()).append(". ");
                    }
                    body.append(part.body()).append('\n');
                }
                out.add(new Example(language, "pseudo", "pseudo-article", null, body.toString(), label, "pseudo:" + label + ":" + a));
            }
        }
        return out;
    }

    private static SoftmaxRegression.Rows rows(List<Example> examples, TopicFeatures features, TopicFeatures.Ignored skip, Map<Long, Integer> index, float[] idf,
                                               Map<String, Integer> labelIndex, int[] perLabel) {
        int[] start = new int[examples.size() + 1];
        List<int[]> indexes = new ArrayList<>();
        List<float[]> values = new ArrayList<>();
        int total = 0;
        for (Example e : examples) {
            features.count(skip, e.title(), e.body());
            int[] ix = new int[features.size()];
            float[] vx = new float[features.size()];
            int n = 0;
            double norm = 0;
            for (int i = 0; i < features.size(); i++) {
                Integer f = index.get(features.key(i));
                if (f != null) {
                    ix[n] = f;
                    vx[n] = (float) (1 + Math.log(features.count(i))) * idf[f];
                    norm += (double) vx[n] * vx[n];
                    n++;
                }
            }
            for (int i = 0; i < n; i++) {
                vx[i] = (float) (vx[i] / Math.sqrt(norm));
            }
            indexes.add(java.util.Arrays.copyOf(ix, n));
            values.add(java.util.Arrays.copyOf(vx, n));
            total += n;
        }
        int[] index2 = new int[total];
        float[] value = new float[total];
        int[] label = new int[examples.size()];
        float[] weight = new float[examples.size()];
        int p = 0;
        double mean = (double) examples.size() / perLabel.length;
        for (int r = 0; r < examples.size(); r++) {
            start[r] = p;
            System.arraycopy(indexes.get(r), 0, index2, p, indexes.get(r).length);
            System.arraycopy(values.get(r), 0, value, p, values.get(r).length);
            p += indexes.get(r).length;
            label[r] = labelIndex.get(examples.get(r).label());
            weight[r] = (float) (mean / perLabel[label[r]]);
        }
        start[examples.size()] = p;
        return new SoftmaxRegression.Rows(start, index2, value, label, weight);
    }

    private static double logLoss(TopicClassifier classifier, String language, List<Example> examples) {
        double loss = 0;
        int n = 0;
        for (Example e : examples) {
            var result = classifier.classify(language, e.title(), e.body());
            if (result.isPresent()) {
                loss -= Math.log(Math.max(1e-9, result.get().probability(e.label())));
                n++;
            }
        }
        return loss / Math.max(1, n);
    }

    static Scorecard score(TopicClassifier classifier, String name, List<Example> examples) {
        Scorecard card = new Scorecard(name);
        for (Example e : examples) {
            var result = classifier.classify(e.language(), e.title(), e.body());
            card.add(Set.of(e.label()), e.label(), result.map(TopicClassifier.Result::bestLabel).orElse(null),
                    result.map(r -> r.probabilities()[r.best()]).orElse(Double.NaN));
        }
        return card;
    }

    /** A seeded sample of the test split, at most {@link #SAMPLE_PER_SOURCE} per source, with the accuracy the model has on it. */
    private static void writeSample(TopicClassifier classifier, String language, List<Example> test, Path file) throws IOException {
        Map<String, List<Example>> bySource = new TreeMap<>();
        test.stream().filter(e -> classifier.model(language).orElseThrow().labels().contains(e.label()))
                .forEach(e -> bySource.computeIfAbsent(e.source(), s -> new ArrayList<>()).add(e));
        List<Example> sample = new ArrayList<>();
        Random random = new Random(SEED.hashCode() + language.hashCode());
        for (List<Example> list : bySource.values()) {
            List<Example> shuffled = new ArrayList<>(list);
            Collections.shuffle(shuffled, random);
            sample.addAll(shuffled.subList(0, Math.min(SAMPLE_PER_SOURCE, shuffled.size())));
        }
        sample.sort(Comparator.comparing(Example::source).thenComparing(Example::group));
        Scorecard card = score(classifier, language, sample);
        Files.createDirectories(file.getParent());
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
            out.println("# Held out of the topic classifier's training (tools/topic-classifier/train.sh): up to " + SAMPLE_PER_SOURCE
                    + " texts per source of the " + language + " test split. Licences: tools/topic-classifier/README.md.");
            out.printf(Locale.ROOT, "# accuracy %.4f over %d texts%n", card.accuracy(), card.size());
            out.println("# label<TAB>source<TAB>shape<TAB>title<TAB>body");
            for (Example e : sample) {
                out.println(String.join("\t", e.label(), e.source(), e.shape(), clean(e.title()), clean(e.body())));
            }
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d texts, accuracy %.4f%n", file, card.size(), card.accuracy());
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    /** 0-99 from a SHA-256 of the seed and the group: the same group always lands in the same split. */
    static int bucket(String group) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((SEED + "\n" + group).getBytes(StandardCharsets.UTF_8));
            return Math.floorMod(((digest[0] & 0xFF) << 8) | (digest[1] & 0xFF), 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
