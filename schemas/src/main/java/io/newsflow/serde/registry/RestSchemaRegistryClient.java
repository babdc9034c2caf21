package io.newsflow.serde.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Talks Confluent's Schema Registry REST API (v1 media type) over {@code java.net.http}. Works with
 * Confluent Schema Registry and with compatible registries (Apicurio's {@code /apis/ccompat/v7},
 * Redpanda, Karapace). Several base URLs may be given; each call tries them in order until one
 * answers.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    private static final Logger LOG = LoggerFactory.getLogger(RestSchemaRegistryClient.class);
    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int MAX_ATTEMPTS = 4;
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);

    private final List<URI> baseUrls;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final Optional<String> authorization;

    /**
     * @param baseUrls     one or more registry base URLs
     * @param timeout      connect and request timeout
     * @param basicUserInfo {@code user:password} for HTTP basic auth, or null
     */
    public RestSchemaRegistryClient(List<String> baseUrls, Duration timeout, String basicUserInfo) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("schema.registry.url is empty");
        }
        this.baseUrls = baseUrls.stream().map(RestSchemaRegistryClient::toBase).toList();
        this.requestTimeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.authorization = Optional.ofNullable(basicUserInfo).filter(s -> !s.isBlank())
                .map(u -> "Basic " + Base64.getEncoder().encodeToString(u.getBytes(StandardCharsets.UTF_8)));
    }

    private static URI toBase(String url) {
        String trimmed = url.trim();
        return URI.create(trimmed.endsWith("/") ? trimmed : trimmed + "/");
    }

    /**
     * Registers a schema. When two clients register the first version of a subject at once, some
     * registries (Apicurio 2.x) answer the loser with 409 although the schema is now there; so a 409 is
     * checked with a lookup, and only a schema that really is not registered is reported incompatible.
     */
    @Override
    public int register(String subject, Schema schema) {
        try {
            JsonNode answer = call("POST", "subjects/" + encode(subject) + "/versions", schemaBody(schema),
                    "register schema under subject '" + subject + "'");
            return answer.path("id").asInt();
        } catch (SchemaRegistryException e) {
            if (e.kind() != SchemaRegistryException.Kind.INCOMPATIBLE) {
                throw e;
            }
            try {
                return lookupId(subject, schema);
            } catch (SchemaRegistryException lookup) {
                throw e;
            }
        }
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        JsonNode answer = call("POST", "subjects/" + encode(subject), schemaBody(schema),
                "look up schema under subject '" + subject + "'");
        return answer.path("id").asInt();
    }

    @Override
    public Schema getById(int id) {
        JsonNode answer = call("GET", "schemas/ids/" + id, null, "fetch schema id " + id);
        return parse(answer.path("schema").asText(), "schema id " + id);
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        JsonNode answer = call("GET", "subjects/" + encode(subject) + "/versions/latest", null,
                "fetch latest version of subject '" + subject + "'");
        return new RegisteredSchema(subject, answer.path("id").asInt(), answer.path("version").asInt(),
                parse(answer.path("schema").asText(), "subject " + subject));
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        JsonNode answer;
        try {
            answer = call("POST", "compatibility/subjects/" + encode(subject) + "/versions/latest?verbose=true",
                    schemaBody(schema), "test compatibility for subject '" + subject + "'");
        } catch (SchemaRegistryException e) {
            if (e.kind() == SchemaRegistryException.Kind.NOT_FOUND) {
                return new CompatibilityResult(true, List.of()); // nothing registered yet: anything goes
            }
            throw e;
        }
        List<String> messages = new ArrayList<>();
        answer.path("messages").forEach(m -> messages.add(m.asText()));
        if (answer.hasNonNull("reason")) {
            messages.add(answer.get("reason").asText()); // Apicurio's ccompat API says "reason"
        }
        return new CompatibilityResult(answer.path("is_compatible").asBoolean(false), List.copyOf(messages));
    }

    /** Sets the global compatibility level ({@code PUT /config}), e.g. BACKWARD. */
    public void setGlobalCompatibility(String level) {
        ObjectNode body = JSON.createObjectNode().put("compatibility", level);
        call("PUT", "config", body.toString(), "set global compatibility to " + level);
    }

    private static String schemaBody(Schema schema) {
        return JSON.createObjectNode().put("schema", schema.toString()).toString();
    }

    private static Schema parse(String text, String what) {
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) {
            throw new SchemaRegistryException(SchemaRegistryException.Kind.ERROR, -1, -1,
                    "registry returned a schema that is not valid Avro for " + what + ": " + e.getMessage(), e);
        }
    }

    private static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * One REST call, tried against each base URL in turn. A registry that cannot be reached or answers
     * 5xx (e.g. Apicurio's storage briefly locked by a concurrent registration) is asked again after a
     * short, doubling pause, up to {@value #MAX_ATTEMPTS} rounds; 4xx answers are final.
     */
    private JsonNode call(String method, String path, String body, String what) {
        IOException lastFailure = null;
        SchemaRegistryException lastError = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            if (attempt > 1) {
                pause(INITIAL_BACKOFF.multipliedBy(1L << (attempt - 2)), what);
            }
            for (URI base : baseUrls) {
                URI uri = base.resolve(path);
                HttpResponse<String> response;
                try {
                    response = http.send(request(uri, method, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    LOG.debug("schema registry {} did not answer: {}", uri, e.toString());
                    lastFailure = e;
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SchemaRegistryException(SchemaRegistryException.Kind.UNREACHABLE, -1, -1,
                            "interrupted while trying to " + what, e);
                }
                try {
                    return interpret(response, what, base);
                } catch (SchemaRegistryException e) {
                    if (e.status() < 500) {
                        throw e;
                    }
                    LOG.debug("schema registry {} answered {}; will retry", uri, e.status());
                    lastError = e;
                }
            }
        }
        if (lastError != null) {
            throw lastError;
        }
        throw new SchemaRegistryException(SchemaRegistryException.Kind.UNREACHABLE, -1, -1,
                "schema registry unreachable at " + baseUrls + " (could not " + what + "): "
                        + (lastFailure == null ? "no answer" : describe(lastFailure)), lastFailure);
    }

    private HttpRequest request(URI uri, String method, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Accept", CONTENT_TYPE + ", application/json");
        authorization.ifPresent(a -> request.header("Authorization", a));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        return request.build();
    }

    private static void pause(Duration backoff, String what) {
        try {
            Thread.sleep(backoff.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(SchemaRegistryException.Kind.UNREACHABLE, -1, -1,
                    "interrupted while waiting to retry: " + what, e);
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static JsonNode interpret(HttpResponse<String> response, String what, URI base) {
        int status = response.statusCode();
        JsonNode json;
        try {
            json = response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            json = JSON.createObjectNode().put("message", response.body());
        }
        if (status >= 200 && status < 300) {
            return json;
        }
        int errorCode = json.path("error_code").asInt(-1);
        String registryMessage = json.path("message").asText(response.body());
        SchemaRegistryException.Kind kind = switch (status) {
            case 404 -> SchemaRegistryException.Kind.NOT_FOUND;
            case 409 -> SchemaRegistryException.Kind.INCOMPATIBLE;
            case 422 -> SchemaRegistryException.Kind.INVALID;
            case 401, 403 -> SchemaRegistryException.Kind.UNAUTHORIZED;
            default -> SchemaRegistryException.Kind.ERROR;
        };
        String prefix = kind == SchemaRegistryException.Kind.INCOMPATIBLE ? "incompatible schema: " : "";
        boolean registryCode = errorCode / 100 == 404; // 40401 subject, 40402 version, 40403 schema not found
        String hint = status == 404 && !registryCode
                ? " (no Confluent-compatible API at this URL: check schema.registry.url; Apicurio serves it under /apis/ccompat/v7)"
                : "";
        throw new SchemaRegistryException(kind, status, errorCode,
                prefix + "could not " + what + " at " + base + ": HTTP " + status
                        + (errorCode >= 0 ? " error_code " + errorCode : "") + ": " + registryMessage + hint, null);
    }
}
