package io.newsflow.enrich.extract;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much of the expected text an extraction found, on word tokens: both texts lowercased and cut
 * into words (letters and digits), then precision = shared tokens / extracted tokens and recall =
 * shared tokens / expected tokens, where shared counts each word as often as it is in both (a bag of
 * words, as in the article-extraction benchmarks' token measure). Order is not scored; the golden
 * test checks the line order separately.
 */
record TextOverlap(double precision, double recall) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    static TextOverlap of(String extracted, String expected) {
        Map<String, Integer> got = bag(extracted);
        Map<String, Integer> want = bag(expected);
        int shared = 0;
        for (Map.Entry<String, Integer> entry : got.entrySet()) {
            shared += Math.min(entry.getValue(), want.getOrDefault(entry.getKey(), 0));
        }
        int gotTotal = got.values().stream().mapToInt(Integer::intValue).sum();
        int wantTotal = want.values().stream().mapToInt(Integer::intValue).sum();
        return new TextOverlap(gotTotal == 0 ? (wantTotal == 0 ? 1 : 0) : (double) shared / gotTotal,
                wantTotal == 0 ? 1 : (double) shared / wantTotal);
    }

    double f1() {
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    private static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher matcher = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            bag.merge(matcher.group(), 1, Integer::sum);
        }
        return bag;
    }
}
