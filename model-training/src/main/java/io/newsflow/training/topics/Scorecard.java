package io.newsflow.training.topics;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How right the best topic is on a set: accuracy (a text is right when its best topic is one of the labels it accepts; no
 * topic is wrong), how often a topic is given at all, precision and recall per label, and the confusion matrix (rows: the
 * text's first label, columns: the best topic given).
 */
final class Scorecard {

    static final String NONE = "(none)";

    private final String name;
    private final List<String[]> pairs = new ArrayList<>(); // expected first label, predicted (or NONE)
    private final List<Boolean> right = new ArrayList<>();
    private final List<Double> confidence = new ArrayList<>(); // the best topic's probability, NaN when none

    Scorecard(String name) {
        this.name = name;
    }

    /** One text: the labels it accepts (the first is its own), the best topic given (null: none) and that topic's probability. */
    void add(Set<String> accepted, String firstAccepted, String predicted, double probability) {
        pairs.add(new String[] {firstAccepted, predicted == null ? NONE : predicted});
        right.add(predicted != null && accepted.contains(predicted));
        confidence.add(predicted == null ? Double.NaN : probability);
    }

    int size() {
        return pairs.size();
    }

    double accuracy() {
        return pairs.isEmpty() ? 0 : right.stream().filter(b -> b).count() / (double) pairs.size();
    }

    double coverage() {
        return pairs.isEmpty() ? 0 : pairs.stream().filter(p -> !p[1].equals(NONE)).count() / (double) pairs.size();
    }

    void print(PrintStream out) {
        long correct = right.stream().filter(b -> b).count();
        out.printf(Locale.ROOT, "%n== %s: best topic right for %d of %d (%.3f); a topic given for %.3f%n", name, correct, pairs.size(),
                accuracy(), coverage());
        printReliability(out);
        Set<String> labels = new TreeSet<>();
        for (String[] p : pairs) {
            labels.add(p[0]);
            labels.add(p[1]);
        }
        // precision: of the texts given this best topic, the share that accept it; recall: of the texts whose own (first)
        // label this is, the share whose best topic is right
        Map<String, int[]> perLabel = new TreeMap<>(); // right as predicted, predicted, right as labelled, labelled
        for (int i = 0; i < pairs.size(); i++) {
            String[] p = pairs.get(i);
            int[] labelled = perLabel.computeIfAbsent(p[0], k -> new int[4]);
            int[] predicted = perLabel.computeIfAbsent(p[1], k -> new int[4]);
            labelled[3]++;
            predicted[1]++;
            if (right.get(i)) {
                predicted[0]++;
                labelled[2]++;
            }
        }
        out.printf(Locale.ROOT, "%-42s %9s %9s %8s%n", "label", "precision", "recall", "texts");
        perLabel.forEach((label, c) -> {
            if (!label.equals(NONE)) {
                out.printf(Locale.ROOT, "%-42s %9s %9s %8d%n", label, c[1] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) c[0] / c[1]),
                        c[3] == 0 ? "-" : String.format(Locale.ROOT, "%.3f", (double) c[2] / c[3]), c[3]);
            }
        });
        List<String> columns = new ArrayList<>(labels);
        out.print("confusion (rows: labelled, columns: best topic)\n" + String.format("%-8s", ""));
        for (String column : columns) {
            out.printf("%7s", abbreviation(column));
        }
        out.println();
        for (String row : columns) {
            if (pairs.stream().noneMatch(p -> p[0].equals(row))) {
                continue;
            }
            out.printf("%-8s", abbreviation(row));
            for (String column : columns) {
                long n = pairs.stream().filter(p -> p[0].equals(row) && p[1].equals(column)).count();
                out.printf("%7s", n == 0 ? "." : String.valueOf(n));
            }
            out.println();
        }
        out.print("  key: ");
        columns.forEach(c -> out.print(abbreviation(c) + "=" + c + "; "));
        out.println();
    }

    /** Calibration: for bands of the best topic's probability, how often it was right; and the expected calibration error. */
    private void printReliability(PrintStream out) {
        double[] edges = {0, 0.4, 0.6, 0.8, 0.9, 1.0001};
        StringBuilder line = new StringBuilder("calibration (best topic's probability: texts, mean probability, right):");
        double gap = 0;
        int given = 0;
        for (int b = 0; b + 1 < edges.length; b++) {
            int n = 0;
            double sum = 0;
            int ok = 0;
            for (int i = 0; i < confidence.size(); i++) {
                double p = confidence.get(i);
                if (!Double.isNaN(p) && p >= edges[b] && p < edges[b + 1]) {
                    n++;
                    sum += p;
                    ok += right.get(i) ? 1 : 0;
                }
            }
            if (n > 0) {
                line.append(String.format(Locale.ROOT, " [%.1f-%.1f) %d %.2f %.2f;", edges[b], Math.min(1, edges[b + 1]), n, sum / n, (double) ok / n));
                gap += Math.abs(sum - ok);
                given += n;
            }
        }
        out.println(line);
        out.printf(Locale.ROOT, "expected calibration error %.3f%n", given == 0 ? 0 : gap / given);
    }

    static String abbreviation(String label) {
        if (label.equals(NONE)) {
            return "none";
        }
        String first = label.split("[ ,]")[0];
        return first.substring(0, Math.min(6, first.length()));
    }
}
