package io.newsflow.ingest.serve;

import io.newsflow.ingest.IngestSettings;
import io.newsflow.runtime.Durations;
import io.newsflow.runtime.Setting;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.SharedSettings;
import io.newsflow.schema.Topics;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every setting of {@code newsflow serve}, declared once: its flags ({@link ServeCommand}), the
 * defaults {@link #config} applies, and the table in docs/configuration.md (checked by a test) are made from {@link #SETTINGS}.
 */
public final class ServeSettings {

    public static final String HOST = "NEWSFLOW_INGEST_HOST";
    public static final String PORT = "NEWSFLOW_INGEST_PORT";
    public static final String TOPIC = IngestSettings.TOPIC.env();
    public static final String FEEDS_FILE = "NEWSFLOW_FEEDS_FILE";
    public static final String POLL_INTERVAL = "NEWSFLOW_POLL_INTERVAL";
    public static final String MAX_REQUEST_BYTES = "NEWSFLOW_MAX_REQUEST_BYTES";
    public static final String TOKEN = "NEWSFLOW_INGEST_TOKEN";
    public static final String INSTANCE_ID = "NEWSFLOW_INSTANCE_ID";

    public static final List<Setting> SETTINGS = List.of(
            SharedSettings.BOOTSTRAP_SERVERS,
            SharedSettings.SCHEMA_REGISTRY_URL,
            SharedSettings.CONNECT_TIMEOUT,
            Setting.of(HOST, "--host", "0.0.0.0", "address the HTTP API listens on"),
            Setting.of(PORT, "--port", "8080", "HTTP port, 0 for any free one"),
            IngestSettings.TOPIC,
            Setting.of(FEEDS_FILE, "--feeds", null, "a file of feeds to poll, one per line: `URL [interval]`, `#` starts a comment "
                    + "(more with `--feed URL`, repeatable)").shownAs("none"),
            Setting.of(POLL_INTERVAL, "--poll-interval", "5m", "how often a feed is polled: `30s`, `5m`, `2h` or ISO-8601 (`PT5M`)"),
            SharedSettings.MAX_ARTICLE_BYTES,
            Setting.of(MAX_REQUEST_BYTES, "--max-request-bytes", "16777216", "largest HTTP request body; larger ones get 413"),
            Setting.of(TOKEN, null, null, "when set, `POST /v1/articles` needs `Authorization: Bearer <token>` (compared in "
                    + "constant time); 401 without it").shownAs("none: no token needed"),
            Setting.of(INSTANCE_ID, "--instance-id", null, "this instance's stable name, in its transactional ids "
                    + "(`newsflow-ingest-<id>-api`, `-feeds`): a restart fences its unfinished transactions").shownAs("host name"));

    private static final Map<String, Setting> BY_ENV = SETTINGS.stream().collect(Collectors.toMap(Setting::env, s -> s));

    private ServeSettings() {
    }

    /** The service's config from {@code env} (flags already laid over it) and the {@code --feed} URLs; every problem listed at once. */
    public static IngestService.Config config(Map<String, String> env, List<String> feedUrls) {
        List<String> problems = new ArrayList<>();
        int port = number(env, PORT, 0, 65535, problems);
        int maxArticleBytes = SharedSettings.maxArticleBytes(env, problems);
        int maxRequestBytes = number(env, MAX_REQUEST_BYTES, 1, Integer.MAX_VALUE, problems);
        Duration connectTimeout = SharedSettings.connectTimeout(env, problems);
        Duration interval = Settings.parsed(env, BY_ENV.get(POLL_INTERVAL), Durations::parse, null, problems);
        List<Feed> feeds = List.of();
        try {
            String file = get(env, FEEDS_FILE);
            // with a bad interval, the feeds are still checked (at the declared default interval) so every problem is listed
            Duration feedInterval = interval != null ? interval : Durations.parse(BY_ENV.get(POLL_INTERVAL).defaultValue());
            feeds = FeedList.of(feedUrls, file == null ? null : Path.of(file), feedInterval);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        } catch (IOException e) {
            problems.add(FEEDS_FILE + "=" + get(env, FEEDS_FILE) + ": cannot read: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        String instance = get(env, INSTANCE_ID);
        return new IngestService.Config(get(env, HOST), port, get(env, TOPIC), Topics.SEEN, feeds, maxArticleBytes, maxRequestBytes,
                get(env, TOKEN), instance == null ? Settings.hostName("local") : instance, connectTimeout);
    }

    private static String get(Map<String, String> env, String key) {
        return Settings.value(env, BY_ENV.get(key));
    }

    private static int number(Map<String, String> env, String key, int min, int max, List<String> problems) {
        return Settings.wholeNumber(env, BY_ENV.get(key), min, max, problems);
    }
}
