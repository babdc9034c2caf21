package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words: maximal runs of letters and digits. Punctuation, apostrophes and hyphens
 * separate words, so "Putin's" yields "Putin" (and "s") and "St. Petersburg" and "St Petersburg" both
 * yield "St", "Petersburg".
 */
final class Tokens {
    private Tokens() {
    }

    static List<String> of(String text) {
        List<String> words = new ArrayList<>();
        int length = text.length();
        int i = 0;
        while (i < length) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                int start = i;
                do {
                    i += Character.charCount(cp);
                } while (i < length && Character.isLetterOrDigit(cp = text.codePointAt(i)));
                words.add(text.substring(start, i));
            } else {
                i += Character.charCount(cp);
            }
        }
        return words;
    }
}
