package io.newsflow.enrich.trend;

import java.util.List;

/**
 * A trending list, as {@code GET /v1/trending} answers it and as {@code news.tags.trending} carries it (JSON, these names).
 *
 * @param type   the tag type, or {@code ALL}
 * @param window {@code 1h}, {@code 6h} or {@code 24h}
 * @param asOf   the end of the window (ISO-8601, UTC): the end of the bucket that holds the stream time; null before any count
 * @param tags   the tags, highest score first
 */
public record TrendingList(String type, String window, String asOf, List<Tag> tags) {

    /**
     * One tag in the list.
     *
     * @param count    mentions in the window (articles that carry the tag; a near-duplicate copy is not counted)
     * @param baseline the mean count of the same window in the baseline periods
     * @param score    the burst score ({@link BurstScore})
     * @param series   the counts in the {@link TrendWindow#SERIES_POINTS} equal parts of the window, oldest first
     */
    public record Tag(String name, String type, long count, double baseline, double score, List<Long> series) {
    }
}
