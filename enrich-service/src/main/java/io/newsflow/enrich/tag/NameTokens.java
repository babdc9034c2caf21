package io.newsflow.enrich.tag;

import java.util.List;

/**
 * A text cut into the tokens the name recogniser reads, as news corpora are cut: words (letters and digits, with inner
 * periods, hyphens and apostrophes: "U.S.", "al-Assad", "O'Brien"), a possessive "'s" on its own, and each other
 * non-space character alone; a token knows where it stands in the text and whether it starts a sentence (the first of a
 * line, or after ". ", "! ", "? "). Plain Java; never throws on text.
 */
public final class NameTokens {

    private static final byte SENTENCE_START = 1;
    private static final byte LINE_START = 2;

    private final String text;
    private int size;
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    private byte[] flags = new byte[64];

    private NameTokens(String text) {
        this.text = text;
    }

    private void add(int start, int end, boolean sentenceStart, boolean lineStart) {
        int k = size++;
        if (k == starts.length) {
            starts = java.util.Arrays.copyOf(starts, k * 2);
            ends = java.util.Arrays.copyOf(ends, k * 2);
            flags = java.util.Arrays.copyOf(flags, k * 2);
        }
        starts[k] = start;
        ends[k] = end;
        flags[k] = (byte) ((sentenceStart ? SENTENCE_START : 0) | (lineStart ? LINE_START : 0));
    }

    /** Tokens already cut (a corpus), as if separated by single spaces, one sentence. */
    public static NameTokens of(List<String> tokens) {
        NameTokens out = new NameTokens(String.join(" ", tokens));
        int at = 0;
        for (int k = 0; k < tokens.size(); k++) {
            String token = tokens.get(k);
            out.add(at, at + token.length(), k == 0, k == 0);
            at += token.length() + 1;
        }
        return out;
    }

    /** The tokens of {@code text} (null: none). */
    public static NameTokens cut(String text) {
        String s = text == null ? "" : text;
        NameTokens out = new NameTokens(s);
        boolean sentenceStart = true;
        boolean lineStart = true;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                sentenceStart = true;
                lineStart = true;
                i++;
                continue;
            }
            if (Chars.is(c, Chars.SPACE)) {
                i++;
                continue;
            }
            int start = i;
            if (Chars.is(c, Chars.LETTER_OR_DIGIT)) {
                i++;
                while (i < n) {
                    char d = s.charAt(i);
                    if (Chars.is(d, Chars.LETTER_OR_DIGIT)) {
                        i++;
                    } else if ((d == '.' || d == '-' || d == '\'' || d == '\u2019') && i + 1 < n && Chars.is(s.charAt(i + 1), Chars.LETTER_OR_DIGIT)
                            && !isPossessive(s, i)) {
                        i += 2;
                    } else if (d == '.' && i - start == 1 && Chars.is(c, Chars.UPPER)) {
                        i++; // an initial: "J." of "J. Smith"
                        break;
                    } else {
                        break;
                    }
                }
            } else if ((c == '\'' || c == '\u2019') && isPossessive(s, i)) {
                i += 2;
            } else {
                i++;
            }
            out.add(start, i, sentenceStart, lineStart);
            lineStart = false;
            sentenceStart = i - start == 1 && (c == '.' || c == '!' || c == '?') && (i >= n || Character.isWhitespace(s.charAt(i)));
        }
        return out;
    }

    /** An apostrophe at {@code i} followed by an "s" that ends the word. */
    private static boolean isPossessive(String s, int i) {
        return i + 1 < s.length() && (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
                && (i + 2 >= s.length() || !Chars.is(s.charAt(i + 2), Chars.LETTER_OR_DIGIT));
    }

    public int size() {
        return size;
    }

    /** Token {@code i} as a string (made on each call: hot paths read the text between {@link #start} and {@link #end}). */
    public String word(int i) {
        return text.substring(starts[i], ends[i]);
    }

    /** Whether token {@code i} starts with an uppercase letter. */
    public boolean capitalised(int i) {
        char first = text.charAt(starts[i]);
        return Character.isSurrogate(first) ? Character.isUpperCase(text.codePointAt(starts[i])) : Chars.is(first, Chars.UPPER);
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    /** The first token of a line, or after a sentence's end. */
    public boolean sentenceStart(int i) {
        return (flags[i] & SENTENCE_START) != 0;
    }

    /** The first token of a line: a name never runs on from the line before. */
    public boolean lineStart(int i) {
        return (flags[i] & LINE_START) != 0;
    }

    /** The text the tokens were cut from (for a corpus: the tokens joined by spaces). */
    public String text() {
        return text;
    }
}
