package io.newsflow.enrich.clean;

import java.util.function.LongConsumer;

/**
 * The words of a text as 64-bit hashes, for the fingerprints and the topic classifier: a word is a run of
 * letters and digits, lowercased, hashed with FNV-1a over its code points (tools/topic-classifier/train.py
 * hashes the same way). Plain Java; never throws on text.
 */
public final class WordHashes {

    /** For each ASCII character: its lowercase form if it is a letter or digit, else 0. */
    private static final char[] ASCII_WORD = new char[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD[c] = Character.isLetterOrDigit(c) ? Character.toLowerCase(c) : 0;
        }
    }

    private WordHashes() {
    }

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    /** Calls {@code each} with the hash of every word of {@code text} (null: none), in order. */
    public static void each(String text, LongConsumer each) {
        long[] words = new long[capacity(text)];
        int n = hashes(text, words);
        for (int i = 0; i < n; i++) {
            each.accept(words[i]);
        }
    }

    /** The room {@link #hashes} needs for {@code text}: a word and a separator take at least two characters. */
    public static int capacity(String text) {
        return text == null ? 1 : text.length() / 2 + 1;
    }

    /**
     * Writes the hash of every word of {@code text} (null: none), in order, into {@code out}, which has at least
     * {@link #capacity} places, and returns how many there are. ASCII text goes through a loop without a branch per
     * character: where a word ends depends on the text, which a CPU cannot predict, and mispredicted word ends were
     * most of the cost; the first character beyond ASCII hands the rest to the general loop over code points.
     */
    public static int hashes(String text, long[] out) {
        int length = text == null ? 0 : text.length();
        int n = 0;
        long word = FNV_OFFSET;
        long inWord = 0; // 1 inside a word, else 0
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 128) {
                return general(text, i, word, inWord != 0, out, n);
            }
            long lower = ASCII_WORD[c];
            long letter = (lower + 127) >>> 7; // 1 for a letter or digit (1..127), 0 for anything else
            long keep = -letter;               // all ones inside a word
            out[n] = word;                     // a word that ends here stays; otherwise the next store overwrites it
            n += (int) (inWord & (letter ^ 1));
            word = (((word ^ lower) * FNV_PRIME) & keep) | (FNV_OFFSET & ~keep);
            inWord = letter;
        }
        out[n] = word;
        return n + (int) inWord;
    }

    /** From {@code i} on, code point by code point, continuing a word already begun when {@code inWord}. */
    private static int general(String text, int i, long word, boolean inWord, long[] out, int n) {
        int length = text.length();
        while (i < length) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                word = (word ^ (cp < 128 ? ASCII_WORD[cp] : Character.toLowerCase(cp))) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                out[n++] = word;
                word = FNV_OFFSET;
                inWord = false;
            }
        }
        if (inWord) {
            out[n++] = word;
        }
        return n;
    }

    /** splitmix64's finaliser: every input bit moves about half the output bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
