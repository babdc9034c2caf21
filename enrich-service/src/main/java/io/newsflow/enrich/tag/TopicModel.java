package io.newsflow.enrich.tag;

import io.newsflow.schema.TagType;

import io.newsflow.enrich.tsv.TsvFile;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses IPTC Media Topics top-level categories ("politics", "conflict, war and peace", ...) for a
 * text from a weighted keyword and phrase model (the bundled {@code topics.tsv}): every occurrence of a
 * term, matched whole-word and case-insensitively in one pass, adds its weight to its topic. A topic
 * is chosen when its score reaches {@link #MIN_SCORE} and a third of the best topic's; at most
 * {@link #MAX_TOPICS}, best first. Never throws on text.
 */
public final class TopicModel {

    public static final String BUNDLED = "/topics.tsv";
    static final double MIN_SCORE = 3.0;
    static final double RELATIVE_TO_BEST = 0.34;
    static final int MAX_TOPICS = 3;
    /** The classifier's best label becomes a topic beside keyword topics at this probability (alone, at any). */
    static final double MIN_CLASSIFIER_PROBABILITY = 0.9;
    /** ... and when at least this many of the text's words and word pairs are in its vocabulary (a sentence is not enough). */
    static final int MIN_CLASSIFIER_FEATURES = 20;

    /** A chosen topic: its label, raw score and score relative to the best topic (0-1). */
    public record Topic(String label, double score, double relative, int mentions) {
    }

    private final List<String> labels;
    private final int[] topicOfTerm;
    private final double[] weightOfTerm;
    private final TermMatcher matcher;
    private final ThreadLocal<TermMatcher.Hits> hits;

    /**
     * The role words of {@link RoleCuePeople} ride along as terms of no topic, so one case-folded pass
     * over the text serves both the topics and the role cues.
     */
    private TopicModel(List<String> labels, List<Integer> topics, List<Double> weights, List<Gazetteer.Entry> terms) {
        this.labels = List.copyOf(labels);
        List<Gazetteer.Entry> all = new ArrayList<>(terms);
        List<Integer> topicOf = new ArrayList<>(topics);
        List<Double> weightOf = new ArrayList<>(weights);
        for (String role : RoleCuePeople.ROLES) {
            all.add(new Gazetteer.Entry(role, TagType.OTHER, List.of(role)));
            topicOf.add(NO_TOPIC);
            weightOf.add(0.0);
        }
        this.topicOfTerm = topicOf.stream().mapToInt(Integer::intValue).toArray();
        this.weightOfTerm = weightOf.stream().mapToDouble(Double::doubleValue).toArray();
        this.matcher = new TermMatcher(all, true);
        this.hits = ThreadLocal.withInitial(matcher::newHits);
    }

    private static final int NO_TOPIC = -1;

    public static TopicModel bundled() {
        return TsvFile.bundled(BUNDLED, "topic model", TopicModel::fromRows);
    }

    /** Lines {@code label<TAB>weight<TAB>term|term|...}; {@code #} starts a comment. */
    static TopicModel parse(Reader source, String name) throws IOException {
        return TsvFile.parse(source, name, "topic model", TopicModel::fromRows);
    }

    private static TopicModel fromRows(List<TsvFile.Row> rows, List<String> problems) {
        List<String> labels = new ArrayList<>();
        List<Integer> topics = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        List<Gazetteer.Entry> terms = new ArrayList<>();
        for (TsvFile.Row row : rows) {
            String[] fields = row.fields();
            double weight;
            try {
                weight = fields.length == 3 ? Double.parseDouble(fields[1].strip()) : Double.NaN;
            } catch (NumberFormatException e) {
                weight = Double.NaN;
            }
            if (Double.isNaN(weight)) {
                problems.add(row.where() + ": expected label<TAB>weight<TAB>term|term");
                continue;
            }
            String label = fields[0].strip();
            int topic = labels.indexOf(label);
            if (topic < 0) {
                topic = labels.size();
                labels.add(label);
            }
            for (String term : fields[2].split("\\|")) {
                if (!term.isBlank()) {
                    topics.add(topic);
                    weights.add(weight);
                    terms.add(new Gazetteer.Entry(term.strip(), TagType.TOPIC, List.of(term.strip())));
                }
            }
        }
        return new TopicModel(labels, topics, weights, terms);
    }

    /** The topics of {@code text} on their own (the tagger shares its scan with the names instead). */
    public List<Topic> classify(String text) {
        TermMatcher.Hits found = hits.get();
        found.reset();
        matcher.match(text, found);
        return score(found);
    }

    /** The case-folded matcher of the model's terms and the role words, for a shared scan. */
    TermMatcher matcher() {
        return matcher;
    }

    /** Scratch hits for {@link #matcher()}, one per thread. */
    TermMatcher.Hits hits() {
        return hits.get();
    }

    /** Collects term hits into {@code found} and reports role-word ends to {@code roleEnds}. */
    TermMatcher.Listener listener(TermMatcher.Hits found, java.util.function.IntConsumer roleEnds) {
        return (term, start, end) -> {
            found.onMatch(term, start, end);
            if (topicOfTerm[term] == NO_TOPIC) {
                roleEnds.accept(end);
            }
        };
    }

    /** The chosen topics given the term hits of one text. */
    List<Topic> score(TermMatcher.Hits found) {
        double[] scores = new double[labels.size()];
        int[] mentions = new int[labels.size()];
        for (int i = 0; i < found.found(); i++) {
            int term = found.entry(i);
            if (topicOfTerm[term] == NO_TOPIC) {
                continue;
            }
            scores[topicOfTerm[term]] += weightOfTerm[term] * found.mentions(term);
            mentions[topicOfTerm[term]] += found.mentions(term);
        }
        double best = 0;
        for (double score : scores) {
            best = Math.max(best, score);
        }
        Map<Integer, Double> chosen = new LinkedHashMap<>();
        for (int t = 0; t < scores.length; t++) {
            if (scores[t] >= MIN_SCORE && scores[t] >= RELATIVE_TO_BEST * best) {
                chosen.put(t, scores[t]);
            }
        }
        double top = best;
        return chosen.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(MAX_TOPICS)
                .map(e -> new Topic(labels.get(e.getKey()), e.getValue(), e.getValue() / top, mentions[e.getKey()]))
                .toList();
    }

    /**
     * The keyword topics with the trained classifier's say ({@link TopicClassifier}): each topic scores its keyword
     * score relative to the best keyword topic (0-1) plus the classifier's probability for it. A label the classifier
     * was not trained on (conflict, weather, labour...) gets, in place of a probability, its keyword score times the
     * classifier's doubt (1 - its best probability): it keeps its standing when the classifier is unsure, and yields
     * to a label the classifier is sure of. The classifier's best label joins when at least
     * {@link #MIN_CLASSIFIER_FEATURES} features matched and its probability reaches {@link #MIN_CLASSIFIER_PROBABILITY},
     * or whatever its probability when no keyword topic was found (a best guess over a news article with no topic at
     * all), and only a label this model has (a model without labels chooses no topics). Best first, at most {@link #MAX_TOPICS};
     * {@code relative} is the combined score over the best one's, except for the classifier's label alone, whose
     * {@code relative} is its probability.
     */
    List<Topic> blend(List<Topic> keyword, TopicClassifier.Result classifier) {
        int best = classifier.best();
        double probability = classifier.posterior()[best];
        String label = classifier.labels().get(best);
        boolean heard = classifier.matched() >= MIN_CLASSIFIER_FEATURES && labels.contains(label);
        if (keyword.isEmpty()) {
            // the classifier's label alone: its probability is the score, not 1.0 relative to itself
            return heard ? List.of(new Topic(label, probability, probability, 0)) : List.of();
        }
        Map<String, double[]> combined = new LinkedHashMap<>();
        for (Topic topic : keyword) {
            double say = classifier.labels().contains(topic.label())
                    ? classifier.probability(topic.label())
                    : topic.relative() * (1 - probability);
            combined.put(topic.label(), new double[] {topic.relative() + say, topic.mentions()});
        }
        if (heard && probability >= MIN_CLASSIFIER_PROBABILITY) {
            combined.putIfAbsent(label, new double[] {probability, 0});
        }
        double top = combined.values().stream().mapToDouble(v -> v[0]).max().orElse(1.0);
        return combined.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0]))
                .limit(MAX_TOPICS)
                .map(e -> new Topic(e.getKey(), e.getValue()[0], e.getValue()[0] / top, (int) e.getValue()[1]))
                .toList();
    }

    /** The topic labels the model knows, in file order. */
    public List<String> labels() {
        return labels;
    }
}
