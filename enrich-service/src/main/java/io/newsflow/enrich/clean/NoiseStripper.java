package io.newsflow.enrich.clean;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes standalone scraper-noise lines named by a {@link NoiseRules} catalogue: ad markers
 * ({@code Advert}, {@code - Advertisement -}, {@code Anzeige}, ...), continuation prompts, newsletter,
 * share and follow prompts, {@code Read more:} link lines, and trailing "More on this story" blocks.
 * A line with any other word is prose and is kept byte for byte, so "The advert was banned." survives.
 * Every kept line keeps its bytes and order; removing a line never leaves a longer run of blank lines
 * than the text had. Never throws.
 */
public final class NoiseStripper {

    /** Rule name of ad-marker lines in the noise report. */
    public static final String AD_MARKER = "ad-marker";

    private final NoiseRules rules;

    public NoiseStripper() {
        this(NoiseRules.bundled());
    }

    public NoiseStripper(NoiseRules rules) {
        this.rules = rules;
    }

    public CleanText strip(String text) {
        if (text == null || text.isEmpty()) {
            return new CleanText(text == null ? "" : text, Map.of());
        }
        Lines lines = Lines.of(text);
        int count = lines.count();
        String[] ruleOf = new String[count];
        String[] trailerRuleOf = new String[count];
        int lastProse = -1;
        for (int i = 0; i < count; i++) {
            if (lines.isBlank(i)) {
                continue;
            }
            int start = lines.start(i);
            int end = lines.contentEnd(i);
            ruleOf[i] = rules.anywhere(text, start, end);
            if (ruleOf[i] == null) {
                trailerRuleOf[i] = rules.trailing(text, start, end);
                if (trailerRuleOf[i] == null && !FooterTags.looksLikeFooter(text, start, end)) {
                    lastProse = i;
                }
            }
        }
        for (int i = lastProse + 1; i < count; i++) {
            if (ruleOf[i] == null) {
                ruleOf[i] = trailerRuleOf[i]; // a trailer phrase is noise only after the last prose line
            }
        }
        StringBuilder out = new StringBuilder(text.length());
        Map<String, Integer> removed = new LinkedHashMap<>();
        boolean emittedAny = false;
        boolean lastEmittedBlank = false;
        boolean afterRemoval = false;
        for (int i = 0; i < count; i++) {
            if (ruleOf[i] != null) {
                removed.merge(ruleOf[i], 1, Integer::sum);
                afterRemoval = true;
                continue;
            }
            boolean blank = lines.isBlank(i);
            if (blank && afterRemoval && (lastEmittedBlank || !emittedAny)) {
                continue; // the removed line's own gap: the text already has one here
            }
            out.append(text, lines.start(i), lines.end(i));
            emittedAny = true;
            lastEmittedBlank = blank;
            if (!blank) {
                afterRemoval = false;
            }
        }
        return new CleanText(out.length() == text.length() ? text : out.toString(), removed);
    }
}
