package io.newsflow.enrich.clean;

import io.newsflow.enrich.tsv.TsvFile;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The catalogue of standalone noise lines, each phrase under a named rule (see the bundled
 * {@code noise-rules.tsv} for the format). Matching is on whole lines only: a line is normalised
 * (wrapping punctuation trimmed, whitespace collapsed, lower-cased) and looked up, so the cost per line
 * is one hash lookup and prose that merely uses the same words never matches. Never throws on text.
 */
public final class NoiseRules {

    /** The bundled catalogue. */
    public static final String BUNDLED = "/noise-rules.tsv";

    /** How a phrase matches a line. */
    public enum Kind { LINE, LABEL, TRAILER }

    /** Punctuation that may wrap a marker: "- Advertisement -", "[Advert]", "Advertisement:", "*** Advert ***". */
    private static final String WRAPPING = "-\u2013\u2014[](){}<>*_.:;|/\\\u2022\u00b7=~#\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u25ba\u25b6>";

    private final Map<String, String> lineRules = new HashMap<>();
    private final Map<String, String> labelRules = new HashMap<>();
    private final Map<String, String> trailerRules = new HashMap<>();
    private final int longestPhrase;
    private final int longestLabel;

    private NoiseRules(Map<Kind, Map<String, String>> rules) {
        lineRules.putAll(rules.getOrDefault(Kind.LINE, Map.of()));
        labelRules.putAll(rules.getOrDefault(Kind.LABEL, Map.of()));
        trailerRules.putAll(rules.getOrDefault(Kind.TRAILER, Map.of()));
        longestPhrase = longest(lineRules, trailerRules);
        longestLabel = longest(labelRules, Map.of());
    }

    private static int longest(Map<String, String> a, Map<String, String> b) {
        int max = 0;
        for (String key : a.keySet()) {
            max = Math.max(max, key.length());
        }
        for (String key : b.keySet()) {
            max = Math.max(max, key.length());
        }
        return max;
    }

    public static NoiseRules bundled() {
        return TsvFile.bundled(BUNDLED, "noise catalogue", NoiseRules::fromRows);
    }

    public static NoiseRules load(Path file) throws IOException {
        return TsvFile.load(file, "noise catalogue", NoiseRules::fromRows);
    }

    static NoiseRules parse(Reader source, String name) throws IOException {
        return TsvFile.parse(source, name, "noise catalogue", NoiseRules::fromRows);
    }

    private static NoiseRules fromRows(List<TsvFile.Row> rows, List<String> problems) {
        Map<Kind, Map<String, String>> rules = new HashMap<>();
        for (TsvFile.Row row : rows) {
            String[] fields = row.fields();
            if (fields.length != 3 || fields[0].isBlank() || fields[2].isBlank()) {
                problems.add(row.where() + ": expected rule<TAB>kind<TAB>phrase");
                continue;
            }
            Kind kind;
            try {
                kind = Kind.valueOf(fields[1].strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.add(row.where() + ": unknown kind '" + fields[1].strip() + "' (line, label or trailer)");
                continue;
            }
            String phrase = normalise(fields[2]);
            if (phrase == null) {
                problems.add(row.where() + ": phrase has no words");
                continue;
            }
            rules.computeIfAbsent(kind, k -> new HashMap<>()).put(phrase, fields[0].strip());
        }
        return new NoiseRules(rules);
    }

    /** The rule that makes the line {@code text[start, end)} noise anywhere in the text, or null for prose. */
    String anywhere(String text, int start, int end) {
        String rule = end - start <= longestPhrase + 24 ? lineRules.get(normalise(text, start, end)) : null;
        return rule != null ? rule : label(text, start, end);
    }

    /** The rule that makes {@code content} noise when it follows the article's last prose line, or null. */
    String trailing(String text, int start, int end) {
        return end - start <= longestPhrase + 24 ? trailerRules.get(normalise(text, start, end)) : null;
    }

    private String label(String text, int start, int end) {
        if (labelRules.isEmpty()) {
            return null;
        }
        int limit = Math.min(end, start + longestLabel + 12);
        int colon = -1;
        for (int k = start; k < limit; k++) {
            if (text.charAt(k) == ':') {
                colon = k;
                break;
            }
        }
        if (colon < 0) {
            return null;
        }
        String head = normalise(text, start, colon);
        return head == null ? null : labelRules.get(head);
    }

    /** Wrapping punctuation trimmed, inner whitespace collapsed, lower-cased; null when nothing is left. */
    static String normalise(String text) {
        return normalise(text, 0, text.length());
    }

    /** {@link #normalise(String)} of {@code text[start, end)}, built in one pass. */
    static String normalise(String text, int start, int end) {
        while (start < end && isWrapping(text.charAt(start))) {
            start++;
        }
        while (end > start && isWrapping(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        char[] out = new char[end - start];
        int length = 0;
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = true;
            } else {
                if (space) {
                    out[length++] = ' ';
                    space = false;
                }
                out[length++] = Character.toLowerCase(c);
            }
        }
        return new String(out, 0, length);
    }

    private static boolean isWrapping(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || WRAPPING.indexOf(c) >= 0;
    }
}
