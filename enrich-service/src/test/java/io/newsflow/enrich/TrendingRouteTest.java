package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.newsflow.enrich.trend.BurstScore;
import io.newsflow.enrich.trend.TrendRanking;
import io.newsflow.ops.OpsServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The trending route's answers that need no Kafka: bad requests, and an instance whose streams are not running. */
class TrendingRouteTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private OpsServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        TrendingRoute route = new TrendingRoute(() -> null, new HostInfo("127.0.0.1", 1), new TrendRanking(new BurstScore(1, 3), 7));
        server = OpsServer.start("127.0.0.1", 0, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> OpsServer.Readiness.notReady("test"), Map.of(TrendingRoute.PATH, route));
        base = server.url();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> get(String query) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(TrendingRoute.PATH + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "?window=2h|window=2h: expected one of 1h, 6h, 24h",
            "?type=CELEBRITY|type=CELEBRITY: expected ALL or one of [PERSON, PLACE, ORGANIZATION, TOPIC, OTHER]",
            "?limit=0|limit=0: expected a whole number from 1 to 100",
            "?limit=many|limit=many: expected a whole number from 1 to 100",
            "?type=PERSON&limit=101|limit=101: expected a whole number from 1 to 100"})
    void aBadRequestIsA400WithOneLineSayingWhatIsWrong(String query, String detail) throws Exception {
        HttpResponse<String> answer = get(query);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.body()).isEqualTo("{\"error\":\"bad request\",\"detail\":\"" + detail + "\"}");
    }

    @Test
    void whileTheStreamsAreNotRunningTheAnswerIs503WithRetryAfter() throws Exception {
        HttpResponse<String> answer = get("?type=person&window=6h");

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).contains("5");
        assertThat(answer.body()).contains("enrich is starting").contains("retry in a few seconds");
    }

    @Test
    void onlyGetIsAnswered() throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve(TrendingRoute.PATH)).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(405);
    }
}
