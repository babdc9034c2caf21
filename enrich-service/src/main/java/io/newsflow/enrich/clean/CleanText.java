package io.newsflow.enrich.clean;

import java.util.Map;

/**
 * Text after cleaning, with what was removed per rule (rule name to number of lines).
 *
 * @param text          the kept lines, byte-identical and in order
 * @param removedByRule lines removed per named rule; blank lines dropped to keep gaps tidy are not counted
 */
public record CleanText(String text, Map<String, Integer> removedByRule) {
    public CleanText {
        removedByRule = Map.copyOf(removedByRule);
    }

    public int linesRemoved() {
        return removedByRule.values().stream().mapToInt(Integer::intValue).sum();
    }
}
