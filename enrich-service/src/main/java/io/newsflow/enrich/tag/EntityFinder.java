package io.newsflow.enrich.tag;

import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The people, places and organisations of one article: what the gazetteer knows, reconciled with the names the
 * {@link NameRecogniser} finds in the running text. One entity per thing named, however often and in whatever form:
 * <ol>
 *   <li>a gazetteer match is a mention of its entry, under the entry's canonical name; where the recogniser finds a
 *       longer name around it ("Bank of England" around "England"), the longer name is the mention;</li>
 *   <li>any other name the recogniser finds is a mention of the name as written, of the type the words heading it give
 *       ({@link NameHeads}: "... Council", "River ...") or else the recogniser's;</li>
 *   <li>short forms join the full name of the same article: a single word that is the first or last word of one person
 *       named in full ("Scholz", "Danny" after "Danny Armstrong"), and an organisation's shorter form or initials
 *       ("Deutsche Bank" after "Deutsche Bank AG", "ECB" after "European Central Bank");</li>
 *   <li>a recognised name's type is the one its mentions give most weight; its probability of being right is that of its
 *       surest mention (the recogniser's calibrated estimate); names below {@link #MIN_NAME_PROBABILITY} are dropped;</li>
 *   <li>a gazetteer name that needs support (a small place) is kept when mentioned twice, when its country is also
 *       named (by name, by a demonym such as "Spanish", or among the article's own footer tags), or when the recogniser
 *       also finds it there as a name of its type; a demonym alone is not a place;</li>
 *   <li>a name with several readings ({@link AmbiguousNames}: "Jordan", "Georgia", "Liverpool") takes the one its
 *       article's words support best, with that reading's type, name and Wikidata id; a known entity carries the
 *       gazetteer's Wikidata id. A name only that table knows ("Chelsea") is found like a gazetteer name, and kept
 *       when its article holds a cue of the reading chosen.</li>
 * </ol>
 * Plain Java, no Kafka; thread-safe; never throws on text.
 */
public final class EntityFinder {

    /** A recognised name is tagged when its probability of being right reaches this. */
    public static final double MIN_NAME_PROBABILITY = 0.5;
    /** A recognised name replaces a gazetteer match inside it when it is at least this sure. */
    static final double MIN_OVERRIDE_PROBABILITY = 0.5;
    /**
     * How often a gazetteer name tagged in an article is right: the share of gazetteer tags that match a marked name in the
     * evaluation documents (tools/ner-eval/evaluate.sh).
     */
    public static final double GAZETTEER_PROBABILITY = 0.82;
    /** A recognised name written only as one word opening a sentence ("Dock workers walked out") needs to be this sure. */
    static final double MIN_SENTENCE_START_PROBABILITY = 0.8;
    /** Last words of the names of competitions and events, which are not organisations ("Champions League", "World Cup"). */
    private static final Set<String> EVENT_WORDS = Set.of("League", "Cup", "Championship", "Championships", "Open", "Games",
            "Olympics", "Trophy", "Series", "Prix", "Tour", "Festival", "Awards", "Summit", "Liga", "Bundesliga", "Ligue", "Coupe",
            "Pokal", "Meisterschaft", "Copa");
    /** Words an organisation's initials skip: "Bank of England" is BoE, "Food and Drug Administration" FDA. */
    private static final Set<String> MINOR_WORDS = Set.of("of", "the", "and", "for", "de", "du", "des", "la", "le", "der", "die",
            "das", "für", "und", "y", "del", "&");

    /**
     * One entity of an article: its canonical name (a known entity) or the name as written (a recognised one), the offset
     * of its first mention, and how sure the finder is.
     */
    public record Entity(String name, TagType type, TagOrigin origin, int mentions, int firstAt, double probability,
                         Optional<String> wikidataId) {
    }

    private final List<Gazetteer.Entry> entries;
    /** The gazetteer's entries, then one per entry with demonyms, matching them (index - entries.size(): the entry). */
    private final List<Gazetteer.Entry> matched;
    private final AmbiguousNames ambiguous;
    private final NameHeads heads = NameHeads.bundled();
    /** Entries from this index on are names only the ambiguous table knows. */
    private final int firstOnlyAmbiguous;
    private final TermMatcher matcher;
    private final Optional<NameRecogniser> recogniser;
    private final double minProbability;
    private final Map<String, Integer> entryByCanonical = new HashMap<>();
    private final ThreadLocal<TermMatcher.Matches> scratch = ThreadLocal.withInitial(TermMatcher.Matches::new);
    private final ThreadLocal<TermMatcher.Matches> lexiconScratch = ThreadLocal.withInitial(TermMatcher.Matches::new);

    /** @param recogniser empty: gazetteer names only */
    public EntityFinder(Gazetteer gazetteer, Optional<NameRecogniser> recogniser) {
        this(gazetteer, recogniser, MIN_NAME_PROBABILITY);
    }

    /** @param minProbability recognised names less likely to be right are left out (0: none; what calibration reads) */
    public EntityFinder(Gazetteer gazetteer, Optional<NameRecogniser> recogniser, double minProbability) {
        this(gazetteer, recogniser, minProbability, AmbiguousNames.bundled());
    }

    /** @param ambiguous the names decided by their article's words */
    public EntityFinder(Gazetteer gazetteer, Optional<NameRecogniser> recogniser, double minProbability, AmbiguousNames ambiguous) {
        this.minProbability = minProbability;
        this.ambiguous = ambiguous;
        List<Gazetteer.Entry> known = new ArrayList<>(gazetteer.entries());
        Set<String> aliases = new HashSet<>();
        known.forEach(entry -> aliases.addAll(entry.aliases()));
        this.firstOnlyAmbiguous = known.size();
        for (String name : ambiguous.names()) {
            if (!aliases.contains(name)) {
                known.add(new Gazetteer.Entry(name, ambiguous.preferred(name).orElseThrow().type(), List.of(name)));
            }
        }
        this.entries = List.copyOf(known);
        List<Gazetteer.Entry> all = new ArrayList<>(entries);
        for (Gazetteer.Entry entry : entries) {
            all.add(new Gazetteer.Entry(entry.canonical(), entry.type(), entry.demonyms()));
        }
        this.matched = List.copyOf(all);
        this.matcher = new TermMatcher(matched);
        this.recogniser = recogniser;
        for (int e = 0; e < entries.size(); e++) {
            entryByCanonical.putIfAbsent(entries.get(e).canonical(), e);
        }
    }

    /** A mention: of gazetteer entry {@code entry} (or -1: a recognised name, {@code surface}), at {@code start}. */
    private static final class Mention {
        int entry;
        String surface;
        TagType type;
        double probability;
        final int start;
        final int end;
        /** The key of the entity this mention counts for. */
        String key;
        /** A recognised single word opening a sentence, where a capital says little. */
        boolean sentenceStart;

        Mention(int entry, String surface, TagType type, double probability, int start, int end) {
            this.entry = entry;
            this.surface = surface;
            this.type = type;
            this.probability = probability;
            this.start = start;
            this.end = end;
        }
    }

    /** The entities of an article in {@code language} (ISO 639-1; names are recognised only in a language with a model). */
    public List<Entity> find(String language, String text) {
        return find(language, text, List.of());
    }

    /**
     * The entities of an article whose footer (or another source outside its text) also names {@code alsoNamed}
     * (canonical names), which count as support for the places they contain.
     */
    public List<Entity> find(String language, String text, java.util.Collection<String> alsoNamed) {
        String body = capitalsRead(text == null ? "" : text);
        TermMatcher.Matches matches = scratch.get();
        matches.reset();
        boolean recognise = recogniser.isPresent() && language != null && recogniser.get().languages().contains(TopicClassifier.primary(language));
        TermMatcher.Matches known = null;
        if (recognise) {
            // one scan for this finder's names and the recogniser's lexicon alike
            known = lexiconScratch.get();
            known.reset();
            TermMatcher.matchBoth(body, matcher, matches, recogniser.get().lexicon().matcher(), known);
        } else {
            matcher.match(body, matches);
        }

        List<Mention> mentions = new ArrayList<>();
        boolean[] shadowed = new boolean[matches.count];
        Set<Integer> confirmed = new HashSet<>();
        NameTokens tokens = null;
        if (recognise) {
            tokens = NameTokens.cut(body);
            int from = 0;
            for (NameRecogniser.Name name : recogniser.get().recognise(language, tokens, recogniser.get().lexicon().flags(tokens, known))) {
                int start = tokens.start(name.first());
                int end = tokens.end(name.last());
                while (from < matches.count && matches.end[from] <= start) {
                    from++;
                }
                boolean inside = true; // every overlapping match lies inside the name, is shorter, and of another type
                boolean overlaps = false;
                for (int m = from; m < matches.count && matches.start[m] < end; m++) {
                    overlaps = true;
                    inside &= matches.start[m] >= start && matches.end[m] <= end && matches.end[m] - matches.start[m] < end - start
                            && matched.get(matches.entry[m]).type() != name.type();
                    if (matches.entry[m] < entries.size() && matches.start[m] <= start && matches.end[m] >= end
                            && entries.get(matches.entry[m]).type() == name.type()) {
                        confirmed.add(matches.entry[m]);
                    }
                }
                if (overlaps && !(inside && name.probability() >= MIN_OVERRIDE_PROBABILITY)) {
                    continue; // the gazetteer's reading of these words stands
                }
                for (int m = from; m < matches.count && matches.start[m] < end; m++) {
                    shadowed[m] = true;
                }
                String surface = surface(body, start, end);
                String[] nameWords = words(surface);
                if (nameWords.length > 1 && EVENT_WORDS.contains(nameWords[nameWords.length - 1])) {
                    continue; // a competition or an event: not an organisation, and not a name this finder tags
                }
                TagType type = heads.type(nameWords).orElse(name.type());
                Mention mention = new Mention(-1, surface, type, name.probability(), start, end);
                mention.sentenceStart = name.first() == name.last() && tokens.sentenceStart(name.first());
                mentions.add(mention);
            }
        }
        Set<String> support = new HashSet<>(alsoNamed);
        for (int m = 0; m < matches.count; m++) {
            if (!shadowed[m] && matches.entry[m] >= entries.size()) {
                support.add(matched.get(matches.entry[m]).canonical()); // a demonym: its country supports its places
            } else if (!shadowed[m]) {
                Gazetteer.Entry entry = entries.get(matches.entry[m]);
                mentions.add(new Mention(matches.entry[m], body.substring(matches.start[m], matches.end[m]), entry.type(),
                        GAZETTEER_PROBABILITY, matches.start[m], matches.end[m]));
            }
        }
        mentions.sort((a, b) -> Integer.compare(a.start, b.start));
        for (Mention mention : mentions) {
            mention.key = mention.entry >= 0 ? "g:" + entries.get(mention.entry).canonical() : "m:" + mention.surface;
        }
        joinShortForms(mentions, tokens);
        return entities(body, mentions, confirmed, support);
    }

    /**
     * {@code text} with the words of capitals-only lines and datelines written as names are ("LONDON 1996-08-30",
     * "WASHINGTON (Reuters) -" read as "London", "Washington"), so the gazetteer and the recogniser find them; the same
     * length, offsets unchanged. In a capitals-only line, words of three letters or fewer ("UN", "USA") stay as written;
     * so do letters between dots ("U.S."). The text itself when there is nothing to change.
     */
    static String capitalsRead(String text) {
        char[] out = null;
        int lineStart = 0;
        while (lineStart < text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = text.length();
            }
            int upper = 0;
            int lower = 0;
            for (int i = lineStart; i < lineEnd; i++) {
                char c = text.charAt(i);
                upper += Character.isUpperCase(c) ? 1 : 0;
                lower += Character.isLowerCase(c) ? 1 : 0;
            }
            boolean shouting = upper >= 4 && lower * 4 < upper;
            int until = lineEnd; // a capitals-only line: every word; else only a dateline's words
            if (!shouting) {
                until = datelineEnd(text, lineStart, lineEnd);
            }
            for (int i = lineStart; i < until; ) {
                if (!Character.isLetter(text.charAt(i))) {
                    i++;
                    continue;
                }
                int wordEnd = i;
                boolean capitals = true;
                while (wordEnd < until && Character.isLetter(text.charAt(wordEnd))) {
                    capitals &= Character.isUpperCase(text.charAt(wordEnd));
                    wordEnd++;
                }
                if (capitals && wordEnd - i > (shouting ? 3 : 1)) {
                    if (out == null) {
                        out = text.toCharArray();
                    }
                    for (int k = i + 1; k < wordEnd; k++) {
                        out[k] = Character.toLowerCase(out[k]);
                    }
                }
                i = wordEnd;
            }
            lineStart = lineEnd + 1;
        }
        return out == null ? text : new String(out);
    }

    /**
     * Where the dateline opening a line ends ("NEW YORK, March 3 -", "WASHINGTON (Reuters) -": words of two capitals or
     * more, then a comma, a bracket or a dash), or {@code lineStart} when the line has none.
     */
    private static int datelineEnd(String text, int lineStart, int lineEnd) {
        int i = lineStart;
        int words = 0;
        while (i < lineEnd) {
            int wordEnd = i;
            while (wordEnd < lineEnd && Character.isUpperCase(text.charAt(wordEnd))) {
                wordEnd++;
            }
            if (wordEnd - i < 2 || wordEnd < lineEnd && Character.isLetter(text.charAt(wordEnd))) {
                return lineStart;
            }
            words++;
            i = wordEnd;
            if (i < lineEnd && text.charAt(i) == '.') {
                i++;
            }
            if (i < lineEnd && text.charAt(i) == ' ') {
                i++;
            }
            if (i < lineEnd && "(-\u2013\u2014,".indexOf(text.charAt(i)) >= 0) {
                return words > 0 ? i : lineStart;
            }
        }
        return lineStart;
    }

    /** The words of a name as written, one space between, a possessive left off. */
    private static String surface(String text, int start, int end) {
        String name = text.substring(start, end).replaceAll("\\s+", " ");
        if (name.endsWith("'s") || name.endsWith("\u2019s")) {
            name = name.substring(0, name.length() - 2);
        }
        return name;
    }

    private static String[] words(String name) {
        return name.split(" ");
    }

    /**
     * Short forms become mentions of the full name they stand for in this article; with the article's {@code tokens}
     * (null: none), a person's first or last name written alone anywhere else counts too, found by the recogniser or not.
     */
    private void joinShortForms(List<Mention> mentions, NameTokens tokens) {
        // people named in full: first and last word -> the person (a word two people share stands for neither)
        Map<String, String> personByWord = new HashMap<>();
        Set<String> sharedWords = new HashSet<>();
        Map<String, List<String>> orgWords = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            String full = mention.entry >= 0 ? entries.get(mention.entry).canonical() : mention.surface;
            String[] words = words(full);
            if (mention.type == TagType.PERSON && words.length >= 2) {
                for (String word : new String[] {words[0], words[words.length - 1]}) {
                    String owner = personByWord.putIfAbsent(word, mention.key);
                    if (owner != null && !owner.equals(mention.key)) {
                        sharedWords.add(word);
                    }
                }
            } else if (mention.type == TagType.ORGANIZATION && words.length >= 2) {
                orgWords.putIfAbsent(mention.key, List.of(words));
            }
        }
        sharedWords.forEach(personByWord::remove);
        if (tokens != null && !personByWord.isEmpty()) {
            List<Mention> alone = new ArrayList<>();
            int next = 0;
            for (int i = 0; i < tokens.size(); i++) {
                while (next < mentions.size() && mentions.get(next).end <= tokens.start(i)) {
                    next++;
                }
                boolean covered = next < mentions.size() && mentions.get(next).start <= tokens.start(i);
                String person = tokens.capitalised(i) ? personByWord.get(tokens.word(i)) : null;
                if (person != null && !covered) {
                    alone.add(new Mention(-1, tokens.word(i), TagType.PERSON, 0, tokens.start(i), tokens.end(i)));
                    alone.get(alone.size() - 1).key = person;
                }
            }
            mentions.addAll(alone);
            mentions.sort((a, b) -> Integer.compare(a.start, b.start));
        }
        for (Mention mention : mentions) {
            String[] words = words(mention.surface);
            if (words.length == 1 && personByWord.containsKey(words[0])
                    && !(mention.entry >= 0 && entries.get(mention.entry).type() == TagType.PERSON)) {
                mention.key = personByWord.get(words[0]);
                mention.type = TagType.PERSON;
                if (mention.entry >= 0) {
                    mention.probability = 0; // the gazetteer's certainty was about another reading of the word
                }
                continue;
            }
            if (mention.entry < 0 && (mention.type == TagType.ORGANIZATION || words.length == 1)) {
                for (Map.Entry<String, List<String>> org : orgWords.entrySet()) {
                    List<String> longer = org.getValue();
                    if (!org.getKey().equals(mention.key) && (mention.type == TagType.ORGANIZATION && words.length < longer.size()
                            && java.util.Collections.indexOfSubList(longer, List.of(words)) >= 0
                            || words.length == 1 && isInitials(words[0], longer))) {
                        mention.key = org.getKey();
                        mention.type = TagType.ORGANIZATION;
                        break;
                    }
                }
            }
        }
    }

    /** "ECB" for "European Central Bank": the initials of the name's words, minor words skipped or not. */
    static boolean isInitials(String word, List<String> name) {
        if (word.length() < 2 || !word.equals(word.toUpperCase(Locale.ROOT))) {
            return false;
        }
        StringBuilder all = new StringBuilder();
        StringBuilder major = new StringBuilder();
        for (String w : name) {
            if (w.isEmpty()) {
                continue;
            }
            char initial = Character.toUpperCase(w.charAt(0));
            all.append(initial);
            if (!MINOR_WORDS.contains(w.toLowerCase(Locale.ROOT))) {
                major.append(initial);
            }
        }
        return word.contentEquals(all) || word.contentEquals(major);
    }

    /** Mentions grouped into entities, in order of first mention; ambiguous names decided; one entity per name. */
    private List<Entity> entities(String text, List<Mention> mentions, Set<Integer> confirmed, Set<String> support) {
        Map<String, List<Mention>> byKey = new LinkedHashMap<>();
        for (Mention mention : mentions) {
            byKey.computeIfAbsent(mention.key, k -> new ArrayList<>()).add(mention);
        }
        Set<String> countries = new HashSet<>(support);
        Set<Entity> needCue = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (String key : byKey.keySet()) {
            countries.add(key.substring(2));
        }
        List<Entity> found = new ArrayList<>();
        for (Map.Entry<String, List<Mention>> group : byKey.entrySet()) {
            List<Mention> all = group.getValue();
            String key = group.getKey();
            Integer entry = key.startsWith("g:") ? entryByCanonical.get(key.substring(2)) : null;
            if (entry != null) {
                Gazetteer.Entry known = entries.get(entry);
                if (known.needsSupport() && all.size() < 2 && !countries.contains(known.context()) && !confirmed.contains(entry)) {
                    continue; // a small place named once, its country nowhere: too likely something else
                }
                Entity entity = new Entity(known.canonical(), known.type(), TagOrigin.GAZETTEER, all.size(), all.get(0).start,
                        GAZETTEER_PROBABILITY, known.wikidataId().isEmpty() ? Optional.empty() : Optional.of(known.wikidataId()));
                if (entry >= firstOnlyAmbiguous) {
                    needCue.add(entity);
                }
                found.add(entity);
                continue;
            }
            Map<TagType, Double> weight = new LinkedHashMap<>();
            for (Mention mention : all) {
                weight.merge(mention.type, mention.probability, Double::sum);
            }
            TagType type = weight.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
            double probability = all.stream().filter(m -> m.type == type).mapToDouble(m -> m.probability).max().orElse(0);
            boolean onlyOpening = all.stream().allMatch(m -> m.sentenceStart);
            if (probability >= minProbability && !(minProbability > 0 && onlyOpening && probability < MIN_SENTENCE_START_PROBABILITY)) {
                found.add(new Entity(key.substring(2), type, TagOrigin.MODEL, all.size(), all.get(0).start, probability, Optional.empty()));
            }
        }
        return decided(text, found, needCue);
    }

    /** Ambiguous names read in their article, and entities that now share a name merged (mentions summed). */
    private List<Entity> decided(String text, List<Entity> found, Set<Entity> needCue) {
        AmbiguousNames.Article lower = null;
        Map<String, Entity> byName = new LinkedHashMap<>();
        for (Entity entity : found) {
            if (ambiguous.contains(entity.name())) {
                if (lower == null) {
                    lower = new AmbiguousNames.Article(text.toLowerCase(Locale.ROOT));
                }
                AmbiguousNames.Decision decision = ambiguous.decide(entity.name(), lower).orElseThrow();
                if (decision.cues() == 0 && needCue.contains(entity)) {
                    continue; // only the table knows this name, and nothing in the article says which reading
                }
                AmbiguousNames.Reading reading = decision.reading();
                entity = new Entity(reading.tagName(), reading.type(), entity.origin(), entity.mentions(), entity.firstAt(),
                        entity.probability(), Optional.of(reading.wikidataId()));
            }
            byName.merge(entity.name(), entity, (a, b) -> new Entity(a.name(), a.type(), a.origin(), a.mentions() + b.mentions(),
                    Math.min(a.firstAt(), b.firstAt()), Math.max(a.probability(), b.probability()),
                    a.wikidataId().isPresent() ? a.wikidataId() : b.wikidataId()));
        }
        return List.copyOf(byName.values());
    }
}
