package io.newsflow.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service's own routes behind {@link Access}, on a real Jetty server; the operator endpoints stay open. */
class OpsServerAccessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, OpsServer.Route> ROUTES = Map.of(
            "/data", call -> call.json(200, Map.of("data", 1)),
            "/", OpsServer.Route.open(call -> call.send(200, "text/html", "<p>page</p>", Map.of())));

    private static OpsServer start(String host, String token) throws Exception {
        return OpsServer.start(new Access(host, token, "NEWSFLOW_HTTP_TOKEN"), 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                OpsServer.Readiness::yes, ROUTES);
    }

    private static HttpResponse<String> get(OpsServer server, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onLoopbackWithNoTokenEverythingIsServed() throws Exception {
        try (OpsServer server = start("127.0.0.1", null)) {
            assertThat(get(server, "/data", null).statusCode()).isEqualTo(200);
            assertThat(get(server, "/", null).body()).isEqualTo("<p>page</p>");
        }
    }

    @Test
    void withATokenTheDataNeedsItAndThePageDoesNot() throws Exception {
        try (OpsServer server = start("127.0.0.1", "s3cret")) {
            HttpResponse<String> without = get(server, "/data", null);
            assertThat(without.statusCode()).isEqualTo(401);
            assertThat(without.body()).contains("\"error\":\"unauthorized\"").contains("NEWSFLOW_HTTP_TOKEN");
            assertThat(without.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"newsflow\"");
            assertThat(get(server, "/data", "Bearer nope").statusCode()).isEqualTo(401);
            assertThat(get(server, "/data", "Bearer s3cret").statusCode()).isEqualTo(200);
            assertThat(get(server, "/data", "Bearer s3cret").body()).isEqualTo("{\"data\":1}");
            assertThat(get(server, "/", null).statusCode()).isEqualTo(200);
            assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(200);
            assertThat(get(server, "/healthz", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onAnExposedAddressWithNoTokenOnlyTheOperatorEndpointsAreServed() throws Exception {
        try (OpsServer server = start("0.0.0.0", null)) {
            HttpResponse<String> data = get(server, "/data", null);
            assertThat(data.statusCode()).isEqualTo(403);
            assertThat(data.body()).contains("NEWSFLOW_HTTP_TOKEN");
            assertThat(get(server, "/", null).statusCode()).isEqualTo(403);
            assertThat(get(server, "/metrics", null).statusCode()).isEqualTo(200);
            assertThat(get(server, "/readyz", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void onAnExposedAddressWithATokenTheDataIsServedWithIt() throws Exception {
        try (OpsServer server = start("0.0.0.0", "s3cret")) {
            assertThat(get(server, "/data", null).statusCode()).isEqualTo(401);
            assertThat(get(server, "/data", "Bearer s3cret").statusCode()).isEqualTo(200);
        }
    }
}
