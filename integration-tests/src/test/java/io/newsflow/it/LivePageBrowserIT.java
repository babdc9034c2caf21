package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.EnrichApp;
import io.newsflow.enrich.EnrichConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.enrich.live.LivePage;
import io.newsflow.ingest.Ingester;
import io.newsflow.ops.Access;
import io.newsflow.ops.OpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The live page in a real browser: headless Chromium (the system's {@code chromium} and {@code chromedriver}, driven by
 * Selenium) on enrich's HTTP server, against the real broker and registry. Articles written for the test and one that
 * dead-letters go through ingest and enrich; the page must show the article, its tags, a trending entry, the dead letter's
 * reason, article text as text (not markup), and fit a phone's width. Enrich has a token, as an exposed one would: the
 * page is opened once with {@code ?token=} and keeps it.
 *
 * <p>No browser: with {@code NEWSFLOW_REQUIRE_BROWSER=1} (CI, {@code .ci/run}) the test fails saying so; elsewhere it is
 * skipped with the same message.
 */
@ExtendWith(SharedStack.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LivePageBrowserIT {

    private static final Duration DEADLINE = Duration.ofSeconds(90);
    private static final String TITLE = "Dock workers strike in Genoa";
    /** The page is opened as an operator would open an exposed one: with the token, once. */
    private static final String TOKEN = "it-live-token";
    /** An article title that is markup: the page must show it as text and run nothing. */
    private static final String MARKUP_TITLE = "Markup <b>bold</b> <img src=x onerror=\"window.pwned=1\"> title";

    private Path dir;
    private EnrichApp enrich;
    private URI page;
    private WebDriver browser;

    /** Why there is no browser (each test is then skipped, saying so), or null. */
    private String noBrowser;

    @BeforeAll
    void startPipelineAndBrowser() throws Exception {
        Browser found = Browser.find();
        if (found == null) {
            noBrowser = Browser.missing();
            return;
        }
        dir = Files.createTempDirectory("newsflow-livepage-");
        SharedStack.Topics topics = SharedStack.topics("live", 1);
        EnrichConfig config = Pipeline.enrichConfig(topics, "it-live-" + topics.raw(), dir, Map.of(EnrichConfig.METRICS_PORT, "0",
                EnrichConfig.HTTP_TOKEN, TOKEN));
        enrich = new EnrichApp(config);
        enrich.start();
        page = enrich.opsUrl().orElseThrow();
        assertThat(page.getHost()).as("the HTTP server binds loopback by default").isEqualTo("127.0.0.1");

        Path articles = dir.resolve("articles.jsonl");
        Files.writeString(articles, String.join("\n",
                json("live-genoa", TITLE, "https://example.org/genoa-strike",
                        "Prime Minister Giorgia Meloni visited the port of Genoa on Monday as dock workers went on strike over pay.\n"
                                + "Advert\n"
                                + "Unions said the strike would continue until talks with the port authority resume.\n"
                                + "Topics: Strikes, Ports\n"),
                json("live-rome", "Meloni meets mayors in Rome", "https://example.org/rome-mayors",
                        "Giorgia Meloni met the mayors of several cities in Rome on Tuesday to discuss housing.\n"
                                + "Topics: Housing\n"),
                json("live-markup", MARKUP_TITLE, "javascript:window.pwned=2",
                        "Giorgia Meloni spoke in Milan about the budget on Wednesday.\n")) + "\n", StandardCharsets.UTF_8);
        // nothing but ad markers: nothing left once cleaned, dead-lettered at require-content
        Path adsOnly = dir.resolve("ads-only.txt");
        Files.writeString(adsOnly, "Advert\nADVERTISEMENT\nSponsored\n", StandardCharsets.UTF_8);
        Ingester.Result ingested = Pipeline.ingest(topics.raw(), List.of(articles.toString(), adsOnly.toString()));
        assertThat(ingested.published()).isEqualTo(4);

        browser = found.start();
    }

    private static String json(String id, String title, String url, String body) {
        return "{\"id\":" + quote(id) + ",\"title\":" + quote(title) + ",\"url\":" + quote(url) + ",\"body\":" + quote(body) + "}";
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @BeforeEach
    void needsABrowser() {
        Assumptions.assumeTrue(noBrowser == null, noBrowser);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (enrich != null) {
            enrich.close();
        }
        if (dir != null) {
            io.newsflow.stack.Folders.deleteQuietly(dir);
        }
    }

    /**
     * Looks at the element's text until it passes the check, against a deadline; fails with what the element shows and
     * {@code note}'s text.
     */
    private String await(String id, Function<String, Boolean> check, String what, String note) {
        return await(id, check, what, note, noteText -> false);
    }

    /** The same, failing at once when {@code note}'s text says it is hopeless. */
    private String await(String id, Function<String, Boolean> check, String what, String note, Function<String, Boolean> hopeless) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (true) {
            String text = browser.findElement(By.id(id)).getText();
            if (check.apply(text)) {
                return text;
            }
            if (System.nanoTime() > deadline || note != null && hopeless.apply(browser.findElement(By.id(note)).getText())) {
                String noteText = note == null ? "" : browser.findElement(By.id(note)).getText();
                return Assertions.fail(what + " not on the page (waited up to " + DEADLINE.toSeconds() + " s); #" + id + " shows: " + text
                        + (noteText.isEmpty() ? "" : "; #" + note + " says: " + noteText));
            }
            try {
                Thread.sleep(250); // the page polls every 2 s; look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Assertions.fail("interrupted");
            }
        }
    }

    private void open() {
        browser.get(page.resolve("/?token=" + TOKEN).toString());
    }

    private static HttpResponse<String> get(URI uri, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDataNeedsTheTokenAndThePageKeepsItOutOfTheAddressBar() throws Exception {
        URI state = page.resolve("/v1/live/state");
        assertThat(get(state, null).statusCode()).isEqualTo(401);
        assertThat(get(state, "wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> answer = get(state, TOKEN);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(get(page.resolve("/"), null).statusCode()).as("the page itself holds no data").isEqualTo(200);

        open();
        await("status", text -> text.startsWith("updated"), "the first update", null);
        assertThat(browser.getCurrentUrl()).doesNotContain("token");

        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(page.resolve("/").toString());
        await("status", text -> text.contains("a token is needed"), "the page asking for the token", null);
    }

    @Test
    void showsTheIngestedArticleWithItsTagsAndNoise() {
        open();
        String articles = await("article-list", text -> text.contains(TITLE) && text.contains("Giorgia Meloni"), "the article and its tags",
                "status");
        assertThat(articles).contains("Strikes").contains("noise lines removed");
        assertThat(browser.findElement(By.cssSelector("li.article[data-id='live-genoa'] a")).getAttribute("href"))
                .isEqualTo("https://example.org/genoa-strike");
        assertThat(browser.findElements(By.cssSelector("li.article[data-id='live-genoa'] .tag.PERSON")))
                .extracting(WebDriverElementText::of).anyMatch(tag -> tag.startsWith("Giorgia Meloni"));
    }

    @Test
    void showsEachServicesRateAndEnrichsLagOnceEverythingIsRead() {
        open();
        // every raw record committed by enrich: no lag; rates once two samples are in (a dash before)
        String services = await("service-figures", text -> text.contains("enrich: lag\n0 records") && !text.contains("–"),
                "enrich's lag of 0 and every rate", "status");
        assertThat(services).containsPattern("ingest: written\\n[0-9.,]+/s").containsPattern("enrich: read\\n[0-9.,]+/s")
                .containsPattern("enrich: written\\n[0-9.,]+/s").containsPattern("dead letters\\n[0-9.,]+/s");
    }

    @Test
    void showsTheDeadLetterWithItsStageAndReason() {
        open();
        String deadLetters = await("dead-letters", text -> text.contains("require-content"), "the dead letter", "status");
        assertThat(deadLetters).contains("nothing left after cleaning");
    }

    @Test
    void showsArticleTextAsTextAndRunsNoneOfIt() {
        open();
        await("article-list", text -> text.contains(MARKUP_TITLE), "the article whose title is markup", "status");
        assertThat(browser.findElements(By.cssSelector("#article-list b, #article-list img"))).as("markup from an article").isEmpty();
        assertThat(browser.findElements(By.cssSelector("li.article[data-id='live-markup'] a"))).as("a javascript: link").isEmpty();
        assertThat(((JavascriptExecutor) browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
    }

    /** Needs {@code GET /v1/trending} on the same server; where it has none the page says so, and this fails at once naming it. */
    @Test
    void showsATrendingEntryForAnIngestedName() {
        open();
        // the page says "trending not available" where the server has no /v1/trending: no use waiting then
        await("trending-types", text -> text.contains("Giorgia Meloni"), "a trending entry for Giorgia Meloni", "trending-note",
                note -> note.contains("not available"));
    }

    /**
     * How the page draws an answer of {@code GET /v1/trending}: the contract's example answer, served next to the page's
     * own files and the real enrich's {@code /v1/live/state}, because this server has no trending endpoint of its own.
     */
    @Test
    void drawsATrendingAnswerWithItsCountScoreAndSparkline() throws Exception {
        String trending = "{\"type\":\"PERSON\",\"window\":\"1h\",\"asOf\":\"2026-12-03T10:00:00Z\",\"tags\":[{\"name\":\"Giorgia Meloni\","
                + "\"type\":\"PERSON\",\"count\":12,\"baseline\":1.5,\"score\":8.6,\"series\":[0,0,1,3,8]}]}";
        Map<String, OpsServer.Route> routes = new java.util.HashMap<>(LivePage.files());
        routes.put("/v1/live/state", call -> call.send(200, "application/json", get(page.resolve("/v1/live/state"), TOKEN).body(), Map.of()));
        routes.put("/v1/trending", call -> call.send(200, "application/json", trending, Map.of()));
        try (OpsServer server = OpsServer.start(new Access("127.0.0.1", null, EnrichConfig.HTTP_TOKEN), 0,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), OpsServer.Readiness::yes, routes)) {
            browser.get("http://127.0.0.1:" + server.port() + "/");
            String shown = await("trending-types", text -> text.contains("Giorgia Meloni"), "the trending entry", "trending-note");
            assertThat(shown).contains("12 · 8.6");
            List<org.openqa.selenium.WebElement> lines = browser.findElements(By.cssSelector("#trending-types .trend polyline"));
            assertThat(lines).as("one sparkline per tag and type").hasSize(4);
            assertThat(lines.get(0).getAttribute("points").split(" ")).as("one point per bucket").hasSize(5);
        }
    }

    @Test
    void fitsAPhoneScreenWithoutHorizontalScrolling() {
        Dimension before = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new Dimension(375, 740));
            open();
            await("article-list", text -> text.contains(TITLE), "the article", "status");
            await("dead-letters", text -> text.contains("require-content"), "the dead letter", "status");
            JavascriptExecutor js = (JavascriptExecutor) browser;
            long viewport = (Long) js.executeScript("return document.documentElement.clientWidth");
            long content = (Long) js.executeScript("return Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
            assertThat(viewport).as("the window is phone-sized").isLessThan(420);
            assertThat(content).as("page width at a %d px wide viewport", viewport).isLessThanOrEqualTo(viewport);
            @SuppressWarnings("unchecked")
            List<Long> lefts = (List<Long>) js.executeScript("return Array.from(document.querySelectorAll('main > section'))"
                    + ".map(function (s) { return Math.round(s.getBoundingClientRect().left); })");
            assertThat(lefts).as("one column: every section starts at the same left edge").hasSize(4).containsOnly(lefts.get(0));
        } finally {
            browser.manage().window().setSize(before);
        }
    }

    /** The text of an element (a named function for AssertJ's extracting). */
    private static final class WebDriverElementText {
        static String of(org.openqa.selenium.WebElement element) {
            return element.getText();
        }
    }

    /** The system's Chromium and its driver, or why there are none. */
    private record Browser(Path chromium, Path driver) {

        static final String REQUIRE = "NEWSFLOW_REQUIRE_BROWSER";

        /** The browser, or null outside CI when there is none (the reason printed); in CI no browser fails the test. */
        static Browser find() {
            Optional<Path> chromium = findChromium();
            Optional<Path> driver = findDriver();
            if (chromium.isPresent() && driver.isPresent()) {
                return new Browser(chromium.get(), driver.get());
            }
            String message = missing();
            System.err.println(message);
            if ("1".equals(System.getenv(REQUIRE)) || "true".equalsIgnoreCase(System.getenv(REQUIRE))) {
                return Assertions.fail(message + "; " + REQUIRE + " is set, so this is a failure, not a skip");
            }
            return null;
        }

        /** One line: which of the two is missing, and what to install. */
        static String missing() {
            Optional<Path> chromium = findChromium();
            Optional<Path> driver = findDriver();
            return "LivePageBrowserIT: no browser: " + (chromium.isEmpty() ? "no chromium" : "chromium at " + chromium.get())
                    + ", " + (driver.isEmpty() ? "no chromedriver" : "chromedriver at " + driver.get())
                    + " (install the Debian packages chromium and chromium-driver, or set NEWSFLOW_CHROMIUM and NEWSFLOW_CHROMEDRIVER)";
        }

        private static Optional<Path> findChromium() {
            return first("NEWSFLOW_CHROMIUM", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        }

        private static Optional<Path> findDriver() {
            return first("NEWSFLOW_CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        }

        private static Optional<Path> first(String variable, String... candidates) {
            String set = System.getenv(variable);
            Stream<String> paths = set != null && !set.isBlank() ? Stream.of(set) : Stream.of(candidates);
            return paths.map(Path::of).filter(Files::isExecutable).findFirst();
        }

        WebDriver start() {
            System.setProperty("webdriver.chrome.driver", driver.toString());
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900");
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
            return new ChromeDriver(service, options);
        }
    }
}
