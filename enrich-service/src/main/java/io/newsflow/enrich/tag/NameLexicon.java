package io.newsflow.enrich.tag;

import io.newsflow.schema.TagType;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What is known of each token before the name recogniser weighs it: whether it is a given name, and whether it is the
 * first or a later word of a gazetteer name of a type (the longest match over the tokens, case as written). The
 * recogniser reads these as features beside the words themselves, so a known name helps without being the only way to
 * find one. Plain Java; immutable, one instance serves every thread.
 */
public final class NameLexicon {

    static final int FIRST_NAME = 1;
    /** Gazetteer flags: bit {@code GAZETTEER << (2 * type)} for a first word, the next bit up for a later word. */
    static final int GAZETTEER = 2;
    private static final List<TagType> TYPES = List.of(TagType.PERSON, TagType.PLACE, TagType.ORGANIZATION);

    private final List<Gazetteer.Entry> entries;
    private final TermMatcher matcher;
    /** The first names, lowercased, in an open-addressing table by {@link #hash}: looked up from the text, no string made. */
    private final String[] names;
    private final long[] nameHashes;
    private final int mask;

    public NameLexicon(Gazetteer gazetteer, List<String> firstNames) {
        this.entries = gazetteer.entries();
        this.matcher = new TermMatcher(entries);
        Set<String> lowered = new HashSet<>();
        for (String name : firstNames) {
            lowered.add(name.toLowerCase(Locale.ROOT));
        }
        int capacity = Integer.highestOneBit(Math.max(16, lowered.size() * 2)) << 1;
        names = new String[capacity];
        nameHashes = new long[capacity];
        mask = capacity - 1;
        for (String name : lowered) {
            long hash = hash(name, 0, name.length());
            int slot = (int) hash & mask;
            while (names[slot] != null) {
                slot = (slot + 1) & mask;
            }
            names[slot] = name;
            nameHashes[slot] = hash;
        }
    }

    /** The bundled gazetteer and first names. */
    public static NameLexicon bundled() {
        return new NameLexicon(Gazetteer.bundled(), FirstNames.bundled());
    }

    /** The matcher of the gazetteer names the flags come from: scan a text with it (alone, or beside another) into {@link TermMatcher.Matches}. */
    public TermMatcher matcher() {
        return matcher;
    }

    /** The flags of each token. */
    public int[] flags(NameTokens tokens) {
        TermMatcher.Matches matches = new TermMatcher.Matches();
        matcher.match(tokens.text(), matches);
        return flags(tokens, matches);
    }

    /** The flags of each token, with {@code matches} the gazetteer matches of the tokens' text (by {@link #matcher()}). */
    public int[] flags(NameTokens tokens, TermMatcher.Matches matches) {
        int[] flags = new int[tokens.size()];
        String text = tokens.text();
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.capitalised(i) && isFirstName(text, tokens.start(i), tokens.end(i))) {
                flags[i] |= FIRST_NAME;
            }
        }
        int token = 0;
        for (int m = 0; m < matches.count; m++) {
            int type = TYPES.indexOf(entries.get(matches.entry[m]).type());
            if (type < 0) {
                continue;
            }
            int start = matches.start[m];
            while (token < tokens.size() && tokens.end(token) <= start) {
                token++;
            }
            for (int i = token; i < tokens.size() && tokens.start(i) < matches.end[m]; i++) {
                flags[i] |= (tokens.start(i) <= start ? GAZETTEER : GAZETTEER << 1) << (2 * type);
            }
        }
        return flags;
    }

    /**
     * Whether {@code text[from, to)}, lowercased as {@code String.toLowerCase(Locale.ROOT)} does, is a first name. Char by
     * char, that is {@code Character.toLowerCase}, except for the chars it treats specially (dotted capital I, capital
     * sigma) and those beyond the Basic Multilingual Plane: a word with one of those is lowercased as a string.
     */
    boolean isFirstName(String text, int from, int to) {
        long hash = FNV;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\u0130' || c == '\u03a3' || Character.isSurrogate(c)) {
                String lowered = text.substring(from, to).toLowerCase(Locale.ROOT);
                return find(hash(lowered, 0, lowered.length()), lowered, 0, lowered.length(), false) >= 0;
            }
            hash = (hash ^ Chars.lower(c)) * PRIME;
        }
        return find(hash, text, from, to, true) >= 0;
    }

    private int find(long hash, String text, int from, int to, boolean lower) {
        int slot = (int) hash & mask;
        String name;
        while ((name = names[slot]) != null) {
            if (nameHashes[slot] == hash && name.length() == to - from && same(name, text, from, lower)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private static boolean same(String name, String text, int from, boolean lower) {
        for (int k = 0; k < name.length(); k++) {
            char c = text.charAt(from + k);
            if (name.charAt(k) != (lower ? Chars.lower(c) : c)) {
                return false;
            }
        }
        return true;
    }

    private static long hash(String s, int from, int to) {
        long hash = FNV;
        for (int k = from; k < to; k++) {
            hash = (hash ^ s.charAt(k)) * PRIME;
        }
        return hash;
    }

    private static final long FNV = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
}
