package io.newsflow.enrich.tag;

/**
 * What the tagger's text readers (the gazetteer matcher, the name recogniser's tokens and features) ask of each char,
 * for every char of the Basic Multilingual Plane, worked out once from {@link Character}'s char methods, so the per-char
 * loops read an array instead of Character's tables. The answers are those of {@code Character.isUpperCase(char)} and
 * the rest exactly.
 */
final class Chars {

    static final int UPPER = 1;
    static final int LOWER = 2;
    static final int DIGIT = 4;
    static final int LETTER_OR_DIGIT = 8;
    /** {@code Character.isWhitespace(c) || Character.isSpaceChar(c)}. */
    static final int SPACE = 16;

    private static final byte[] FLAGS = new byte[65536];
    private static final char[] TO_LOWER = new char[65536];
    private static final char[] TO_UPPER = new char[65536];

    static {
        for (int i = 0; i < 65536; i++) {
            char c = (char) i;
            FLAGS[i] = (byte) ((Character.isUpperCase(c) ? UPPER : 0) | (Character.isLowerCase(c) ? LOWER : 0)
                    | (Character.isDigit(c) ? DIGIT : 0) | (Character.isLetterOrDigit(c) ? LETTER_OR_DIGIT : 0)
                    | (Character.isWhitespace(c) || Character.isSpaceChar(c) ? SPACE : 0));
            TO_LOWER[i] = Character.toLowerCase(c);
            TO_UPPER[i] = Character.toUpperCase(c);
        }
    }

    private Chars() {
    }

    static boolean is(char c, int flag) {
        return (FLAGS[c] & flag) != 0;
    }

    static int flags(char c) {
        return FLAGS[c];
    }

    static char lower(char c) {
        return TO_LOWER[c];
    }

    static char upper(char c) {
        return TO_UPPER[c];
    }
}
