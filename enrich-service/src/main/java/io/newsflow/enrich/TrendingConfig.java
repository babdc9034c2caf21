package io.newsflow.enrich;

import io.newsflow.enrich.trend.BurstScore;
import io.newsflow.enrich.trend.TrendRanking;
import io.newsflow.runtime.Durations;
import io.newsflow.runtime.Setting;
import io.newsflow.runtime.Settings;
import io.newsflow.schema.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trending tags' settings (docs/trending.md), part of {@link EnrichConfig}: declared here, listed in
 * {@link EnrichConfig#SETTINGS}.
 *
 * @param topic        the compacted topic the lists go to; empty: no trending sub-topology at all
 * @param grace        how long after its bucket ends a record is still counted
 * @param ranking      the burst score and the baseline days
 * @param emitInterval how often (wall-clock time) the lists that changed are written to the topic
 * @param advertised   {@code host:port} other instances reach this one's HTTP server at; empty: the server's own
 */
public record TrendingConfig(Optional<String> topic, Duration grace, TrendRanking ranking, Duration emitInterval,
                             Optional<String> advertised) {

    public static final String TOPIC_ENV = "NEWSFLOW_TRENDING_TOPIC";
    public static final String GRACE_ENV = "NEWSFLOW_TRENDING_GRACE";
    public static final String BASELINE_DAYS_ENV = "NEWSFLOW_TRENDING_BASELINE_DAYS";
    public static final String SMOOTHING_ENV = "NEWSFLOW_TRENDING_SMOOTHING";
    public static final String MIN_COUNT_ENV = "NEWSFLOW_TRENDING_MIN_COUNT";
    public static final String EMIT_INTERVAL_ENV = "NEWSFLOW_TRENDING_EMIT_INTERVAL";
    public static final String ADVERTISED_ENV = "NEWSFLOW_HTTP_ADVERTISED";

    static final Setting TOPIC = Setting.of(TOPIC_ENV, "--trending-topic", Topics.TRENDING, "compacted topic of the trending tags "
            + "(counted from the output topic, queried at `GET /v1/trending`); `off`: no trending at all");
    static final Setting GRACE = Setting.of(GRACE_ENV, null, "10m", "a record (record time) whose 5-minute bucket ended longer ago "
            + "than this before the stream time is not counted (`newsflow_trending_tags_total{counted=\"false\"}`)");
    static final Setting BASELINE_DAYS = Setting.of(BASELINE_DAYS_ENV, null, "7", "a tag's baseline: its counts in the same window "
            + "on this many previous days (or in the windows before, while there is less than a day of history)");
    static final Setting SMOOTHING = Setting.of(SMOOTHING_ENV, null, "1", "burst score `(count - baseline) / sqrt(max(baseline, "
            + "variance) + smoothing)`: higher values favour tags with more mentions over tags that are new");
    static final Setting MIN_COUNT = Setting.of(MIN_COUNT_ENV, null, "3", "fewest mentions in a window for a tag to be listed");
    static final Setting EMIT_INTERVAL = Setting.of(EMIT_INTERVAL_ENV, null, "1m", "how often (wall-clock time) the lists that "
            + "changed are written to the trending topic");
    static final Setting ADVERTISED = Setting.of(ADVERTISED_ENV, "--http-advertised", null, "`host:port` other instances reach "
            + "this one's HTTP server at (Kafka Streams' `application.server`): a trending query asked of an instance that does "
            + "not hold the type is forwarded there").shownAs("the metrics server's host and port");

    /** Reads them from {@code env}; each problem goes to {@code problems}. */
    static TrendingConfig fromEnv(Map<String, String> env, List<String> problems) {
        String topic = Settings.value(env, TOPIC);
        Duration grace = Settings.parsed(env, GRACE, Durations::parse, null, problems);
        int days = Settings.wholeNumber(env, BASELINE_DAYS, 1, 28, problems);
        Double smoothing = Settings.parsed(env, SMOOTHING, TrendingConfig::positive, "expected a number > 0", problems);
        int minCount = Settings.wholeNumber(env, MIN_COUNT, 1, Integer.MAX_VALUE, problems);
        Duration emit = Settings.parsed(env, EMIT_INTERVAL, Durations::parse, null, problems);
        Optional<String> advertised = Optional.ofNullable(Settings.value(env, ADVERTISED));
        advertised.filter(a -> !a.matches("[^:/\\s]+:\\d{1,5}"))
                .ifPresent(a -> problems.add(ADVERTISED_ENV + "=" + a + ": expected host:port"));
        TrendRanking ranking = smoothing == null ? null : new TrendRanking(new BurstScore(smoothing, minCount), days);
        return new TrendingConfig(topic.equalsIgnoreCase("off") ? Optional.empty() : Optional.of(topic), grace, ranking, emit, advertised);
    }

    private static Double positive(String value) {
        double parsed = Double.parseDouble(value);
        if (!(parsed > 0) || Double.isInfinite(parsed)) {
            throw new IllegalArgumentException();
        }
        return parsed;
    }
}
