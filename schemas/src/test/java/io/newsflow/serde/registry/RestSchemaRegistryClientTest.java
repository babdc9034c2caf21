package io.newsflow.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Protocol-level checks of the REST client against canned HTTP answers in Confluent's documented
 * shapes. The client against a real registry is covered by the integration tests.
 */
class RestSchemaRegistryClientTest {

    private static final Schema SCHEMA = SchemaBuilder.record("Thing").namespace("io.newsflow.test").fields()
            .requiredString("name").endRecord();

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int status;
    private volatile String answer;
    /** Answers with 500 to this many requests before giving the configured answer. */
    private final java.util.concurrent.atomic.AtomicInteger failuresLeft = new java.util.concurrent.atomic.AtomicInteger();
    /** Answers given before the configured one, in order: status and body. */
    private final java.util.Deque<java.util.Map.Entry<Integer, String>> scripted = new java.util.concurrent.ConcurrentLinkedDeque<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body);
            boolean fail = failuresLeft.getAndDecrement() > 0;
            java.util.Map.Entry<Integer, String> next = fail ? null : scripted.poll();
            int code = fail ? 500 : next != null ? next.getKey() : status;
            byte[] bytes = (fail ? "{\"error_code\":50001,\"message\":\"Timeout trying to lock table\"}"
                    : next != null ? next.getValue() : answer).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(code, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/apis/ccompat/v7";
    }

    private RestSchemaRegistryClient client(String... urls) {
        return new RestSchemaRegistryClient(List.of(urls), Duration.ofSeconds(2), null);
    }

    @Test
    void registerPostsTheSchemaAsAJsonStringUnderTheSubject() {
        status = 200;
        answer = "{\"id\":7}";

        int id = client(url()).register("news.articles.raw-value", SCHEMA);

        assertThat(id).isEqualTo(7);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r).startsWith("POST /apis/ccompat/v7/subjects/news.articles.raw-value/versions ");
            assertThat(r).contains("application/vnd.schemaregistry.v1+json");
            assertThat(r).contains("{\"schema\":\"{\\\"type\\\":\\\"record\\\"");
        });
    }

    @Test
    void serverErrorsAreRetriedAndThenSucceed() {
        status = 200;
        answer = "{\"id\":11}";
        failuresLeft.set(2);

        assertThat(client(url()).register("things-value", SCHEMA)).isEqualTo(11);
        assertThat(requests).hasSize(3);
    }

    @Test
    void persistentServerErrorsGiveUpAfterABoundedNumberOfAttempts() {
        status = 200;
        answer = "{\"id\":11}";
        failuresLeft.set(100);

        assertThatThrownBy(() -> client(url()).register("things-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("Timeout trying to lock table");
        assertThat(requests).hasSize(RestSchemaRegistryClient.MAX_ATTEMPTS);
    }

    @Test
    void clientErrorsAreNotRetried() {
        status = 422;
        answer = "{\"error_code\":42201,\"message\":\"Invalid schema\"}";

        assertThatThrownBy(() -> client(url()).register("things-value", SCHEMA))
                .extracting(e -> ((SchemaRegistryException) e).kind())
                .isEqualTo(SchemaRegistryException.Kind.INVALID);
        assertThat(requests).hasSize(1);
    }

    @Test
    void conflictIsReportedAsIncompatibleWithTheRegistrysReason() {
        status = 409;
        answer = "{\"error_code\":409,\"message\":\"Schema being registered is incompatible: READER_FIELD_MISSING_DEFAULT_VALUE size\"}";
        scripted.add(java.util.Map.entry(409, answer));
        scripted.add(java.util.Map.entry(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}"));

        assertThatThrownBy(() -> client(url()).register("things-value", SCHEMA))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("incompatible schema")
                .hasMessageContaining("READER_FIELD_MISSING_DEFAULT_VALUE size")
                .extracting(e -> ((SchemaRegistryException) e).kind())
                .isEqualTo(SchemaRegistryException.Kind.INCOMPATIBLE);
    }

    @Test
    void aConflictFromARacingRegistrationIsResolvedByLookingTheSchemaUp() {
        scripted.add(java.util.Map.entry(409, "{\"error_code\":409,\"message\":\"An artifact with ID 'things-value' already exists.\"}"));
        status = 200;
        answer = "{\"subject\":\"things-value\",\"id\":5,\"version\":1,\"schema\":\"{}\"}";

        assertThat(client(url()).register("things-value", SCHEMA)).isEqualTo(5);
        assertThat(requests).hasSize(2);
        assertThat(requests.get(1)).startsWith("POST /apis/ccompat/v7/subjects/things-value ");
    }

    @Test
    void unknownIdIsNotFound() {
        status = 404;
        answer = "{\"error_code\":40403,\"message\":\"Schema 99 not found\"}";

        assertThatThrownBy(() -> client(url()).getById(99))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("40403")
                .extracting(e -> ((SchemaRegistryException) e).kind())
                .isEqualTo(SchemaRegistryException.Kind.NOT_FOUND);
    }

    @Test
    void unreachableRegistryNamesTheUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String dead = "http://127.0.0.1:" + closedPort;

        assertThatThrownBy(() -> client(dead).getById(1))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("schema registry unreachable")
                .hasMessageContaining("127.0.0.1:" + closedPort)
                .extracting(e -> ((SchemaRegistryException) e).kind())
                .isEqualTo(SchemaRegistryException.Kind.UNREACHABLE);
    }

    @Test
    void fallsOverToTheNextUrlWhenTheFirstIsDown() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        status = 200;
        answer = "{\"schema\":" + com.fasterxml.jackson.databind.node.TextNode.valueOf(SCHEMA.toString()) + "}";

        Schema fetched = client("http://127.0.0.1:" + closedPort, url()).getById(3);

        assertThat(fetched).isEqualTo(SCHEMA);
    }

    @Test
    void compatibilityReadsConfluentMessagesAndApicurioReason() {
        status = 200;
        answer = "{\"is_compatible\":false,\"messages\":[\"field size has no default\"],\"reason\":\"apicurio says no\"}";

        SchemaRegistryClient.CompatibilityResult result = client(url()).testCompatibility("things-value", SCHEMA);

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).containsExactly("field size has no default", "apicurio says no");
        assertThat(requests).singleElement().asString()
                .startsWith("POST /apis/ccompat/v7/compatibility/subjects/things-value/versions/latest?verbose=true");
    }
}
