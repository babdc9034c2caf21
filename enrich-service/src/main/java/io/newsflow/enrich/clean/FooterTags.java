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
        // walk back from the end: only the last non-blank line and the blank lines around it matter
        int end = text.length();
        int lineStart;
        int contentEnd;
        while (true) {
            if (end == 0) {
                return new Result(input, List.of());
            }
            lineStart = text.lastIndexOf('\n', end - 1 - (text.charAt(end - 1) == '\n' ? 1 : 0)) + 1;
            contentEnd = contentEnd(text, lineStart, end);
            if (!isBlank(text, lineStart, contentEnd)) {
                break;
            }
            end = lineStart;
        }
        if (!looksLikeFooter(text, lineStart, contentEnd)) {
            return new Result(input, List.of());
        }
        Matcher matcher = FOOTER_LINE.matcher(text.substring(lineStart, contentEnd));
        if (!matcher.matches()) {
            return new Result(input, List.of());
        }
        List<String> tags = parse(matcher.group(1));
        int keep = lineStart;
        while (keep > 0) { // drop the blank lines just before the footer
            int previous = text.lastIndexOf('\n', keep - 2) + 1;
            if (!isBlank(text, previous, contentEnd(text, previous, keep))) {
                break;
            }
            keep = previous;
        }
        Map<String, Integer> removed = new LinkedHashMap<>(input.removedByRule());
        removed.merge(FOOTER, 1, Integer::sum);
        return new Result(new CleanText(text.substring(0, keep), removed), tags);
    }

    /** End of the content of the line {@code text[start, end)}: before its {@code \n} or {@code \r\n}. */
    private static int contentEnd(String text, int start, int end) {
        int contentEnd = end;
        if (contentEnd > start && text.charAt(contentEnd - 1) == '\n') {
            contentEnd--;
        }
        if (contentEnd > start && text.charAt(contentEnd - 1) == '\r') {
            contentEnd--;
        }
        return contentEnd;
    }

    private static boolean isBlank(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            char c = text.charAt(k);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return true;
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

    /** The footer's tags, then the page's own (an HTML page's {@code article:tag}s) not already named, ignoring case. */
    public static List<String> merge(List<String> footer, List<String> page) {
        if (page.isEmpty()) {
            return footer;
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> tags = new ArrayList<>();
        for (String tag : footer) {
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        for (String tag : page) {
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }
}
