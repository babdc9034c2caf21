package io.newsflow.enrich.trend;

/**
 * How far a tag's count in a window stands above its own baseline, in standard deviations of a smoothed Poisson-like spread:
 * {@code score = (count - mean) / sqrt(max(mean, variance) + smoothing)}, where {@code mean} and {@code variance} are those
 * of the tag's counts in the baseline periods (0 for a tag never seen). A tag always at 30 scores about 0; a new tag at 3
 * scores {@code 3 / sqrt(smoothing)}. Tags with fewer than {@code minCount} mentions in the window are not ranked at all, so
 * one stray mention of a new name never tops the list. See docs/trending.md.
 *
 * @param smoothing added under the root, so that a small baseline does not make a small rise look huge (&gt; 0)
 * @param minCount  the fewest mentions in the window for a tag to be ranked (&gt;= 1)
 */
public record BurstScore(double smoothing, int minCount) {

    public BurstScore {
        if (!(smoothing > 0) || minCount < 1) {
            throw new IllegalArgumentException("smoothing must be > 0 and minCount >= 1");
        }
    }

    /** A count against its baseline. */
    public record Scored(long count, double baseline, double spread, double score) {
    }

    /** Whether a count is enough to be ranked. */
    public boolean ranks(long count) {
        return count >= minCount;
    }

    /** {@code count} scored against the counts of the same window in the baseline periods (none: a baseline of 0). */
    public Scored score(long count, long[] baseline) {
        double mean = 0;
        for (long b : baseline) {
            mean += b;
        }
        mean = baseline.length == 0 ? 0 : mean / baseline.length;
        double variance = 0;
        for (long b : baseline) {
            variance += (b - mean) * (b - mean);
        }
        variance = baseline.length == 0 ? 0 : variance / baseline.length;
        double score = (count - mean) / Math.sqrt(Math.max(mean, variance) + smoothing);
        return new Scored(count, mean, Math.sqrt(variance), score);
    }
}
