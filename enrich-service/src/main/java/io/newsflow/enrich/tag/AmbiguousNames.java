package io.newsflow.enrich.tag;

import io.newsflow.enrich.tsv.TsvFile;
import io.newsflow.schema.TagType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Names that stand for different things ("Jordan" the country or the basketball player, "Georgia" the country or the
 * U.S. state, "Liverpool" the city or the club), each decided by the words of its article. Every reading lists cue words
 * and names; the reading with the most distinct cues in the article wins, and a tie (no cue at all, say) goes to the
 * reading listed first, the one news means most often. Cues match as whole words or phrases, ignoring case.
 *
 * <p>Loaded from a tab-separated file: {@code name<TAB>wikidata id<TAB>TYPE<TAB>tag name<TAB>cue|cue|...}, a name's
 * readings in order of preference. The bundled table is generated with the gazetteer (tools/gazetteer). Plain Java.
 */
public final class AmbiguousNames {

    /** The bundled table. */
    public static final String BUNDLED = "/ambiguous-names.tsv";

    /** One reading of a name: the entity it then names, and the words that say so. */
    public record Reading(String wikidataId, TagType type, String tagName, List<String> cues) {
    }

    private final Map<String, List<Reading>> readings;

    public AmbiguousNames(Map<String, List<Reading>> readings) {
        this.readings = Map.copyOf(readings);
    }

    /** No ambiguous names. */
    public static AmbiguousNames none() {
        return new AmbiguousNames(Map.of());
    }

    /** The table that ships with enrich-service. */
    public static AmbiguousNames bundled() {
        return TsvFile.bundled(BUNDLED, "ambiguous names", AmbiguousNames::fromRows);
    }

    private static AmbiguousNames fromRows(List<TsvFile.Row> rows, List<String> problems) {
        Map<String, List<Reading>> readings = new LinkedHashMap<>();
        for (TsvFile.Row row : rows) {
            String[] f = row.fields();
            if (f.length < 5 || f[0].isBlank() || !f[1].strip().matches("Q[1-9][0-9]*") || f[3].isBlank()) {
                problems.add(row.where() + ": expected name<TAB>Q-id<TAB>TYPE<TAB>tag name<TAB>cues");
                continue;
            }
            TagType type;
            try {
                type = TagType.valueOf(f[2].strip());
            } catch (IllegalArgumentException e) {
                problems.add(row.where() + ": unknown type '" + f[2].strip() + "'");
                continue;
            }
            List<String> cues = new ArrayList<>();
            for (String cue : f[4].split("\\|")) {
                if (!cue.isBlank()) {
                    cues.add(cue.strip().toLowerCase(Locale.ROOT));
                }
            }
            readings.computeIfAbsent(f[0].strip(), k -> new ArrayList<>())
                    .add(new Reading(f[1].strip(), type, f[3].strip(), List.copyOf(cues)));
        }
        readings.replaceAll((k, v) -> List.copyOf(v));
        return new AmbiguousNames(readings);
    }

    /** True when {@code name} has readings here. */
    public boolean contains(String name) {
        return readings.containsKey(name);
    }

    /** The names with readings here. */
    public java.util.Set<String> names() {
        return readings.keySet();
    }

    /** The reading preferred when an article gives no cue. */
    public Optional<Reading> preferred(String name) {
        List<Reading> candidates = readings.get(name);
        return candidates == null ? Optional.empty() : Optional.of(candidates.get(0));
    }

    /** A reading chosen, and how many of its cues the article holds. */
    public record Decision(Reading reading, int cues) {
    }

    /** The reading of {@code name} that {@code article} supports best (one {@link Article} serves all the names of one text). */
    public Optional<Decision> decide(String name, Article article) {
        List<Reading> candidates = readings.get(name);
        if (candidates == null) {
            return Optional.empty();
        }
        Reading best = null;
        int bestCues = -1;
        for (Reading reading : candidates) {
            int cues = 0;
            for (String cue : reading.cues()) {
                if (article.containsWord(cue)) {
                    cues++;
                }
            }
            if (cues > bestCues) {
                best = reading;
                bestCues = cues;
            }
        }
        return best == null ? Optional.empty() : Optional.of(new Decision(best, bestCues));
    }

    /**
     * An article's text, lower-cased, and the hashes of its words (maximal runs of letters and digits), made at the first
     * question: a cue is searched for in the text only when each of its words is among them. Each word of a phrase found
     * whole in the text is a whole word of the text there, so a word missing from the set rules the phrase out; a hash
     * found only lets the search run, so the answer is always the search's.
     */
    public static final class Article {
        private final String lower;
        private long[] words;
        private int mask;
        private int size;

        /** @param lowerText the article, lower-cased with {@link Locale#ROOT} */
        public Article(String lowerText) {
            this.lower = lowerText;
        }

        /** Whole-word occurrence of {@code phrase} in the text. */
        public boolean containsWord(String phrase) {
            if (words == null) {
                words = new long[Integer.highestOneBit(Math.max(64, lower.length() / 4)) << 1]; // about 1 distinct word in 10 chars
                mask = words.length - 1;
                eachWord(lower, hash -> {
                    add(hash);
                    return true;
                });
            }
            return eachWord(phrase, this::has) && AmbiguousNames.containsWord(lower, phrase);
        }

        /**
         * Passes the hash of each word of {@code text} (a maximal run of letters and digits) to {@code word}, while it
         * answers true; whether it always did.
         */
        private static boolean eachWord(String text, java.util.function.LongPredicate word) {
            long hash = FNV;
            boolean inWord = false;
            for (int k = 0; k <= text.length(); k++) {
                if (k < text.length() && TermMatcher.isWordChar(text.charAt(k))) {
                    hash = (hash ^ text.charAt(k)) * PRIME;
                    inWord = true;
                } else if (inWord) {
                    if (!word.test(hash)) {
                        return false;
                    }
                    hash = FNV;
                    inWord = false;
                }
            }
            return true;
        }

        private void add(long hash) {
            long key = hash == 0 ? 1 : hash;
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (words[slot] != 0) {
                if (words[slot] == key) {
                    return;
                }
                slot = (slot + 1) & mask;
            }
            words[slot] = key;
            if (++size * 2 > words.length) {
                long[] old = words;
                words = new long[old.length * 2];
                mask = words.length - 1;
                size = 0;
                for (long word : old) {
                    if (word != 0) {
                        add(word);
                    }
                }
            }
        }

        private boolean has(long hash) {
            long key = hash == 0 ? 1 : hash;
            int slot = (int) (key ^ (key >>> 32)) & mask;
            while (words[slot] != 0) {
                if (words[slot] == key) {
                    return true;
                }
                slot = (slot + 1) & mask;
            }
            return false;
        }

        private static final long FNV = 0xcbf29ce484222325L;
        private static final long PRIME = 0x100000001b3L;
    }

    /** Whole-word occurrence of {@code phrase} in {@code text}. */
    static boolean containsWord(String text, String phrase) {
        for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
            int end = at + phrase.length();
            if ((at == 0 || !TermMatcher.isWordChar(text.charAt(at - 1)))
                    && (end == text.length() || !TermMatcher.isWordChar(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }
}
