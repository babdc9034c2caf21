package io.newsflow.enrich.tag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds every gazetteer alias in a text in one pass, whole words only and case-sensitively, longest
 * alias first. Built for throughput: a per-character table skips words that cannot start an alias
 * (most words: aliases start with a capital), the remaining words are hashed while they are scanned
 * and looked up in an open-addressing table, and multi-word aliases are checked in place against the
 * text. Nothing is allocated per word; per text, only the caller's {@link Hits} are written.
 */
public final class TermMatcher {

    /** What may stand between the words of a multi-word alias in a text: "St. Petersburg", "Côte d'Ivoire". */
    private static final String JOINERS = " .-'\u2019\u00a0\t";
    private static final int MAX_JOIN = 3;


    private final boolean[] canStart = new boolean[65536];
    private final int mask;
    private final int[] slotHash;
    private final char[][] slotWord;
    private final int[][] slotAliases; // alias ids for the first word in the slot, longest first
    private final char[][][] aliasWords;
    private final int[] aliasEntry;
    private final int entryCount;
    private final boolean foldCase;

    /** Receives every match: the entry and the match's char range {@code [start, end)}. */
    public interface Listener {
        void onMatch(int entry, int start, int end);
    }

    /** Every match of one text, in text order, as arrays; reuse one per thread, {@link #reset()} between texts. */
    public static final class Matches implements Listener {
        int[] entry = new int[64];
        int[] start = new int[64];
        int[] end = new int[64];
        int count;

        /** Forgets the last text's matches. */
        public void reset() {
            count = 0;
        }

        @Override
        public void onMatch(int e, int s, int x) {
            if (count == entry.length) {
                entry = Arrays.copyOf(entry, count * 2);
                start = Arrays.copyOf(start, count * 2);
                end = Arrays.copyOf(end, count * 2);
            }
            entry[count] = e;
            start[count] = s;
            end[count] = x;
            count++;
        }
    }

    /** Where the matches of one text go; reuse one per thread, {@link #reset()} between texts. */
    public static final class Hits implements Listener {
        final int[] mentions;
        final int[] firstAt;
        final int[] touched;
        int touchedCount;

        Hits(int entries) {
            mentions = new int[entries];
            firstAt = new int[entries];
            touched = new int[entries];
        }

        /** Forgets the last text in time proportional to what it found. */
        public void reset() {
            for (int i = 0; i < touchedCount; i++) {
                mentions[touched[i]] = 0;
            }
            touchedCount = 0;
        }

        @Override
        public void onMatch(int entry, int start, int end) {
            if (mentions[entry]++ == 0) {
                firstAt[entry] = start;
                touched[touchedCount++] = entry;
            }
        }

        /** Number of distinct entries found. */
        public int found() {
            return touchedCount;
        }

        /** The i-th distinct entry found, in order of first mention. */
        public int entry(int i) {
            return touched[i];
        }

        public int mentions(int entry) {
            return mentions[entry];
        }

        /** Char offset of the entry's first mention. */
        public int firstAt(int entry) {
            return firstAt[entry];
        }
    }

    /** A case-sensitive matcher of the entries' aliases. */
    public TermMatcher(List<Gazetteer.Entry> entries) {
        this(entries, false);
    }

