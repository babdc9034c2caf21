package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds people the gazetteer lacks from the role that introduces them: "journalist Danny Armstrong",
 * "Defence Minister, Sergei Shoigu", "spokeswoman Anna Berg". The name is two or three capitalised
 * words right after the role (an optional comma between). Roles are found with the same one-pass
 * matcher as the gazetteer, so this costs little more than a scan. Found names are counted where they
 * recur in full. Never throws.
 */
final class RoleCuePeople {

    /** Role words, matched case-insensitively by the topic model's pass (see {@link TopicModel#listener}). */
    static final List<String> ROLES = List.of("minister", "president", "chancellor", "governor", "mayor", "senator",
            "spokesperson", "spokesman", "spokeswoman", "journalist", "reporter", "correspondent", "CEO", "chief executive",
            "economist", "analyst", "professor", "general", "judge", "lawyer", "activist", "ambassador", "commander", "founder",
            "captain", "coach", "director", "secretary", "prosecutor", "author", "editor", "chairman", "chairwoman", "chair",
            "organiser", "organizer", "researcher", "scientist");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "On", "In", "At", "Of", "And", "But", "For", "Said",
            "Says", "Told", "Who", "This", "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");
    /** A person found by a role cue, with the number of times the full name occurs. */
    record Person(String name, int mentions, int firstAt) {
    }

    private RoleCuePeople() {
    }

    /**
     * People introduced by a role ending at one of {@code roleEnds} (offsets in {@code text}), except
     * names {@code known} accepts (already tagged from the gazetteer).
     */
    static List<Person> find(String text, int[] roleEnds, int roleCount, Predicate<String> known) {
        Map<String, Integer> firstAt = new LinkedHashMap<>();
        for (int r = 0; r < roleCount; r++) {
            int nameStart = skipToName(text, roleEnds[r]);
            if (nameStart < 0) {
                continue;
            }
            int nameEnd = nameEnd(text, nameStart);
            if (nameEnd > 0) {
                String name = text.substring(nameStart, nameEnd);
                if (!known.test(name)) {
                    firstAt.putIfAbsent(name, nameStart);
                }
            }
        }
        List<Person> people = new ArrayList<>();
        firstAt.forEach((name, at) -> people.add(new Person(name, Math.max(1, Tagger.countPhrase(text, name)), at)));
        return people;
    }

    /** Start of the word after a role: an optional comma, then one or two spaces; -1 when the shape does not fit. */
    private static int skipToName(String text, int pos) {
        if (pos < text.length() && text.charAt(pos) == ',') {
            pos++;
        }
        int spaces = 0;
        while (pos < text.length() && text.charAt(pos) == ' ' && spaces < 2) {
            pos++;
            spaces++;
        }
        return spaces == 0 ? -1 : pos;
    }

    /** End of a name of two or three capitalised words starting at {@code pos}, or -1. */
    private static int nameEnd(String text, int pos) {
        int words = 0;
        int end = -1;
        while (words < 3) {
            int wordEnd = nameWord(text, pos);
            if (wordEnd < 0 || NOT_NAMES.contains(text.substring(pos, wordEnd))) {
                break;
            }
            words++;
            end = wordEnd;
            if (wordEnd >= text.length() || text.charAt(wordEnd) != ' ') {
                break;
            }
            pos = wordEnd + 1;
        }
        return words >= 2 ? end : -1;
    }

    /** End of a capitalised word ("Armstrong", "O'Neil", "Jean-Luc") at {@code pos}, or -1. */
    private static int nameWord(String text, int pos) {
        if (pos >= text.length() || !Character.isUpperCase(text.charAt(pos))) {
            return -1;
        }
        int i = pos + 1;
        int lower = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLowerCase(c)) {
                lower++;
            } else if (c != '\'' && c != '\u2019' && c != '-') {
                break;
            }
            i++;
        }
        return lower == 0 ? -1 : i;
    }
}
