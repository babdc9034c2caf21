package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow extract}: JSON lines on stdout, one-line problems on stderr, ingest's exit codes. */
class ExtractCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARTICLE = "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"windows-1252\">"
            + "<title>Fähre fällt aus | Küstenblatt</title><meta property=\"article:published_time\" content=\"2026-03-04T07:30:00+01:00\">"
            + "</head><body><nav><a href=/>Start</a></nav><article><h1>Fähre fällt aus</h1>"
            + "<p>Die Fähre nach Borkum fällt am Mittwoch wegen des Sturms aus, teilte die Reederei mit.</p>"
            + "<div class=\"ad-slot\">Anzeige</div>"
            + "<p>Reisende können ihre Tickets kostenlos umbuchen oder sich den Preis erstatten lassen.</p></article></body></html>";

    @TempDir
    Path dir;

    private static CommandRun run(String... args) throws Exception {
        return CommandRun.of(new ExtractCommand(), args);
    }

    @Test
    void printsOneJsonLinePerPageWithTheMainTextAndMetadata() throws Exception {
        Path page = dir.resolve("faehre.html");
        Files.write(page, ARTICLE.getBytes(Charset.forName("windows-1252")));

        CommandRun run = run(page.toString());

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        JsonNode line = run.lines().get(0);
        assertThat(line.get("file").asText()).isEqualTo(page.toString());
        assertThat(line.get("title").asText()).isEqualTo("Fähre fällt aus");
        assertThat(line.get("publishedAt").asText()).isEqualTo("2026-03-04T06:30:00Z");
        assertThat(line.get("language").asText()).isEqualTo("de");
        assertThat(line.get("body").asText()).isEqualTo("Die Fähre nach Borkum fällt am Mittwoch wegen des Sturms aus, teilte die Reederei mit.\n"
                + "Reisende können ihre Tickets kostenlos umbuchen oder sich den Preis erstatten lassen.");
    }

    @Test
    void walksFoldersForHtmlFilesAndNamesEveryProblemOnItsOwnLine() throws Exception {
        Files.createDirectories(dir.resolve("site/news"));
        Files.writeString(dir.resolve("site/news/a.html"), ARTICLE);
        Files.writeString(dir.resolve("site/notes.txt"), "not a page, not read");
        Files.writeString(dir.resolve("site/shell.htm"), "<!doctype html><html><body><div id=app></div></body></html>");
        Path missing = dir.resolve("missing.html");

        CommandRun run = run(dir.resolve("site").toString(), missing.toString());

        assertThat(run.code()).as("some inputs had problems").isEqualTo(2);
        assertThat(run.lines()).extracting(l -> Path.of(l.get("file").asText()).getFileName().toString()).containsExactly("a.html", "shell.htm");
        assertThat(run.lines().get(1).get("body").asText()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly(
                "extract: " + dir.resolve("site/shell.htm") + ": no article text in the page",
                "extract: rejected " + missing + ": no such file or directory");
    }

    @Test
    void aPageBiggerThanAnyKafkaRecordIsStillExtracted() throws Exception {
        String padding = "<script>var tracking = '" + "x".repeat(2 * 1024 * 1024) + "';</script>";
        Path page = Files.writeString(dir.resolve("big.html"), ARTICLE.replace("</head>", padding + "</head>"));
        assertThat(Files.size(page)).isGreaterThan(2L * 1024 * 1024);

        CommandRun run = run(page.toString());

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0).get("body").asText()).doesNotContain("tracking");
    }

    @Test
    void noPathIsAUsageError() throws Exception {
        assertThat(run().code()).isEqualTo(64);
    }
}