    /**
     * @param foldCase match regardless of case (aliases and text are compared lower-cased), for keyword
     *                 models; entity names match case-sensitively
     */
    public TermMatcher(List<Gazetteer.Entry> entries, boolean foldCase) {
        this.entryCount = entries.size();
        this.foldCase = foldCase;
        Map<String, List<Integer>> byFirstWord = new HashMap<>();
        List<char[][]> words = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int e = 0; e < entries.size(); e++) {
            for (String alias : entries.get(e).aliases()) {
                char[][] split = split(foldCase ? fold(alias) : alias);
                if (split.length == 0) {
                    continue;
                }
                int id = words.size();
                words.add(split);
                owners.add(e);
                byFirstWord.computeIfAbsent(new String(split[0]), w -> new ArrayList<>()).add(id);
                canStart[split[0][0]] = true;
            }
        }
        aliasWords = words.toArray(char[][][]::new);
        aliasEntry = owners.stream().mapToInt(Integer::intValue).toArray();
        int size = Integer.highestOneBit(Math.max(16, byFirstWord.size() * 4 - 1)) << 1;
        mask = size - 1;
        slotHash = new int[size];
        slotWord = new char[size][];
        slotAliases = new int[size][];
        for (Map.Entry<String, List<Integer>> first : byFirstWord.entrySet()) {
            char[] word = first.getKey().toCharArray();
            int hash = hash(word);
            int slot = hash & mask;
            while (slotWord[slot] != null) {
                slot = (slot + 1) & mask;
            }
            slotHash[slot] = hash;
            slotWord[slot] = word;
            slotAliases[slot] = first.getValue().stream()
                    .sorted((a, b) -> Integer.compare(aliasWords[b].length, aliasWords[a].length))
                    .mapToInt(Integer::intValue).toArray();
        }
    }

    /** Scratch space for texts matched against this matcher. */
    public Hits newHits() {
        return new Hits(entryCount);
    }

    /** Adds every alias occurrence in {@code text} to {@code hits} (call {@link Hits#reset()} first to start over). */
    public void match(CharSequence text, Hits hits) {
        match(text, (Listener) hits);
    }

    /** Reports every alias occurrence in {@code text}, left to right. */
    public void match(CharSequence text, Listener hits) {
        matchBoth(text, this, hits, null, null);
    }

    /**
     * One scan of {@code text} for two dictionaries at once (typically a case-sensitive one of names and a
     * case-folded one of keywords): each word is read once and looked up in both. {@code second} may be null.
     */
    public static void matchBoth(CharSequence source, TermMatcher first, Listener firstHits, TermMatcher second,
                                 Listener secondHits) {
        int n = source.length();
        char[] text = chars(source);
        int i = 0;
        int firstFree = 0; // a dictionary's matches never overlap: words inside a match start nothing
        int secondFree = 0;
        while (i < n) {
            char c = text[i];
            if (!Chars.is(c, Chars.LETTER_OR_DIGIT)) {
                i++;
                continue;
            }
            int start = i;
            boolean firstCandidate = first.canStart[first.foldCase ? Chars.lower(c) : c] && start >= firstFree;
            boolean secondCandidate = second != null && second.canStart[second.foldCase ? Chars.lower(c) : c] && start >= secondFree;
            if (!firstCandidate && !secondCandidate) {
                do {
                    i++;
                } while (i < n && Chars.is(text[i], Chars.LETTER_OR_DIGIT));
                continue;
            }
            int exact = 0;
            int folded = 0;
            do {
                exact = 31 * exact + c;
                folded = 31 * folded + Chars.lower(c);
                i++;
            } while (i < n && Chars.is(c = text[i], Chars.LETTER_OR_DIGIT));
            if (firstCandidate) {
                int end = first.matchAt(text, n, start, i, first.foldCase ? folded : exact, firstHits);
                firstFree = Math.max(firstFree, end);
            }
            if (secondCandidate) {
                int end = second.matchAt(text, n, start, i, second.foldCase ? folded : exact, secondHits);
                secondFree = Math.max(secondFree, end);
            }
        }
    }

    /** Tries the aliases whose first word is {@code text[start, wordEnd)}; returns the match's end, or 0. */
    private int matchAt(char[] text, int n, int start, int wordEnd, int hash, Listener hits) {
        int slot = find(hash, text, start, wordEnd);
        if (slot < 0) {
            return 0;
        }
        for (int alias : slotAliases[slot]) {
            int end = matchRest(aliasWords[alias], text, n, wordEnd, foldCase);
            if (end >= 0) {
                hits.onMatch(aliasEntry[alias], start, end);
                return end;
            }
        }
        return 0;
    }

    private int find(int hash, char[] text, int start, int end) {
        int slot = hash & mask;
        char[] word;
        while ((word = slotWord[slot]) != null) {
            if (slotHash[slot] == hash && equals(word, text, start, end, foldCase)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** End offset of the alias whose first word ends at {@code pos}, or -1 when the rest does not follow. */
    private static int matchRest(char[][] words, char[] text, int n, int pos, boolean foldCase) {
        for (int w = 1; w < words.length; w++) {
            int joined = 0;
            while (pos < n && joined < MAX_JOIN && JOINERS.indexOf(text[pos]) >= 0) {
                pos++;
                joined++;
            }
            char[] word = words[w];
            if (joined == 0 || pos + word.length > n) {
                return -1;
            }
            for (int k = 0; k < word.length; k++) {
                char c = text[pos + k];
                if ((foldCase ? Chars.lower(c) : c) != word[k]) {
                    return -1;
                }
            }
            pos += word.length;
            if (pos < n && Chars.is(text[pos], Chars.LETTER_OR_DIGIT)) {
                return -1;
            }
        }
        return pos;
    }

    private static boolean equals(char[] word, char[] text, int start, int end, boolean foldCase) {
        if (word.length != end - start) {
            return false;
        }
        for (int k = 0; k < word.length; k++) {
            char c = text[start + k];
            if (word[k] != (foldCase ? Chars.lower(c) : c)) {
                return false;
            }
        }
        return true;
    }

    private static String fold(String alias) {
        char[] chars = alias.toCharArray();
        for (int k = 0; k < chars.length; k++) {
            chars[k] = Chars.lower(chars[k]);
        }
        return new String(chars);
    }

    private static int hash(char[] word) {
        int hash = 0;
        for (char c : word) {
            hash = 31 * hash + c;
        }
        return hash;
    }

    /**
     * One reusable buffer per thread: the text is scanned as a char array, and copying it there allocates
     * nothing. Listeners must not start another scan on the same thread (none does).
     */
    private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[8192]);

    /** Texts longer than this get a buffer of their own, so one huge article does not pin memory per thread. */
    private static final int MAX_KEPT_BUFFER = 1 << 20;

    private static char[] chars(CharSequence source) {
        int n = source.length();
        char[] buffer = BUFFER.get();
        if (buffer.length < n) {
            buffer = new char[n];
            if (n <= MAX_KEPT_BUFFER) {
                BUFFER.set(buffer);
            }
        }
        if (source instanceof String string) {
            string.getChars(0, n, buffer, 0);
        } else {
            for (int i = 0; i < n; i++) {
                buffer[i] = source.charAt(i);
            }
        }
        return buffer;
    }

    /** True for a letter or digit. */
    static boolean isWordChar(char c) {
        return Chars.is(c, Chars.LETTER_OR_DIGIT);
    }

    /** An alias as its words: maximal runs of word characters. */
    static char[][] split(String alias) {
        List<char[]> words = new ArrayList<>();
        int i = 0;
        while (i < alias.length()) {
            if (!Chars.is(alias.charAt(i), Chars.LETTER_OR_DIGIT)) {
                i++;
                continue;
            }
            int start = i;
            while (i < alias.length() && Chars.is(alias.charAt(i), Chars.LETTER_OR_DIGIT)) {
                i++;
            }
            words.add(Arrays.copyOfRange(alias.toCharArray(), start, i));
        }
        return words.toArray(char[][]::new);
    }
}
