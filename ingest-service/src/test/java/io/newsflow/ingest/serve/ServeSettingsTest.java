package io.newsflow.ingest.serve;

import io.newsflow.runtime.Durations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.runtime.Cli;
import io.newsflow.runtime.Settings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's settings are declared once (ServeSettings.SETTINGS): the docs' table, the flags and the parsing agree with it. */
class ServeSettingsTest {

    static final String START = "<!-- settings: serve (made from ServeSettings.SETTINGS; ServeSettingsTest checks it) -->\n";
    static final String END = "<!-- /settings: serve -->";

    @TempDir
    Path dir;

    @Test
    void theDocsTableIsTheDeclaredSettings() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        String expected = Settings.markdownTable(ServeSettings.SETTINGS);
        int start = doc.indexOf(START);
        assertThat(start).as("docs/configuration.md has the marker " + START.strip()).isNotNegative();
        assertThat(doc.substring(start + START.length(), doc.indexOf(END)))
                .as("the serve settings table in docs/configuration.md differs from ServeSettings.SETTINGS; it should read:%n%s", expected)
                .isEqualTo(expected);
    }

    /** The defaults come from the declarations: no variables at all give the config of every variable at its declared default. */
    @Test
    void everyDeclaredDefaultIsTheDefaultInEffect() {
        Map<String, String> declared = new java.util.HashMap<>();
        for (io.newsflow.runtime.Setting setting : ServeSettings.SETTINGS) {
            if (setting.defaultValue() != null) {
                declared.put(setting.env(), setting.defaultValue());
            }
        }
        declared.put(ServeSettings.INSTANCE_ID, "i-1");

        assertThat(ServeSettings.config(Map.of(ServeSettings.INSTANCE_ID, "i-1"), List.of()))
                .isEqualTo(ServeSettings.config(declared, List.of()));
    }

    @Test
    void defaultsComeFromTheDeclarationsAndFeedsFromFlagsAndTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("feeds.txt"), "# news\nhttps://a.example/rss 30s\n\nhttps://b.example/atom.xml\n");

        IngestService.Config config = ServeSettings.config(Map.of(ServeSettings.FEEDS_FILE, file.toString(), ServeSettings.INSTANCE_ID, "i-1"),
                List.of("https://c.example/feed"));

        assertThat(config.port()).isEqualTo(8080);
        assertThat(config.host()).isEqualTo("0.0.0.0");
        assertThat(config.topic()).isEqualTo("news.articles.raw");
        assertThat(config.token()).isNull();
        assertThat(config.feeds()).extracting(f -> f.url().toString(), Feed::interval).containsExactly(
                org.assertj.core.api.Assertions.tuple("https://c.example/feed", Duration.ofMinutes(5)),
                org.assertj.core.api.Assertions.tuple("https://a.example/rss", Duration.ofSeconds(30)),
                org.assertj.core.api.Assertions.tuple("https://b.example/atom.xml", Duration.ofMinutes(5)));
    }

    @Test
    void everyBadSettingIsNamedAtOnce() throws Exception {
        Path file = Files.writeString(dir.resolve("feeds.txt"), "https://a.example/rss every-day\n");
        assertThatThrownBy(() -> ServeSettings.config(Map.of(ServeSettings.PORT, "99999", ServeSettings.POLL_INTERVAL, "soon",
                ServeSettings.FEEDS_FILE, file.toString()), List.of("ftp://x")))
                .hasMessageContaining("NEWSFLOW_INGEST_PORT=99999: expected a whole number from 0 to 65535")
                .hasMessageContaining("NEWSFLOW_POLL_INTERVAL: 'soon' is not a duration")
                .hasMessageContaining("--feed: 'ftp://x' is not an http(s) URL");
        assertThatThrownBy(() -> ServeSettings.config(Map.of(ServeSettings.FEEDS_FILE, file.toString()), List.of()))
                .hasMessage(file + ":1: 'every-day' is not a duration: write 30s, 5m, 2h or ISO-8601 like PT5M");
    }

    @Test
    void aBadFlagIsAOneLineUsageError() {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        int code;
        try {
            var cli = Cli.commandLine(new ServeCommand());
            cli.setErr(new java.io.PrintWriter(System.err, true));
            code = cli.execute("--poll-interval", "0s", "--port", "-1");
        } finally {
            System.setErr(original);
        }
        assertThat(code).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).isEqualTo("serve: NEWSFLOW_INGEST_PORT=-1: expected a whole number from 0 to 65535; "
                + "NEWSFLOW_POLL_INTERVAL: '0s' must be longer than zero");
    }

    @Test
    void durationsReadTheWaysOperatorsWriteThem() {
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(Durations.parse("PT10M")).isEqualTo(Duration.ofMinutes(10));
    }
}
