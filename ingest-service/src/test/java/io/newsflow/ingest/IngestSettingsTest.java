package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.runtime.Setting;
import io.newsflow.runtime.Settings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one-shot ingest's settings are declared once (IngestSettings.SETTINGS): the docs' table and the defaults in effect agree with it. */
class IngestSettingsTest {

    static final String START = "<!-- settings: ingest (made from IngestSettings.SETTINGS; IngestSettingsTest checks it) -->\n";
    static final String END = "<!-- /settings: ingest -->";

    @Test
    void theDocsTableIsTheDeclaredSettings() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        String expected = Settings.markdownTable(IngestSettings.SETTINGS);
        int start = doc.indexOf(START);
        assertThat(start).as("docs/configuration.md has the marker " + START.strip()).isNotNegative();
        assertThat(doc.substring(start + START.length(), doc.indexOf(END)))
                .as("the ingest settings table in docs/configuration.md differs from IngestSettings.SETTINGS; it should read:%n%s", expected)
                .isEqualTo(expected);
    }

    @Test
    void everyDeclaredDefaultIsTheDefaultInEffect() {
        Map<String, String> declared = new HashMap<>();
        for (Setting setting : IngestSettings.SETTINGS) {
            if (setting.defaultValue() != null) {
                declared.put(setting.env(), setting.defaultValue());
            }
        }

        IngestSettings.Config defaults = IngestSettings.config(Map.of());
        assertThat(defaults).isEqualTo(IngestSettings.config(declared));
        assertThat(defaults.format()).isEqualTo(InputFormat.AUTO);
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void theArticleLimitHasTheOneMinimumEveryServiceHas() {
        assertThatThrownBy(() -> IngestSettings.config(Map.of("NEWSFLOW_MAX_ARTICLE_BYTES", "1000", "NEWSFLOW_INGEST_FORMAT", "pdf")))
                .hasMessageContaining("NEWSFLOW_MAX_ARTICLE_BYTES=1000: expected a whole number >= 16384")
                .hasMessageContaining("NEWSFLOW_INGEST_FORMAT=pdf: expected auto, text, html or jsonl");
    }
}
