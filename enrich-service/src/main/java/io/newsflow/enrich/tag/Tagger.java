package io.newsflow.enrich.tag;

import io.newsflow.schema.TagOrigin;

import io.newsflow.schema.TagType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Tags an article: its people, places and organisations ({@link EntityFinder}: the gazetteer's, and the names the
 * recogniser finds in the running text), its IPTC topics from the topic model, all merged with the article's own footer
 * tags. One tag per entity; each scored with how likely it is right. Footer tags come first, then topics, then entities
 * by importance (score times mentions, more for a mention in the lede), up to the cap. Never throws on text.
 */
public final class Tagger {

    /** Default cap on tags per article (footer tags are kept beyond it). */
    public static final int DEFAULT_MAX_TAGS = 100;
    /** Characters at the start of an article that count as its lede. */
    static final int LEDE_CHARS = 400;
    static final double LEDE_BONUS = 1.5;

    /** The best topic is given when its calibrated probability reaches this; below, the model is unsure: no topic. */
    public static final double MIN_TOPIC_PROBABILITY = 0.2;
    /** Another topic joins the best when its probability reaches this (a story on two desks). */
    public static final double MIN_SECOND_TOPIC_PROBABILITY = 0.3;
    static final int MAX_TOPICS = 3;

    private final List<Gazetteer.Entry> entries;
    private final EntityFinder entities;
    private final TopicClassifier topics;
    private final int maxTags;
    private final Map<String, Integer> entryByLowerName = new HashMap<>();

    /** The gazetteer with the bundled topic and name models. */
    public Tagger(Gazetteer gazetteer) {
        this(gazetteer, TopicClassifier.bundled(), Optional.of(NameRecogniser.bundled()), DEFAULT_MAX_TAGS);
    }

    /** @param names the name recogniser; empty: the gazetteer's names only */
    public Tagger(Gazetteer gazetteer, TopicClassifier topics, Optional<NameRecogniser> names, int maxTags) {
        this(new EntityFinder(gazetteer, names), gazetteer, topics, maxTags);
    }

    /** Tags with {@code entities} found as given (a finder of the same gazetteer). */
    public Tagger(EntityFinder entities, Gazetteer gazetteer, TopicClassifier topics, int maxTags) {
        this.entries = gazetteer.entries();
        this.entities = entities;
        this.topics = topics;
        this.maxTags = maxTags;
        for (int e = 0; e < entries.size(); e++) {
            Gazetteer.Entry entry = entries.get(e);
            for (String alias : entry.aliases()) {
                entryByLowerName.putIfAbsent(key(alias), e);
            }
        }
    }

