package io.newsflow.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves the registry's Confluent-compatible API at the root of a port, as Confluent Schema Registry
 * does ({@code http://127.0.0.1:8081/subjects}), by forwarding every request to Apicurio's
 * {@code /apis/ccompat/v7}, and answers as Confluent documents where Apicurio 2.4.2 differs on an
 * endpoint that standard clients use:
 * <ul>
 *   <li>{@code GET /config/{subject}}: 404 with error_code 40408 when the subject has no level of its own
 *       (Apicurio: 200 NONE), the global level with {@code ?defaultToGlobal=true};</li>
 *   <li>{@code POST /subjects/{subject}/versions} of an incompatible schema: 409 with error_code 409
 *       (Apicurio: error_code 0);</li>
 *   <li>{@code POST /subjects/{subject}} of a schema the subject does not have: 40403 "Schema not found"
 *       (Apicurio: 40401, as if the subject did not exist);</li>
 *   <li>{@code POST /compatibility/...}: {@code is_compatible}, and {@code messages} with {@code ?verbose=true}
 *       (Apicurio: a {@code reason} field);</li>
 *   <li>{@code GET /mode}, {@code GET /mode/{subject}}: READWRITE, 40409 for a subject without its own mode
 *       (Apicurio: no such endpoint);</li>
 *   <li>{@code GET /schemas/ids/{id}/schema}: the schema text alone (Apicurio: no such endpoint).</li>
 * </ul>
 */
final class RegistryProxy implements AutoCloseable {

    private static final List<String> FORWARDED_HEADERS = List.of("Content-Type", "Accept", "Authorization");
    private static final String JSON = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern SUBJECT_CONFIG = Pattern.compile("/config/([^/]+)");
    private static final Pattern SUBJECT_MODE = Pattern.compile("/mode/([^/]+)");
    private static final Pattern REGISTER = Pattern.compile("/subjects/([^/]+)/versions");
    private static final Pattern LOOKUP = Pattern.compile("/subjects/([^/]+)");
    private static final Pattern COMPATIBILITY = Pattern.compile("/compatibility/subjects/[^/]+/versions(/[^/]+)?");
    private static final Pattern SCHEMA_TEXT = Pattern.compile("/schemas/ids/(\\d+)/schema");

    /** One HTTP answer. */
    record Answer(int status, byte[] body, String contentType) {
        static Answer json(int status, String json) {
            return new Answer(status, json.getBytes(StandardCharsets.UTF_8), JSON);
        }

        JsonNode tree() {
            try {
                return body.length == 0 ? MAPPER.nullNode() : MAPPER.readTree(body);
            } catch (IOException notJson) {
                return MAPPER.nullNode();
            }
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String upstream;
    private final String nativeApi;

    private RegistryProxy(HttpServer server, ExecutorService executor, String upstream, String nativeApi) {
        this.server = server;
        this.executor = executor;
        this.upstream = upstream;
        this.nativeApi = nativeApi;
    }

    /**
     * Listens on 127.0.0.1:{@code port} (0: any free port) and forwards to {@code upstream}, Apicurio's
     * ccompat base; {@code nativeApi} is Apicurio's own API base (both without trailing slash).
     */
    static RegistryProxy start(int port, String upstream, String nativeApi) throws IOException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        } catch (java.net.BindException e) {
            throw new IOException("port " + port + " is in use: stop what runs there, or pass --registry-port 0 for any free port", e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "registry-proxy");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        RegistryProxy proxy = new RegistryProxy(server, executor, upstream, nativeApi);
        server.createContext("/", proxy::handle);
        server.start();
        return proxy;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            Answer answer;
            try {
                answer = answer(exchange, body);
            } catch (IOException e) {
                answer = Answer.json(502, "{\"error_code\":50201,\"message\":" + quote("schema registry process not answering: "
                        + e.getMessage()) + "}");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                answer = Answer.json(503, "{\"error_code\":50301,\"message\":\"interrupted\"}");
            }
            if (answer.contentType() != null) {
                exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            }
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            if (answer.body().length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        }
    }

    private Answer answer(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String query = exchange.getRequestURI().getRawQuery();
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        Matcher m;
        if (get && path.equals("/mode")) {
            return Answer.json(200, "{\"mode\":\"READWRITE\"}");
        }
        if (get && (m = SUBJECT_MODE.matcher(path)).matches()) {
            return flag(query, "defaultToGlobal") ? Answer.json(200, "{\"mode\":\"READWRITE\"}")
                    : Answer.json(404, "{\"error_code\":40409,\"message\":" + quote("Subject '" + decode(m.group(1))
                    + "' does not have subject-level mode configured") + "}");
        }
        if (get && (m = SUBJECT_CONFIG.matcher(path)).matches()) {
            return subjectConfig(exchange, m.group(1), flag(query, "defaultToGlobal"));
        }
        if (get && (m = SCHEMA_TEXT.matcher(path)).matches()) {
            Answer byId = forward(exchange, "GET", "/schemas/ids/" + m.group(1), new byte[0]);
            return byId.status() == 200 ? Answer.json(200, byId.tree().path("schema").asText()) : byId;
        }
        Answer forwarded = forward(exchange, method, path + (query == null ? "" : "?" + query), body);
        if (post && forwarded.status() == 409 && (m = REGISTER.matcher(path)).matches()) {
            return Answer.json(409, "{\"error_code\":409,\"message\":" + quote("Schema being registered is incompatible with an earlier "
                    + "schema for subject \"" + decode(m.group(1)) + "\", details: " + forwarded.tree().path("message").asText()) + "}");
        }
        if (post && forwarded.status() == 404 && forwarded.tree().path("error_code").asInt() == 40401
                && (m = LOOKUP.matcher(path)).matches()
                && forward(exchange, "GET", "/subjects/" + m.group(1) + "/versions", new byte[0]).status() == 200) {
            return Answer.json(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}");
        }
        if (post && forwarded.status() == 200 && COMPATIBILITY.matcher(path).matches()) {
            JsonNode apicurio = forwarded.tree();
            ObjectNode confluent = MAPPER.createObjectNode().put("is_compatible", apicurio.path("is_compatible").asBoolean());
            if (flag(query, "verbose")) {
                var messages = confluent.putArray("messages");
                if (apicurio.hasNonNull("reason")) {
                    messages.add(apicurio.get("reason").asText());
                }
            }
            return Answer.json(200, confluent.toString());
        }
        return forwarded;
    }

    /** Confluent: the subject's own level, else 40408, or the global level when asked to fall back. */
    private Answer subjectConfig(HttpExchange exchange, String rawSubject, boolean defaultToGlobal) throws IOException, InterruptedException {
        HttpResponse<byte[]> rule = http.send(HttpRequest.newBuilder(URI.create(nativeApi + "/groups/default/artifacts/" + rawSubject
                + "/rules/COMPATIBILITY")).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (rule.statusCode() == 200) {
            String level = MAPPER.readTree(rule.body()).path("config").asText();
            return Answer.json(200, "{\"compatibilityLevel\":" + quote(level) + "}");
        }
        if (defaultToGlobal) {
            return forward(exchange, "GET", "/config", new byte[0]);
        }
        return Answer.json(404, "{\"error_code\":40408,\"message\":" + quote("Subject '" + decode(rawSubject)
                + "' does not have subject-level compatibility configured") + "}");
    }

    private Answer forward(HttpExchange exchange, String method, String pathAndQuery, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body.length == 0 ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String header : FORWARDED_HEADERS) {
            String value = exchange.getRequestHeaders().getFirst(header);
            if (value != null) {
                request.header(header, value);
            }
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(null));
    }

    private static boolean flag(String query, String name) {
        if (query == null) {
            return false;
        }
        for (String pair : query.split("&")) {
            if (pair.equalsIgnoreCase(name + "=true")) {
                return true;
            }
        }
        return false;
    }

    private static String decode(String raw) {
        return URLDecoder.decode(raw, StandardCharsets.UTF_8);
    }

    private static String quote(String text) {
        return MAPPER.getNodeFactory().textNode(text).toString();
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
