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
import java.util.Set;

/**
 * Tags an article: the gazetteer's people, places and organisations it mentions, people the gazetteer
 * lacks picked up from role cues, IPTC topics from the topic model, all merged with the article's own
 * footer tags. One tag per canonical name; footer tags always kept and first; the rest ranked by score
 * (mentions, more for a mention in the lede) and capped. Never throws on text.
 */
public final class Tagger {

    /** Default cap on tags per article (footer tags are kept beyond it). */
    public static final int DEFAULT_MAX_TAGS = 15;
    /** Characters at the start of an article that count as its lede. */
    static final int LEDE_CHARS = 400;
    static final double LEDE_BONUS = 1.5;
    /** Weight of a person found only by a role cue, relative to a gazetteer entity. */
    static final double ROLE_CUE_WEIGHT = 0.5;

    /** The best topic is given when its calibrated probability reaches this; below, the model is unsure: no topic. */
    public static final double MIN_TOPIC_PROBABILITY = 0.2;
    /** Another topic joins the best when its probability reaches this (a story on two desks). */
    public static final double MIN_SECOND_TOPIC_PROBABILITY = 0.3;
    static final int MAX_TOPICS = 3;

    private final List<Gazetteer.Entry> entries;
    private final TermMatcher matcher;
    /** The role words of {@link RoleCuePeople}, matched case-folded in the same pass as the names. */
    private final TermMatcher roleMatcher;
    private final TopicClassifier topics;
    private final int maxTags;
    private final Map<String, Integer> entryByLowerName = new HashMap<>();
    private final ThreadLocal<TermMatcher.Hits> scratch;
    private final ThreadLocal<RoleEnds> roleEnds = ThreadLocal.withInitial(RoleEnds::new);

    /** End offsets of role words in the current text; reused per thread. */
    private static final class RoleEnds implements java.util.function.IntConsumer {
        int[] ends = new int[32];
        int count;

        @Override
        public void accept(int end) {
            if (count == ends.length) {
                ends = java.util.Arrays.copyOf(ends, count * 2);
            }
            ends[count++] = end;
        }
    }

    public Tagger(Gazetteer gazetteer) {
        this(gazetteer, TopicClassifier.bundled(), DEFAULT_MAX_TAGS);
    }

    public Tagger(Gazetteer gazetteer, TopicClassifier topics, int maxTags) {
        this.entries = gazetteer.entries();
        this.matcher = new TermMatcher(entries);
        this.roleMatcher = new TermMatcher(RoleCuePeople.ROLES.stream().map(role -> new Gazetteer.Entry(role, TagType.OTHER, List.of(role)))
                .toList(), true);
        this.topics = topics;
        this.maxTags = maxTags;
        this.scratch = ThreadLocal.withInitial(matcher::newHits);
        for (int e = 0; e < entries.size(); e++) {
            Gazetteer.Entry entry = entries.get(e);
            for (String alias : entry.aliases()) {
                entryByLowerName.putIfAbsent(key(alias), e);
            }
        }
    }

    private static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char[] word : TermMatcher.split(name)) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Tags for an English {@code text} without a separate title, merged with {@code footerTags} (names as the article gave them). */
    public List<FoundTag> tag(String text, List<String> footerTags) {
        return tag("en", null, text, footerTags);
    }

    /**
     * Tags for an article in {@code language} (ISO 639-1; topics only for a language the classifier has a model for) with
     * a separate {@code title} (null: none, as for a text file, whose first line is its title). Topics are classified over
     * the title and the text: a headline says what the story is about. Names are found in the text alone, where their
     * mentions and lede are counted.
     */
    public List<FoundTag> tag(String language, String title, String text, List<String> footerTags) {
        String body = text == null ? "" : text;
        String headline = title == null || title.isBlank() || body.startsWith(title.strip()) ? "" : title.strip();
        TermMatcher.Hits hits = scratch.get();
        hits.reset();
        RoleEnds roles = roleEnds.get();
        roles.count = 0;
        // one scan: names case-sensitively, role words case-folded
        TermMatcher.matchBoth(body, matcher, hits, roleMatcher, (term, start, end) -> roles.accept(end));

        Map<String, FoundTag> footer = new LinkedHashMap<>();
        Set<String> footerNames = new HashSet<>();
        for (String name : footerTags) {
            Integer e = entryByLowerName.get(key(name));
            FoundTag tag = e == null
                    ? new FoundTag(name, TagType.OTHER, TagOrigin.FOOTER, countPhrase(body, name), 1.0)
                    : new FoundTag(entries.get(e).canonical(), entries.get(e).type(), TagOrigin.FOOTER, hits.mentions(e), 1.0);
            footer.putIfAbsent(tag.name(), tag);
            footerNames.add(tag.name());
        }

        Set<String> foundNames = new HashSet<>(footerNames);
        for (int i = 0; i < hits.found(); i++) {
            foundNames.add(entries.get(hits.entry(i)).canonical());
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < hits.found(); i++) {
            int e = hits.entry(i);
            Gazetteer.Entry entry = entries.get(e);
            if (footerNames.contains(entry.canonical())) {
                continue;
            }
            int mentions = hits.mentions(e);
            if (entry.needsSupport() && mentions < 2 && !foundNames.contains(entry.context())) {
                continue; // a small place named once, its country nowhere: too likely something else
            }
            double raw = mentions + (hits.firstAt(e) < LEDE_CHARS ? LEDE_BONUS : 0);
            scored.add(new Scored(entry.canonical(), entry.type(), TagOrigin.GAZETTEER, mentions, raw));
        }
        List<FoundTag> chosenTopics = topics(language, headline, body);
        for (RoleCuePeople.Person person : RoleCuePeople.find(body, roles.ends, roles.count, this::isKnownName)) {
            if (!footerNames.contains(person.name())) {
                double raw = ROLE_CUE_WEIGHT * (person.mentions() + (person.firstAt() < LEDE_CHARS ? LEDE_BONUS : 0));
                scored.add(new Scored(person.name(), TagType.PERSON, TagOrigin.PATTERN, person.mentions(), raw));
            }
        }
        double best = scored.stream().mapToDouble(Scored::raw).max().orElse(1.0);

        List<FoundTag> ranked = new ArrayList<>();
        for (FoundTag topic : chosenTopics) {
            if (!footer.containsKey(topic.name())) {
                ranked.add(topic);
            }
        }
        for (Scored s : scored) {
            ranked.add(new FoundTag(s.name(), s.type(), s.origin(), s.mentions(), round(s.raw() / best)));
        }
        ranked.sort(Comparator.comparingDouble(FoundTag::score).reversed()
                .thenComparing(t -> t.type() == TagType.TOPIC ? 0 : 1)
                .thenComparing(FoundTag::name));

        List<FoundTag> tags = new ArrayList<>(footer.values());
        for (FoundTag tag : ranked) {
            if (tags.size() >= Math.max(maxTags, footer.size())) {
                break;
            }
            if (tags.stream().noneMatch(t -> t.name().equals(tag.name()))) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
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

    private boolean isKnownName(String name) {
        return entryByLowerName.containsKey(key(name));
    }

    private record Scored(String name, TagType type, TagOrigin origin, int mentions, double raw) {
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