    /** A name's words (maximal runs of letters and digits, as {@link TermMatcher#split}) joined by single spaces, lowercased. */
    static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        int i = 0;
        while (i < name.length()) {
            if (!TermMatcher.isWordChar(name.charAt(i))) {
                i++;
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            while (i < name.length() && TermMatcher.isWordChar(name.charAt(i))) {
                out.append(name.charAt(i++));
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Tags for an English {@code text} without a separate title, merged with {@code footerTags} (names as the article gave them). */
    public List<FoundTag> tag(String text, List<String> footerTags) {
        return tag("en", null, text, footerTags);
    }

    /**
     * Tags for an article in {@code language} (ISO 639-1; topics and recognised names only for a language with a model)
     * with a separate {@code title} (null: none, as for a text file, whose first line is its title). Topics are classified
     * over the title and the text: a headline says what the story is about. Names are found in the text alone, where their
     * mentions and lede are counted.
     */
    public List<FoundTag> tag(String language, String title, String text, List<String> footerTags) {
        String body = text == null ? "" : text;
        String headline = title == null || title.isBlank() || body.startsWith(title.strip()) ? "" : title.strip();
        List<String> footerCanonical = new ArrayList<>();
        for (String name : footerTags) {
            Integer e = entryByLowerName.get(key(name));
            footerCanonical.add(e == null ? name : entries.get(e).canonical());
        }
        List<EntityFinder.Entity> found = entities.find(language, body, footerCanonical);
        Map<String, EntityFinder.Entity> foundByKey = new HashMap<>();
        for (EntityFinder.Entity entity : found) {
            foundByKey.putIfAbsent(key(entity.name()), entity);
        }

        Map<String, FoundTag> footer = new LinkedHashMap<>();
        for (int f = 0; f < footerTags.size(); f++) {
            String name = footerTags.get(f);
            Integer e = entryByLowerName.get(key(name));
            String canonical = footerCanonical.get(f);
            EntityFinder.Entity entity = foundByKey.get(key(canonical));
            FoundTag tag;
            if (entity != null) {
                tag = new FoundTag(entity.name(), entity.type(), TagOrigin.FOOTER, entity.mentions(), 1.0, entity.wikidataId().orElse(null));
            } else if (e != null) {
                Gazetteer.Entry entry = entries.get(e);
                tag = new FoundTag(canonical, entry.type(), TagOrigin.FOOTER, countPhrase(body, name), 1.0,
                        entry.wikidataId().isEmpty() ? null : entry.wikidataId());
            } else {
                tag = new FoundTag(name, TagType.OTHER, TagOrigin.FOOTER, countPhrase(body, name), 1.0);
            }
            footer.putIfAbsent(key(tag.name()), tag);
        }

        List<FoundTag> tags = new ArrayList<>(footer.values());
        int cap = Math.max(maxTags, footer.size());
        for (FoundTag topic : topics(language, headline, body)) {
            if (tags.size() < cap && !footer.containsKey(key(topic.name()))) {
                tags.add(topic);
            }
        }
        List<EntityFinder.Entity> ranked = new ArrayList<>(found);
        ranked.removeIf(entity -> footer.containsKey(key(entity.name())));
        ranked.sort(Comparator.comparingDouble(Tagger::importance).reversed().thenComparing(EntityFinder.Entity::name));
        Set<String> named = new HashSet<>();
        tags.forEach(t -> named.add(t.name()));
        for (EntityFinder.Entity entity : ranked) {
            if (tags.size() >= cap) {
                break;
            }
            if (named.add(entity.name())) {
                tags.add(new FoundTag(entity.name(), entity.type(), entity.origin(), entity.mentions(), round(entity.probability()),
                        entity.wikidataId().orElse(null)));
            }
        }
        return List.copyOf(tags);
    }

    /** How much an entity matters to its article: how sure it is, times its mentions, more for one in the lede. */
    static double importance(EntityFinder.Entity entity) {
        return entity.probability() * (entity.mentions() + (entity.firstAt() < LEDE_CHARS ? LEDE_BONUS : 0));
    }

    /**
     * The article's topics: the classifier's best label when its calibrated probability reaches
     * {@link #MIN_TOPIC_PROBABILITY}, then any other reaching {@link #MIN_SECOND_TOPIC_PROBABILITY}, at most
     * {@link #MAX_TOPICS}, each scored with its probability. None for a language without a model.
     */
    private List<FoundTag> topics(String language, String title, String body) {
        var result = topics.classify(language, title.isEmpty() ? null : title, body);
        if (result.isEmpty()) {
            return List.of();
        }
        double[] p = result.get().probabilities();
        Integer[] order = new Integer[p.length];
        for (int k = 0; k < p.length; k++) {
            order[k] = k;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(p[b], p[a]));
        List<FoundTag> chosen = new ArrayList<>();
        for (int rank = 0; rank < Math.min(MAX_TOPICS, p.length); rank++) {
            int k = order[rank];
            if (p[k] < (rank == 0 ? MIN_TOPIC_PROBABILITY : MIN_SECOND_TOPIC_PROBABILITY)) {
                break;
            }
            chosen.add(new FoundTag(result.get().labels().get(k), TagType.TOPIC, TagOrigin.MODEL, 0, round(p[k])));
        }
        return chosen;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** Whole-word, case-sensitive occurrences of a name the gazetteer does not know (a footer's own tag). */
    static int countPhrase(String text, String phrase) {
        if (phrase.isEmpty()) {
            return 0;
        }
        int count = 0;
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            boolean startsWord = at == 0 || !TermMatcher.isWordChar(text.charAt(at - 1));
            boolean endsWord = end == text.length() || !TermMatcher.isWordChar(text.charAt(end));
            if (startsWord && endsWord) {
                count++;
            }
        }
        return count;
    }
}
