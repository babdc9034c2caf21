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

    /** Calls {@code each} with the hash of every word of {@code text} (null: none), in order. */
    public static void each(String text, LongConsumer each) {
        int n = text == null ? 0 : text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            int cp = c < 128 ? c : text.codePointAt(i);
            if (c < 128 ? ASCII_WORD[c] == 0 : !Character.isLetterOrDigit(cp)) {
                i += c < 128 ? 1 : Character.charCount(cp);
                continue;
            }
            long word = 0xcbf29ce484222325L;
            while (i < n) {
                c = text.charAt(i);
                if (c < 128) { // the common case, without the code-point calls
                    if (ASCII_WORD[c] == 0) {
                        break;
                    }
                    word = (word ^ ASCII_WORD[c]) * 0x100000001b3L;
                    i++;
                    continue;
                }
                cp = text.codePointAt(i);
                if (!Character.isLetterOrDigit(cp)) {
                    break;
                }
                word = (word ^ Character.toLowerCase(cp)) * 0x100000001b3L;
                i += Character.charCount(cp);
            }
            each.accept(word);
        }
    }

    /** splitmix64's finaliser: every input bit moves about half the output bits. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
