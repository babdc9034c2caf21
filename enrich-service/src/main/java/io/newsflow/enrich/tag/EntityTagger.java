package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tags an article with the gazetteer's entities it mentions and merges them with the article's own
 * footer tags: one tag per canonical name, footer tags first (in footer order), then the rest by
 * mentions. Matching is whole-word and case-sensitive, longest alias first. Never throws.
 */
public final class EntityTagger {

    private record Alias(String[] words, int entry) {
    }

    private final List<Gazetteer.Entry> entries;
    private final Map<String, List<Alias>> aliasesByFirstWord = new HashMap<>();
    private final Map<String, Integer> entryByLowerName = new HashMap<>();

    public EntityTagger(Gazetteer gazetteer) {
        this.entries = gazetteer.entries();
        for (int e = 0; e < entries.size(); e++) {
            for (String alias : entries.get(e).aliases()) {
                List<String> words = Tokens.of(alias);
                if (words.isEmpty()) {
                    continue;
                }
                aliasesByFirstWord.computeIfAbsent(words.get(0), w -> new ArrayList<>())
                        .add(new Alias(words.toArray(String[]::new), e));
                entryByLowerName.putIfAbsent(String.join(" ", words).toLowerCase(Locale.ROOT), e);
            }
        }
        aliasesByFirstWord.values().forEach(list -> list.sort(Comparator.comparingInt((Alias a) -> -a.words().length)));
    }

    /** Tags for {@code text}, merged with {@code footerTags} (names as the article gave them). */
    public List<FoundTag> tag(String text, List<String> footerTags) {
        List<String> words = Tokens.of(text == null ? "" : text);
        int[] mentions = countMentions(words);
        Map<String, FoundTag> tags = new LinkedHashMap<>();
        for (String name : footerTags) {
            List<String> nameWords = Tokens.of(name);
            Integer e = entryByLowerName.get(String.join(" ", nameWords).toLowerCase(Locale.ROOT));
            FoundTag tag = e == null
                    ? new FoundTag(name, EntityType.OTHER, TagOrigin.FOOTER, countPhrase(words, nameWords.toArray(String[]::new)))
                    : new FoundTag(entries.get(e).canonical(), entries.get(e).type(), TagOrigin.FOOTER, mentions[e]);
            tags.putIfAbsent(tag.name(), tag);
        }
        List<Integer> mentioned = new ArrayList<>();
        for (int e = 0; e < mentions.length; e++) {
            if (mentions[e] > 0) {
                mentioned.add(e);
            }
        }
        mentioned.sort(Comparator.comparingInt((Integer e) -> -mentions[e]).thenComparing(e -> entries.get(e).canonical()));
        for (int e : mentioned) {
            Gazetteer.Entry entry = entries.get(e);
            tags.putIfAbsent(entry.canonical(), new FoundTag(entry.canonical(), entry.type(), TagOrigin.GAZETTEER, mentions[e]));
        }
        return List.copyOf(tags.values());
    }

    /** Whole-word, case-sensitive occurrences of a phrase the gazetteer does not know (a footer's own tag). */
    private static int countPhrase(List<String> words, String[] phrase) {
        if (phrase.length == 0) {
            return 0;
        }
        int count = 0;
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).equals(phrase[0]) && matches(words, i, phrase)) {
                count++;
                i += phrase.length - 1;
            }
        }
        return count;
    }

    private int[] countMentions(List<String> words) {
        int[] mentions = new int[entries.size()];
        int i = 0;
        while (i < words.size()) {
            List<Alias> candidates = aliasesByFirstWord.get(words.get(i));
            int matched = 0;
            if (candidates != null) {
                for (Alias alias : candidates) {
                    if (matches(words, i, alias.words())) {
                        mentions[alias.entry()]++;
                        matched = alias.words().length;
                        break;
                    }
                }
            }
            i += Math.max(matched, 1);
        }
        return mentions;
    }

    private static boolean matches(List<String> words, int at, String[] alias) {
        if (at + alias.length > words.size()) {
            return false;
        }
        for (int k = 1; k < alias.length; k++) {
            if (!words.get(at + k).equals(alias[k])) {
                return false;
            }
        }
        return true;
    }
}
