package io.newsflow.it;

import io.newsflow.cli.NewsflowCommand;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.newsflow.ingest.serve.Feed;
import io.newsflow.ingest.serve.IngestService;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroDeserializer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code newsflow serve} on the real broker and registry: the HTTP API's answers, feeds with conditional GET, dedup across a restart. */
@ExtendWith(SharedStack.class)
class IngestServiceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static IngestService start(String topic, String seenTopic, List<Feed> feeds, String token) throws Exception {
        return IngestService.start(new IngestService.Config("127.0.0.1", 0, topic, seenTopic, feeds, 64 * 1024, 200_000, token,
                "it-" + seenTopic, Duration.ofSeconds(15)), SharedStack.stack().clientSettings(), Clock.systemUTC());
    }

    private static HttpResponse<String> post(URI base, String contentType, String body, String... headers) throws Exception {
        return post(base, contentType, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static HttpResponse<String> post(URI base, String contentType, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/articles")).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(URI base, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Answers sent without reading the request (401, 415, 413) used to close the connection on unread content: a client
     * still sending, or reusing the pooled connection, then got "header parser received no bytes" instead of the answer.
     */
    @Test
    void rejectedRequestsAreAnsweredEveryTimeOnOneClient() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("serve-rejects", 1);
        try (IngestService service = start(topics.raw(), topics.raw() + ".seen", List.of(), "s3cret")) {
            URI url = service.url();
            String tooLarge = "[" + "{\"body\":\"x\"},".repeat(20_000) + "{}]";
            for (int i = 0; i < 20; i++) {
                assertThat(post(url, "application/json", "{\"body\":\"x\"}", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
                assertThat(post(url, "text/plain", "hello", "Authorization", "Bearer s3cret").statusCode()).isEqualTo(415);
                assertThat(post(url, "application/json", tooLarge, "Authorization", "Bearer s3cret").statusCode()).isEqualTo(413);
            }
        }
    }

    @Test
    void theApiAnswersWithTheRightStatusAndPublishesOnlyWhatItAccepts() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("serve-api", 1);
        try (IngestService service = start(topics.raw(), topics.raw() + ".seen", List.of(), "s3cret")) {
            URI url = service.url();
            String auth = "Bearer s3cret";

            HttpResponse<String> one = post(url, "application/json", "{\"id\":\"api-1\",\"body\":\"Trams in Porto run all night.\"}",
                    "Authorization", auth);
            assertThat(one.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(one.body()).get("accepted").findValuesAsText("id")).containsExactly("api-1");

            HttpResponse<String> array = post(url, "application/json; charset=utf-8",
                    "[{\"id\":\"api-2\",\"body\":\"Second.\"},{\"id\":\"api-3\"},{\"id\":\"api-4\",\"body\":\"" + "x".repeat(70_000) + "\"}]",
                    "Authorization", auth);
            assertThat(array.statusCode()).isEqualTo(202);
            JsonNode answer = JSON.readTree(array.body());
            assertThat(answer.get("accepted").findValuesAsText("id")).containsExactly("api-2");
            assertThat(answer.get("rejected").findValuesAsText("reason")).containsExactly("missing or empty \"body\"",
                    answer.get("rejected").get(1).get("reason").asText());
            assertThat(answer.get("rejected").get(1).get("reason").asText()).startsWith("over the size limit");
            assertThat(answer.get("rejected").findValues("index")).extracting(JsonNode::asInt).containsExactly(1, 2);

            HttpResponse<String> ndjson = post(url, "application/x-ndjson", "{\"id\":\"api-5\",\"body\":\"Fifth.\"}\n{oops\n", "Authorization", auth);
            assertThat(ndjson.statusCode()).isEqualTo(202);
            assertThat(JSON.readTree(ndjson.body()).get("rejected").get(0).get("reason").asText()).startsWith("line 2: bad JSON at column 2: ");

            // an invalid byte in one line: that line is rejected with its offset, the others are taken, as from a file
            byte[] good = "{\"id\":\"api-6\",\"body\":\"Sixth.\"}\n".getBytes(StandardCharsets.UTF_8);
            byte[] bad = "{\"id\":\"api-7\",\"body\":\"Caf\u00e9\"}".getBytes(StandardCharsets.UTF_8);
            int offset = bad.length - 4; // the first byte of the two-byte \u00e9, before the closing quote and brace
            bad[offset + 1] = (byte) 0x28; // 0xC3 then '(' is not UTF-8
            byte[] last = "\n{\"id\":\"api-8\",\"body\":\"Eighth.\"}\n".getBytes(StandardCharsets.UTF_8);
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            body.writeBytes(good);
            body.writeBytes(bad);
            body.writeBytes(last);
            HttpResponse<String> badByte = post(url, "application/x-ndjson", body.toByteArray(), "Authorization", auth);
            assertThat(badByte.statusCode()).isEqualTo(202);
            JsonNode badByteAnswer = JSON.readTree(badByte.body());
            assertThat(badByteAnswer.get("accepted").findValuesAsText("id")).containsExactly("api-6", "api-8");
            assertThat(badByteAnswer.get("rejected")).hasSize(1);
            assertThat(badByteAnswer.get("rejected").get(0).get("index").asInt()).isEqualTo(1);
            assertThat(badByteAnswer.get("rejected").get(0).get("reason").asText())
                    .isEqualTo("line 2: not UTF-8: invalid byte sequence at byte offset " + offset);
            HttpResponse<String> badByteJson = post(url, "application/json", bad, "Authorization", auth);
            assertThat(badByteJson.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badByteJson.body()).get("detail").asText())
                    .startsWith("not UTF-8: invalid byte sequence at byte offset " + offset);

            HttpResponse<String> badJson = post(url, "application/json", "{\"id\": \"x\",", "Authorization", auth);
            assertThat(badJson.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(badJson.body()).get("error").asText()).isEqualTo("bad JSON");
            assertThat(JSON.readTree(badJson.body()).get("detail").asText()).startsWith("line 1, column");
            assertThat(post(url, "application/json", "[{\"id\":\"none\"}]", "Authorization", auth).statusCode()).isEqualTo(400);
            HttpResponse<String> noToken = post(url, "application/json", "{\"body\":\"x\"}");
            assertThat(noToken.statusCode()).isEqualTo(401);
            assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(post(url, "application/json", "{\"body\":\"x\"}", "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
            assertThat(post(url, "text/plain", "hello", "Authorization", auth).statusCode()).isEqualTo(415);
            assertThat(post(url, "application/json", "[" + "{\"body\":\"x\"},".repeat(20_000) + "{}]", "Authorization", auth).statusCode())
                    .isEqualTo(413);
            assertThat(get(url, "/v1/articles").statusCode()).isEqualTo(405);
            assertThat(get(url, "/nope").statusCode()).isEqualTo(404);
            assertThat(JSON.readTree(get(url, "/nope").body()).has("error")).isTrue();

            assertThat(get(url, "/healthz").statusCode()).isEqualTo(200);
            assertThat(get(url, "/readyz").statusCode()).isEqualTo(200);
            String metrics = get(url, "/metrics").body();
            assertThat(metrics).contains("newsflow_articles_ingested_total{source=\"jsonl\"} 5.0")
                    .contains("newsflow_articles_rejected_total{reason=\"invalid\"}")
                    .contains("newsflow_http_requests_total{status=\"415\"} 1.0")
                    .contains("kafka_producer_");

            assertThat(readIds(topics.raw(), 5)).containsExactly("api-1", "api-2", "api-5", "api-6", "api-8");
        }
    }

    @Test
    void aRegistryOutageIs503WithRetryAfterAndNothingPublished() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("serve-503", 1);
        try (IngestService service = start(topics.raw(), topics.raw() + ".seen", List.of(), null)) {
            SharedStack.stack().registry().suspend();
            try {
                HttpResponse<String> down = post(service.url(), "application/json", "{\"id\":\"r-1\",\"body\":\"During the outage.\"}");
                assertThat(down.statusCode()).isEqualTo(503);
                assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
                assertThat(JSON.readTree(down.body()).get("detail").asText()).contains("nothing was published");
                assertThat(get(service.url(), "/readyz").statusCode()).isEqualTo(503);
            } finally {
                SharedStack.stack().registry().resume();
            }
            HttpResponse<String> again = post(service.url(), "application/json", "{\"id\":\"r-1\",\"body\":\"During the outage.\"}");
            assertThat(again.statusCode()).isEqualTo(202);
            assertThat(readIds(topics.raw(), 1)).containsExactly("r-1");
        }
    }

    @Test
    void feedsArePolledConditionallyAndNoItemIsPublishedTwiceAcrossARestart() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("serve-feed", 1);
        List<String> conditional = Collections.synchronizedList(new ArrayList<>());
        List<String> agents = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger fetches = new AtomicInteger();
        byte[] rss = gzip(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
                + "<channel><title>Harbour Gazette</title><link>https://gazette.example/</link><description>d</description>"
                + "<item><title>Ferries cancelled</title><link>https://gazette.example/a</link><guid>gz-1</guid>"
                + "<pubDate>Tue, 24 Nov 2026 18:20:00 GMT</pubDate><description>teaser</description>"
                + "<content:encoded><![CDATA[<p>Ferries in Lisbon were cancelled.</p><p>ADVERTISEMENT</p>]]></content:encoded></item>"
                + "<item><title>Strike ends</title><link>https://gazette.example/b</link><guid>gz-2</guid>"
                + "<description><![CDATA[<p>Dock workers in Hamburg went back.</p>]]></description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8));
        HttpServer feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", "/rss");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        feedServer.createContext("/rss", exchange -> {
            fetches.incrementAndGet();
            agents.add(exchange.getRequestHeaders().getFirst("User-Agent"));
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            if ("\"v1\"".equals(ifNoneMatch)) {
                conditional.add(ifNoneMatch);
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Content-Encoding", "gzip");
            exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
            exchange.sendResponseHeaders(200, rss.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(rss);
            }
        });
        feedServer.start();
        String seen = topics.raw() + ".seen";
        Feed feed = new Feed(URI.create("http://127.0.0.1:" + feedServer.getAddress().getPort() + "/moved"), Duration.ofMillis(300));
        try {
            try (IngestService first = start(topics.raw(), seen, List.of(feed), null)) {
                assertThat(readIds(topics.raw(), 2)).containsExactly("gz-1", "gz-2");
                awaitCondition(() -> !conditional.isEmpty());
                assertThat(get(first.url(), "/metrics").body()).contains("outcome=\"not_modified\"");
            }
            int fetchesBefore = fetches.get();
            try (IngestService second = start(topics.raw(), seen, List.of(feed), null)) {
                awaitCondition(() -> fetches.get() > fetchesBefore);
                awaitCondition(() -> second.metrics().find("newsflow.feed.items").tag("outcome", "seen").counter() != null
                        && second.metrics().find("newsflow.feed.items").tag("outcome", "seen").counter().count() >= 2);
                assertThat(second.metrics().get("newsflow.feed.items").tag("outcome", "published").counter().count()).isZero();
            }
            List<ConsumerRecord<String, RawArticle>> records = readRecords(topics.raw(), 2, Duration.ofSeconds(3));
            assertThat(records).extracting(ConsumerRecord::key).containsExactly("gz-1", "gz-2");
            RawArticle item = records.get(0).value();
            assertThat(item.getContentType()).isEqualTo("text/html");
            assertThat(item.getBody()).contains("<p>Ferries in Lisbon were cancelled.</p>");
            assertThat(item.getSource()).isEqualTo("Harbour Gazette");
            assertThat(item.getTitle()).isEqualTo("Ferries cancelled");
            assertThat(item.getPublishedAt()).isEqualTo(java.time.Instant.parse("2026-11-24T18:20:00Z"));
            assertThat(agents).allSatisfy(agent -> assertThat(agent).startsWith("newsflow-ingest/"));
        } finally {
            feedServer.stop(0);
        }
    }

    @Test
    void anItemTwoFeedsCarryIsPublishedOnceWhenTheyArePolledTogether() throws Exception {
        SharedStack.Topics topics = SharedStack.topics("serve-two-feeds", 1);
        byte[] rss = ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><link>https://wire.example/</link>"
                + "<description>d</description><item><title>Shared story</title><link>https://wire.example/s</link><guid>wire-1</guid>"
                + "<description><![CDATA[<p>Both feeds carry this story.</p>]]></description></item></channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        java.util.concurrent.CountDownLatch bothAsked = new java.util.concurrent.CountDownLatch(2);
        HttpServer feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        for (String path : List.of("/a", "/b")) {
            feedServer.createContext(path, exchange -> {
                bothAsked.countDown();
                try {
                    bothAsked.await(5, java.util.concurrent.TimeUnit.SECONDS); // both polls get the item at the same moment
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, rss.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(rss);
                }
            });
        }
        feedServer.start();
        String base = "http://127.0.0.1:" + feedServer.getAddress().getPort();
        List<Feed> feeds = List.of(new Feed(URI.create(base + "/a"), Duration.ofSeconds(30)), new Feed(URI.create(base + "/b"), Duration.ofSeconds(30)));
        try (IngestService service = start(topics.raw(), topics.raw() + ".seen", feeds, null)) {
            awaitCondition(() -> service.metrics().find("newsflow.feed.polls").tag("outcome", "ok").counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count).sum() >= 2);
            assertThat(readRecords(topics.raw(), 2, Duration.ofSeconds(3))).extracting(ConsumerRecord::key).containsExactly("wire-1");
            assertThat(service.metrics().find("newsflow.feed.items").tag("outcome", "published").counters().stream()
                    .mapToDouble(io.micrometer.core.instrument.Counter::count).sum()).isEqualTo(1.0);
        } finally {
            feedServer.stop(0);
        }
    }

    @Test
    void theCommandPrintsOneReadyLineAndSigtermEndsItWithExitZero(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        SharedStack.Topics topics = SharedStack.topics("serve-cli", 1);
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        java.nio.file.Path out = dir.resolve("stdout.txt");
        java.nio.file.Path err = dir.resolve("stderr.txt");
        Process serve = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), NewsflowCommand.class.getName(), "serve",
                "--bootstrap-servers", SharedStack.stack().bootstrapServers(), "--schema-registry-url", SharedStack.stack().schemaRegistryUrl(),
                "--port", "0", "--host", "127.0.0.1", "--topic", topics.raw(), "--instance-id", "it-cli")
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try {
            awaitCondition(() -> java.nio.file.Files.readString(out).contains("\n") || !serve.isAlive());
            List<String> lines = java.nio.file.Files.readAllLines(out);
            assertThat(lines).as("stdout").hasSize(1);
            assertThat(lines.get(0)).matches("ingest\\.url=http://127\\.0\\.0\\.1:\\d+");
            URI url = URI.create(lines.get(0).substring("ingest.url=".length()));

            assertThat(post(url, "application/json", "{\"id\":\"cli-1\",\"body\":\"Sent to the command.\"}").statusCode()).isEqualTo(202);

            serve.destroy(); // SIGTERM
            assertThat(serve.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(serve.exitValue()).as("exit code after SIGTERM").isZero();
            assertThat(java.nio.file.Files.readAllLines(out)).as("still one line on stdout").hasSize(1);
            assertThat(java.nio.file.Files.readString(err)).contains("serve: stopped");
            assertThat(readIds(topics.raw(), 1)).containsExactly("cli-1");
        } finally {
            serve.destroyForcibly();
        }
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    private static void awaitCondition(Condition condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.met()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static byte[] gzip(byte[] bytes) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(bytes);
        }
        return out.toByteArray();
    }

    private static List<String> readIds(String topic, int expected) throws Exception {
        return readRecords(topic, expected, Duration.ofSeconds(30)).stream().map(ConsumerRecord::key).toList();
    }

    /** Every committed record of the topic, once {@code expected} are there (or the wait ran out), plus any that come in a short grace period. */
    private static List<ConsumerRecord<String, RawArticle>> readRecords(String topic, int expected, Duration wait) throws Exception {
        Properties props = SharedStack.stack().clientSettings().kafkaProperties();
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
        avro.configure(Map.of("schema.registry.url", SharedStack.stack().schemaRegistryUrl(), "specific.avro.reader", true), false);
        List<ConsumerRecord<String, RawArticle>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + wait.toNanos();
            long grace = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, grace)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    out.add(new ConsumerRecord<>(record.topic(), record.partition(), record.offset(), record.key(),
                            (RawArticle) avro.deserialize(topic, record.value())));
                }
                if (out.size() >= expected && grace == Long.MAX_VALUE) {
                    grace = System.nanoTime() + Duration.ofSeconds(1).toNanos();
                }
            }
        }
        return out;
    }
}
