package io.newsflow.ingest;

import io.newsflow.runtime.Setting;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.SharedSettings;
import io.newsflow.schema.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting of the one-shot {@code newsflow ingest}, declared once: its flags ({@link IngestCommand}), the defaults
 * {@link #config} applies, and the table in docs/configuration.md (checked by a test) are made from {@link #SETTINGS}.
 */
public final class IngestSettings {

    /** The topic articles go to; {@code newsflow serve} publishes to it too. */
    public static final Setting TOPIC = Setting.of("NEWSFLOW_INGEST_TOPIC", "--topic", Topics.RAW, "topic articles are published to");
    static final Setting FORMAT = Setting.of("NEWSFLOW_INGEST_FORMAT", "--format", "auto", "`auto` (by file name: `.jsonl`/`.ndjson` are "
            + "JSON Lines, `.html`/`.htm`/`.xhtml` HTML, anything else text; stdin is text), `text`, `html` or `jsonl`");
    static final Setting SOURCE = Setting.of("NEWSFLOW_INGEST_SOURCE", "--source", null, "the `source` of text and HTML inputs")
            .shownAs("`file`, or `stdin`");

    public static final List<Setting> SETTINGS = List.of(SharedSettings.BOOTSTRAP_SERVERS, SharedSettings.SCHEMA_REGISTRY_URL,
            SharedSettings.CONNECT_TIMEOUT, TOPIC, FORMAT, SOURCE, SharedSettings.MAX_ARTICLE_BYTES);

    /** What one ingest run reads and where it publishes. */
    public record Config(String topic, InputFormat format, String source, int maxArticleBytes, Duration connectTimeout) {
    }

    private IngestSettings() {
    }

    /** The run's config from {@code env} (flags already laid over it); every problem listed at once. */
    public static Config config(Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        InputFormat format = Settings.parsed(env, FORMAT, value -> InputFormat.valueOf(value.toUpperCase(Locale.ROOT)),
                "expected auto, text, html or jsonl", problems);
        int maxArticleBytes = SharedSettings.maxArticleBytes(env, problems);
        Duration connectTimeout = SharedSettings.connectTimeout(env, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        return new Config(Settings.value(env, TOPIC), format, Settings.value(env, SOURCE), maxArticleBytes,
                connectTimeout);
    }
}
