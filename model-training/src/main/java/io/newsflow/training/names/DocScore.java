package io.newsflow.training.names;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names scored at the document level, as the project is measured from outside: per document, the distinct names of
 * each type marked and the distinct names found; a name found matches a marked name of the same type when the words of
 * one contain the other's ("Putin" and "Vladimir Putin"). Precision: names found that match; recall: names marked that
 * are matched.
 */
final class DocScore {

    private final String name;
    private final Map<String, int[]> perType = new TreeMap<>(); // found matched, found, marked matched, marked

    DocScore(String name) {
        this.name = name;
    }

    /** One document: its marked and found names, each "TYPE\tname". */
    void add(Set<String> marked, Set<String> found) {
        for (String f : found) {
            int[] c = perType.computeIfAbsent(type(f), t -> new int[4]);
            c[1]++;
            c[0] += marked.stream().anyMatch(m -> matches(f, m)) ? 1 : 0;
        }
        for (String m : marked) {
            int[] c = perType.computeIfAbsent(type(m), t -> new int[4]);
            c[3]++;
            c[2] += found.stream().anyMatch(f -> matches(f, m)) ? 1 : 0;
        }
    }

    static boolean matches(String a, String b) {
        if (!type(a).equals(type(b))) {
            return false;
        }
        Set<String> x = words(a);
        Set<String> y = words(b);
        return !x.isEmpty() && !y.isEmpty() && (x.containsAll(y) || y.containsAll(x));
    }

    private static String type(String name) {
        return name.substring(0, name.indexOf('\t'));
    }

    private static Set<String> words(String name) {
        Set<String> words = new HashSet<>(Arrays.asList(name.substring(name.indexOf('\t') + 1).toLowerCase(Locale.ROOT)
                .replace("'s", "").split("[^\\p{L}\\p{N}]+")));
        words.remove("");
        return words;
    }

    /** Adds this score's counts to {@code total}. */
    void addTo(DocScore total) {
        perType.forEach((type, c) -> {
            int[] t = total.perType.computeIfAbsent(type, k -> new int[4]);
            for (int i = 0; i < 4; i++) {
                t[i] += c[i];
            }
        });
    }

    /** Precision and recall of {@code type}'s names ({0, 0} when none were found or marked). */
    double[] of(String type) {
        int[] c = perType.getOrDefault(type, new int[4]);
        return new double[] {c[1] == 0 ? 0 : (double) c[0] / c[1], c[3] == 0 ? 0 : (double) c[2] / c[3]};
    }

    double precision() {
        int[] all = total();
        return all[1] == 0 ? 0 : (double) all[0] / all[1];
    }

    double recall() {
        int[] all = total();
        return all[3] == 0 ? 0 : (double) all[2] / all[3];
    }

    private int[] total() {
        int[] all = new int[4];
        perType.values().forEach(c -> {
            for (int i = 0; i < 4; i++) {
                all[i] += c[i];
            }
        });
        return all;
    }

    void print(PrintStream out) {
        out.printf(Locale.ROOT, "%n== %s%n%-14s %9s %9s %7s %7s%n", name, "type", "precision", "recall", "found", "marked");
        List<String> types = new ArrayList<>(perType.keySet());
        for (String type : types) {
            int[] c = perType.get(type);
            out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %7d %7d%n", type, c[1] == 0 ? 0 : (double) c[0] / c[1], c[3] == 0 ? 0 : (double) c[2] / c[3],
                    c[1], c[3]);
        }
        int[] all = total();
        double p = precision();
        double r = recall();
        out.printf(Locale.ROOT, "%-14s %9.3f %9.3f %7d %7d   F1 %.3f%n", "all", p, r, all[1], all[3], p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
