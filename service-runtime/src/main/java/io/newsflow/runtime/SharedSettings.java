package io.newsflow.runtime;

import io.newsflow.schema.ArticleSize;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The settings every newsflow service and command shares, declared once: where Kafka and the registry are, how long
 * to wait for them at start, and the article-size limit. Each service's list of settings includes them; the picocli
 * options of {@link ConnectionOptions} are made from the same constants.
 */
public final class SharedSettings {

    static final String BOOTSTRAP_SERVERS_MEANING = "Kafka brokers";
    static final String SCHEMA_REGISTRY_URL_MEANING = "Confluent-compatible registry base URL(s), comma-separated";
    static final String CONNECT_TIMEOUT_ENV = "NEWSFLOW_CONNECT_TIMEOUT";
    static final String CONNECT_TIMEOUT_DEFAULT = "15";
    static final String CONNECT_TIMEOUT_MEANING = "seconds to wait for Kafka and the registry at start";
    /** Longest wait accepted for {@link #CONNECT_TIMEOUT}, in seconds. */
    static final int MAX_CONNECT_TIMEOUT_SECONDS = 3600;

    public static final Setting BOOTSTRAP_SERVERS = Setting.of(ClientSettings.BOOTSTRAP_SERVERS_ENV, "--bootstrap-servers",
            ClientSettings.DEFAULT_BOOTSTRAP_SERVERS, BOOTSTRAP_SERVERS_MEANING).sharedFlag();
    public static final Setting SCHEMA_REGISTRY_URL = Setting.of(ClientSettings.SCHEMA_REGISTRY_URL_ENV, "--schema-registry-url",
            ClientSettings.DEFAULT_SCHEMA_REGISTRY_URL, SCHEMA_REGISTRY_URL_MEANING).sharedFlag();
    public static final Setting CONNECT_TIMEOUT = Setting.of(CONNECT_TIMEOUT_ENV, "--connect-timeout", CONNECT_TIMEOUT_DEFAULT,
            CONNECT_TIMEOUT_MEANING).sharedFlag();
    public static final Setting MAX_ARTICLE_BYTES = Setting.of(ArticleSize.ENV, "--max-article-bytes", String.valueOf(ArticleSize.DEFAULT_MAX_BYTES),
            "largest raw article record (a whole page as sites send it) in bytes (at least " + ArticleSize.MIN_BYTES + "): ingest "
                    + "rejects a larger input; the raw and dead-letter topics take it; lowered, with a warning, to what the topics take");

    /** The connection settings ({@link ConnectionOptions} makes their flags). */
    public static final List<Setting> CONNECTION = List.of(BOOTSTRAP_SERVERS, SCHEMA_REGISTRY_URL, CONNECT_TIMEOUT);

    private SharedSettings() {
    }

    /** The article-size limit from {@code env} (its default when unset); a problem goes to {@code problems}. */
    public static int maxArticleBytes(Map<String, String> env, List<String> problems) {
        return Settings.wholeNumber(env, MAX_ARTICLE_BYTES, ArticleSize.MIN_BYTES, Integer.MAX_VALUE, problems);
    }

    /** How long to wait for Kafka and the registry at start, from {@code env}; a problem goes to {@code problems}. */
    public static Duration connectTimeout(Map<String, String> env, List<String> problems) {
        return Duration.ofSeconds(Settings.wholeNumber(env, CONNECT_TIMEOUT, 1, MAX_CONNECT_TIMEOUT_SECONDS, problems));
    }
}
