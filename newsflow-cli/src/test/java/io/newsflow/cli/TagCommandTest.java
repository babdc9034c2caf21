package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsflow tag}: the enrich text steps without Kafka; JSON lines on stdout, one-line problems on stderr. */
class TagCommandTest {

    @TempDir
    Path dir;

    private static CommandRun run(String... args) throws Exception {
        return CommandRun.of(new TagCommand(), args);
    }

    @Test
    void tagsTextAndHtmlArticlesAsEnrichDoes() throws Exception {
        Path text = dir.resolve("derby.txt");
        Files.writeString(text, """
                Late winner settles the derby

                The striker scored in the 89th minute as the home side won the derby 2-1 on Saturday.
                Advert
                The coach praised the defence, and the win lifts the club to second in the league table.

                Topics: Football, Derby""");
        Path page = dir.resolve("budget.html");
        Files.writeString(page, "<html><head><title>Parliament passes the budget</title></head><body><article>"
                + "<h1>Parliament passes the budget</h1><p>Members of parliament voted 312 to 290 for the government's budget "
                + "on Tuesday after the opposition failed to amend the spending plans.</p><p>The finance minister said the vote "
                + "showed the coalition was united ahead of next year's election.</p></article></body></html>");

        CommandRun run = run(text.toString(), page.toString());

        assertThat(run.code()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.lines()).hasSize(2);
        JsonNode derby = run.lines().get(0);
        assertThat(derby.get("file").asText()).isEqualTo(text.toString());
        assertThat(derby.get("topics").get(0).asText()).isEqualTo("sport");
        // the footer's own tags first, as enrich writes them; the ad line never reaches the tagger
        assertThat(derby.get("tags").get(0).get("name").asText()).isEqualTo("Football");
        assertThat(derby.get("tags").get(0).get("origin").asText()).isEqualTo("FOOTER");
        JsonNode budget = run.lines().get(1);
        assertThat(budget.get("title").asText()).isEqualTo("Parliament passes the budget");
        assertThat(budget.get("topics").get(0).asText()).isEqualTo("politics");
    }

    @Test
    void aPageWithoutTextIsNamedOnStderrAndTheRestTagged() throws Exception {
        Files.writeString(dir.resolve("empty.html"), "<html><body><nav><a href=/>Home</a></nav></body></html>");
        Files.writeString(dir.resolve("ok.txt"), "Shares fell after the bank cut its profit forecast and the market closed lower.");

        CommandRun run = run(dir.resolve("empty.html").toString(), dir.resolve("ok.txt").toString());

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1).first().asString().startsWith("tag: " + dir.resolve("empty.html")).contains("no article text");
        assertThat(run.lines()).hasSize(1);
        assertThat(run.lines().get(0).get("topics").get(0).asText()).isEqualTo("economy, business and finance");
    }
}
