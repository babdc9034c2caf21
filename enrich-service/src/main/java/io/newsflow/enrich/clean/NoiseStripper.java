package io.newsflow.enrich.clean;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Removes standalone scraper-noise lines: lines whose whole content is an ad marker such as
 * {@code Advert}, {@code ADVERTISEMENT}, {@code - Advertisement -} or {@code [Advert]}, which scrapers
 * leave where ad slots were. A line with any other word is prose and is kept byte for byte, so
 * "The advert was banned." survives. Removing a marker never leaves a longer run of blank lines than
 * the text had. Never throws.
 */
public final class NoiseStripper {

    /** Rule name used in the noise report for ad-marker lines. */
    public static final String AD_MARKER = "ad-marker";

    private static final Set<String> AD_MARKERS = Set.of("advert", "advertisement");

    /** Punctuation that may wrap a marker: "- Advertisement -", "[Advert]", "Advertisement:", "*** Advert ***". */
    private static final String WRAPPING = "-\u2013\u2014[](){}<>*_.:;|/\\\u2022\u00b7=~#\"'\u201c\u201d\u2018\u2019";

    public CleanText strip(String text) {
        if (text == null || text.isEmpty()) {
            return new CleanText(text == null ? "" : text, Map.of());
        }
        List<Lines.Line> lines = Lines.split(text);
        StringBuilder out = new StringBuilder(text.length());
        Map<String, Integer> removed = new LinkedHashMap<>();
        boolean emittedAny = false;
        boolean lastEmittedBlank = false;
        boolean afterRemoval = false;
        for (Lines.Line line : lines) {
            if (isAdMarker(line.content())) {
                removed.merge(AD_MARKER, 1, Integer::sum);
                afterRemoval = true;
                continue;
            }
            if (line.isBlank() && afterRemoval && (lastEmittedBlank || !emittedAny)) {
                continue; // the marker's own gap: the text already has one here
            }
            out.append(line.full());
            emittedAny = true;
            lastEmittedBlank = line.isBlank();
            if (!lastEmittedBlank) {
                afterRemoval = false;
            }
        }
        return new CleanText(out.toString(), removed);
    }

    static boolean isAdMarker(String content) {
        int start = 0;
        int end = content.length();
        while (start < end && isWrapping(content.charAt(start))) {
            start++;
        }
        while (end > start && isWrapping(content.charAt(end - 1))) {
            end--;
        }
        if (end - start < 6 || end - start > 13) {
            return false; // cheap exit: "advert" is 6 chars, "advertisement" 13
        }
        return AD_MARKERS.contains(content.substring(start, end).toLowerCase(Locale.ROOT));
    }

    private static boolean isWrapping(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || WRAPPING.indexOf(c) >= 0;
    }
}
