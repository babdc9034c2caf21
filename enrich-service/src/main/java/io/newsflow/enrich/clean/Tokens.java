package io.newsflow.enrich.clean;

import java.util.Arrays;

/**
 * The words of a text, scanned once: where each word starts and ends, its hash and its shape. A word is a run of
 * letters and digits; its hash is FNV-1a over its lowercased code points, as {@link WordHashes} makes it. One instance is
 * reused text after text (its arrays grow and stay), so a scan allocates nothing per word. Plain Java; never throws on
 * text; not thread-safe (keep one per thread).
 */
public final class Tokens {

    /** All lowercase (or no case: digits mixed with letters of a caseless script). */
    public static final byte LOWER = 0;
    /** An uppercase first letter, the rest lowercase: {@code Berlin}. */
    public static final byte CAPITALISED = 1;
    /** Two or more letters, all uppercase: {@code NATO}. */
    public static final byte UPPER = 2;
    /** Digits only: {@code 2026}. */
    public static final byte DIGITS = 3;
    /** Letters and digits, or case inside the word: {@code iPhone}, {@code G7}. */
    public static final byte MIXED = 4;

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private String text = "";
    private int size;
    private long[] hashes = new long[64];
    /** Per word: its end offset (low 32 bits), and bit 32 set when it has a letter (else it is a number). */
    private long[] ends = new long[64];

    private static final long HAS_LETTER = 1L << 32;

    /**
     * For every char of the Basic Multilingual Plane: its class and its lowercase form, looked up once here rather than
     * through Character's tables per char. Surrogates (characters beyond the plane) go the slow way, by code point.
     */
    private static final byte[] CLASS = new byte[65536];
    private static final char[] LOWER_CHAR = new char[65536];
    /** Both in one: the class in bits 16-17, the lowercase form below, so the loop reads one entry per char. */
    private static final int[] INFO = new int[65536];
    private static final byte NONE = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte SURROGATE = 3;
    /** Per class: 1 inside a word. */
    private static final long[] WORD = {0, 1, 1, 0};
    /** Per class: {@link #HAS_LETTER} for a letter. */
    private static final long[] LETTER_BIT = {0, HAS_LETTER, 0, 0};

    static {
        for (int c = 0; c < 65536; c++) {
            LOWER_CHAR[c] = (char) c;
            if (Character.isSurrogate((char) c)) {
                CLASS[c] = SURROGATE;
            } else if (Character.isDigit(c)) {
                CLASS[c] = DIGIT;
            } else if (Character.isLetterOrDigit(c)) {
                CLASS[c] = LETTER;
                int lower = Character.toLowerCase(c);
                LOWER_CHAR[c] = lower < 65536 ? (char) lower : (char) c;
            }
            INFO[c] = CLASS[c] << 16 | LOWER_CHAR[c];
        }
    }

    /**
     * Scans {@code text} (null: no words), replacing what this held, in a loop without a branch per character (as
     * {@link WordHashes} does: where a word ends depends on the text, which a CPU cannot predict), recording for each word
     * only its hash and where it ends; where it starts and its shape are worked out when asked. The first surrogate (a
     * character beyond the Basic Multilingual Plane) hands the rest to a loop over code points.
     */
    public Tokens scan(String text) {
        this.text = text == null ? "" : text;
        String s = this.text;
        int length = s.length();
        ensure(length / 2 + 2);
        long[] hashes = this.hashes;
        long[] ends = this.ends;
        int n = 0;
        long hash = FNV_OFFSET;
        long letter = 0;
        long inWord = 0;
        for (int i = 0; i < length; i++) {
            int info = INFO[s.charAt(i)];
            int kind = info >>> 16;
            if (kind == SURROGATE) {
                return general(s, i, n, hash, letter, inWord != 0);
            }
            long word = WORD[kind];
            hashes[n] = hash; // the word in progress: kept if it ends here, overwritten otherwise
            ends[n] = i | letter;
            n += (int) (inWord & (word ^ 1));
            long keep = -word;
            letter = (letter | LETTER_BIT[kind]) & keep;
            hash = (((hash ^ (info & 0xFFFF)) * FNV_PRIME) & keep) | (FNV_OFFSET & ~keep);
            inWord = word;
        }
        if (inWord != 0) {
            hashes[n] = hash;
            ends[n] = length | letter;
            n++;
        }
        size = n;
        return this;
    }

    /** From {@code i} on, code point by code point, continuing a word already begun when {@code inWord}. */
    private Tokens general(String s, int i, int n, long hash, long letter, boolean inWord) {
        int length = s.length();
        while (i < length) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                if (!inWord) {
                    hash = FNV_OFFSET;
                    letter = 0;
                }
                letter |= Character.isDigit(cp) ? 0 : HAS_LETTER;
                hash = (hash ^ Character.toLowerCase(cp)) * FNV_PRIME;
                inWord = true;
            } else if (inWord) {
                n = add(n, i, hash, letter);
                inWord = false;
            }
            i += Character.charCount(cp);
        }
        if (inWord) {
            n = add(n, length, hash, letter);
        }
        size = n;
        return this;
    }

    private int add(int n, int end, long hash, long letter) {
        ensure(n + 1);
        hashes[n] = hash;
        ends[n] = end | letter;
        return n + 1;
    }

    private void ensure(int capacity) {
        if (hashes.length < capacity) {
            int grown = Math.max(capacity, hashes.length * 2);
            hashes = Arrays.copyOf(hashes, grown);
            ends = Arrays.copyOf(ends, grown);
        }
    }

    /** The text scanned last. */
    public String text() {
        return text;
    }

    public int size() {
        return size;
    }

    /** Word {@code i}'s hash (FNV-1a over its lowercased code points). */
    public long hash(int i) {
        return hashes[i];
    }

    /** Where word {@code i} starts: worked out from its end, back over its letters and digits. */
    public int start(int i) {
        int start = end(i);
        while (start > 0) {
            int cp = text.codePointBefore(start);
            if (!Character.isLetterOrDigit(cp)) {
                break;
            }
            start -= Character.charCount(cp);
        }
        return start;
    }

    public int end(int i) {
        return (int) ends[i];
    }

    /** Word {@code i}'s shape: {@link #LOWER}, {@link #CAPITALISED}, {@link #UPPER}, {@link #DIGITS} or {@link #MIXED}. */
    public byte shape(int i) {
        if (isNumber(i)) {
            return DIGITS;
        }
        int letters = 0;
        int upper = 0;
        boolean digits = false;
        boolean firstUpper = false;
        boolean laterUpper = false;
        int end = end(i);
        for (int at = start(i); at < end; ) {
            int cp = text.codePointAt(at);
            if (Character.isDigit(cp)) {
                digits = true;
            } else {
                letters++;
                if (Character.isUpperCase(cp)) {
                    upper++;
                    firstUpper |= letters == 1 && !digits;
                    laterUpper |= letters > 1 || digits;
                }
            }
            at += Character.charCount(cp);
        }
        if (digits) {
            return MIXED;
        }
        if (upper == letters && letters >= 2) {
            return UPPER;
        }
        if (upper == 0) {
            return LOWER;
        }
        return firstUpper && !laterUpper ? CAPITALISED : MIXED;
    }

    /** Whether word {@code i} is digits only (a number). */
    public boolean isNumber(int i) {
        return (ends[i] & HAS_LETTER) == 0;
    }

    /** Word {@code i} as it stands in the text. */
    public String word(int i) {
        return text.substring(start(i), end(i));
    }
}
