package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds people the gazetteer lacks from the role that introduces them: "journalist Danny Armstrong",
 * "Defence Minister, Sergei Shoigu", "spokeswoman Anna Berg". The name is two or three capitalised
 * words right after the role. Found names are counted where they recur in full. Never throws.
 */
final class RoleCuePeople {

    private static final String ROLE = "(?:(?:Prime|Foreign|Defence|Defense|Finance|Interior|Health|Justice|Economy|Deputy|Culture)\\s+)?"
            + "(?:[Mm]inister|[Pp]resident|[Cc]hancellor|[Gg]overnor|[Mm]ayor|[Ss]enator|[Ss]pokesperson|[Ss]pokesman|[Ss]pokeswoman"
            + "|[Jj]ournalist|[Rr]eporter|[Cc]orrespondent|CEO|[Cc]hief [Ee]xecutive|[Ee]conomist|[Aa]nalyst|[Pp]rofessor|[Gg]eneral"
            + "|[Jj]udge|[Ll]awyer|[Aa]ctivist|[Aa]mbassador|[Cc]ommander|[Ff]ounder|[Cc]aptain|[Cc]oach|[Dd]irector|[Ss]ecretary"
            + "|[Pp]rosecutor|[Aa]uthor|[Ee]ditor|[Cc]hairman|[Cc]hairwoman|[Cc]hair|[Oo]rganiser|[Oo]rganizer|[Rr]esearcher|[Ss]cientist)";
    private static final String NAME_WORD = "\\p{Lu}[\\p{Ll}'\u2019-]+";
    private static final Pattern CUE = Pattern.compile("\\b" + ROLE + ",?\\s+(" + NAME_WORD + "(?:\\s+" + NAME_WORD + "){1,2})\\b");
    private static final Set<String> NOT_NAMES = Set.of("The", "A", "An", "On", "In", "At", "Of", "And", "But", "For", "Said",
            "Says", "Told", "Who", "This", "That", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    /** A person found by a role cue, with the number of times the full name occurs. */
    record Person(String name, int mentions, int firstAt) {
    }

    private RoleCuePeople() {
    }

    /** People introduced by a role, except names {@code known} accepts (already tagged from the gazetteer). */
    static List<Person> find(String text, Predicate<String> known) {
        Map<String, Integer> firstAt = new LinkedHashMap<>();
        Matcher matcher = CUE.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (isName(name) && !known.test(name)) {
                firstAt.putIfAbsent(name, matcher.start(1));
            }
        }
        List<Person> people = new ArrayList<>();
        firstAt.forEach((name, at) -> people.add(new Person(name, occurrences(text, name), at)));
        return people;
    }

    private static boolean isName(String candidate) {
        for (String word : candidate.split("\\s+")) {
            if (NOT_NAMES.contains(word)) {
                return false;
            }
        }
        return true;
    }

    private static int occurrences(String text, String name) {
        int count = 0;
        for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + name.length())) {
            count++;
        }
        return Math.max(count, 1);
    }
}
