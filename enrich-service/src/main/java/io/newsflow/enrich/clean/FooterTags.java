package io.newsflow.enrich.clean;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Takes the article's own tag footer off the end of the text: a last non-blank line
 * {@code Topics: A, B, C} (or {@code Tags: ...}, {@code Filed under: ...}). The names are split on commas, trimmed, and
 * de-duplicated (ignoring case) in their order; the footer and the blank lines just before it are
 * removed from the text. Never throws.
 */
public final class FooterTags {

    /** Rule name used in the noise report for a removed tag footer. */
    public static final String FOOTER = "footer-tags";

    private static final Pattern FOOTER_LINE = Pattern.compile("^\\s*(?i:topics|tags|filed under)\\s*:(.*)$");

    /** The text without its footer, and the footer's tag names in order. */
    public record Result(CleanText clean, List<String> tags) {
    }

    public Result extract(CleanText input) {
        String text = input.text();
        Lines lines = Lines.of(text);
        int last = lines.count() - 1;
        while (last >= 0 && lines.isBlank(last)) {
            last--;
        }
        if (last < 0 || !looksLikeFooter(text, lines.start(last), lines.contentEnd(last))) {
            return new Result(input, List.of());
        }
        Matcher matcher = FOOTER_LINE.matcher(lines.content(last));
        if (!matcher.matches()) {
            return new Result(input, List.of());
        }
        List<String> tags = parse(matcher.group(1));
        int keep = last;
        while (keep > 0 && lines.isBlank(keep - 1)) {
            keep--;
        }
        Map<String, Integer> removed = new LinkedHashMap<>(input.removedByRule());
        removed.merge(FOOTER, 1, Integer::sum);
        return new Result(new CleanText(text.substring(0, keep == 0 ? 0 : lines.end(keep - 1)), removed), tags);
    }

    /** True for a line in the shape of a tag footer, wherever it stands. Cheap for the lines that are not. */
    static boolean looksLikeFooter(String text, int start, int end) {
        int k = start;
        while (k < end && Character.isWhitespace(text.charAt(k))) {
            k++;
        }
        if (k == end || end - k > 1000) {
            return false;
        }
        char first = Character.toLowerCase(text.charAt(k));
        if (first != 't' && first != 'f') {
            return false;
        }
        int colon = text.indexOf(':', k);
        return colon > 0 && colon < end && colon - k <= 14 && FOOTER_LINE.matcher(text.substring(start, end)).matches();
    }

    static List<String> parse(String list) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (String part : list.split("[,;]")) {
            String name = part.strip();
            if (name.length() > 1 && name.endsWith(".") && Character.isLowerCase(name.charAt(name.length() - 2))) {
                name = name.substring(0, name.length() - 1).strip(); // "Ukraine." ends a sentence; "U.S." keeps its dot
            }
            if (!name.isEmpty() && seen.add(name.toLowerCase(Locale.ROOT))) {
                tags.add(name);
            }
        }
        return List.copyOf(tags);
    }
}
