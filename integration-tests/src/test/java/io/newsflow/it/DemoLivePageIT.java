package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.cli.NewsflowCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsflow demo --keep-running}, as a newcomer runs it: its own stack, the samples, and the address of the live
 * page on stderr, which serves the page and the samples' articles; SIGTERM stops it all.
 */
class DemoLivePageIT {

    private static final Pattern LIVE_PAGE = Pattern.compile("demo: live page at (http://127\\.0\\.0\\.1:\\d+/)\n");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void keepRunningPrintsTheLivePageAddressAndThePageServesTheSamples() throws Exception {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        Path out = dir.resolve("stdout.txt");
        Path err = dir.resolve("stderr.txt");
        Process demo = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"),
                "-Dnewsflow.home=" + System.getProperty("newsflow.home"), "-Dnewsflow.registry.jar=" + System.getProperty("newsflow.registry.jar"),
                "-Djava.io.tmpdir=" + dir, NewsflowCommand.class.getName(), "demo", "--keep-running")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            awaitCondition(() -> Files.readString(err).contains("demo: Ctrl-C to stop") || !demo.isAlive(), err);
            String said = Files.readString(err);
            Matcher live = LIVE_PAGE.matcher(said);
            assertThat(live.find()).as("stderr names the live page:%n%s", said).isTrue();
            URI page = URI.create(live.group(1));

            HttpResponse<String> html = HTTP.send(HttpRequest.newBuilder(page).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.body()).contains("<title>newsflow live</title>");
            JsonNode[] state = new JsonNode[1];
            awaitCondition(() -> {
                state[0] = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(page.resolve("/v1/live/state")).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body());
                return state[0].path("articles").size() >= 7;
            }, err);
            assertThat(state[0].path("articles").findValuesAsText("title")).contains("Tokyo votes");

            demo.destroy(); // SIGTERM
            assertThat(demo.waitFor(60, TimeUnit.SECONDS)).as("stopped within 60 s of SIGTERM").isTrue();
        } finally {
            demo.destroyForcibly();
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void awaitCondition(Condition condition, Path err) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!condition.met()) {
            assertThat(System.nanoTime()).as("not within 180 s; stderr:%n%s", Files.readString(err)).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
