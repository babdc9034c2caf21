package io.newsflow.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.enrich.step.CountTags;
import io.newsflow.enrich.trend.TrendRanking;
import io.newsflow.enrich.trend.TrendWindow;
import io.newsflow.enrich.trend.TrendingList;
import io.newsflow.ops.HttpCall;
import io.newsflow.ops.OpsServer;
import io.newsflow.schema.TagType;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * {@code GET /v1/trending?type=PERSON&window=1h&limit=20}: the trending list of a tag type, answered from the counts of the
 * instance that holds the type (Kafka Streams' metadata for the key {@code type} in the store {@value CountTags#STORE}). Asked
 * of another instance, the request is forwarded to the holder once ({@value #FORWARDED_BY} on the request; a forwarded
 * request is never forwarded again) and its answer returned as it is, with {@value #FORWARDED_TO} naming the holder; every
 * answer names the instance that read the counts in {@value #ANSWERED_BY}. {@code type=ALL} (or none) asks each type's
 * holder and merges the lists. While the instance is not RUNNING (starting, rebalancing) the answer is 503.
 */
final class TrendingRoute implements OpsServer.Route {

    static final String PATH = "/v1/trending";
    /** Request header of a forwarded request: the instance that forwarded it. */
    static final String FORWARDED_BY = "X-Newsflow-Forwarded-By";
    /** Response header of an answer that came from another instance: that instance. */
    static final String FORWARDED_TO = "X-Newsflow-Forwarded-To";
    /** Response header: the instance(s) whose counts the answer was read from. */
    static final String ANSWERED_BY = "X-Newsflow-Answered-By";
    static final int DEFAULT_LIMIT = 20;
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;
    private final TrendRanking ranking;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FORWARD_TIMEOUT).build();

    TrendingRoute(Supplier<KafkaStreams> streams, HostInfo self, TrendRanking ranking) {
        this.streams = streams;
        this.self = self;
        this.ranking = ranking;
    }

    /** An answer that cannot be given now, or a bad request: the status and a one-line reason. */
    private static final class Refused extends Exception {
        final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    /** A list and where it came from. */
    private record Found(TrendingList list, String answeredBy, String forwardedTo) {
    }

    @Override
    public void handle(HttpCall call) throws IOException {
        if (!call.method().equals("GET")) {
            call.error(405, "method not allowed", call.method() + " " + PATH + ": use GET", Map.of("Allow", "GET"));
            return;
        }
        try {
            List<String> types = types(call.parameter("type"));
            String windowText = call.parameter("window") == null ? TrendWindow.HOUR.label() : call.parameter("window");
            TrendWindow window = TrendWindow.parse(windowText)
                    .orElseThrow(() -> new Refused(400, "window=" + windowText + ": expected one of " + TrendWindow.labels()));
            int limit = limit(call.parameter("limit"));
            KafkaStreams running = streams.get();
            if (running == null || running.state() != KafkaStreams.State.RUNNING) {
                throw new Refused(503, "enrich is " + (running == null ? "starting" : running.state()) + " (its stores move between "
                        + "instances now): retry in a few seconds");
            }
            boolean forwarded = call.header(FORWARDED_BY) != null;
            List<Found> found = new ArrayList<>();
            for (String type : types) {
                found.add(find(running, type, window, limit, forwarded));
            }
            TrendingList answer = types.size() == 1 ? found.get(0).list()
                    : TrendRanking.merge("ALL", window, found.stream().map(Found::list).toList(), limit);
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(ANSWERED_BY, joined(found.stream().map(Found::answeredBy).toList()));
            String forwardedTo = joined(found.stream().map(Found::forwardedTo).filter(java.util.Objects::nonNull).toList());
            if (!forwardedTo.isEmpty()) {
                headers.put(FORWARDED_TO, forwardedTo);
            }
            call.send(200, "application/json", CountTags.json(answer), headers);
        } catch (Refused e) {
            call.error(e.status, e.status == 400 ? "bad request" : "unavailable", e.getMessage(),
                    e.status == 503 ? Map.of("Retry-After", "5") : Map.of());
        }
    }

    private static String joined(List<String> hosts) {
        return String.join(",", new LinkedHashSet<>(hosts));
    }

    private static List<String> types(String type) throws Refused {
        if (type == null || type.isBlank() || type.strip().equalsIgnoreCase("ALL")) {
            return Arrays.stream(TagType.values()).map(Enum::name).toList();
        }
        String upper = type.strip().toUpperCase(Locale.ROOT);
        if (Arrays.stream(TagType.values()).noneMatch(t -> t.name().equals(upper))) {
            throw new Refused(400, "type=" + type + ": expected ALL or one of " + Arrays.toString(TagType.values()));
        }
        return List.of(upper);
    }

    private static int limit(String limit) throws Refused {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int parsed = Integer.parseInt(limit.strip());
            if (parsed >= 1 && parsed <= CountTags.MAX_TAGS) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new Refused(400, "limit=" + limit + ": expected a whole number from 1 to " + CountTags.MAX_TAGS);
    }

    /** The list of {@code type}: from the local store when this instance holds it, else from the holder. */
    private Found find(KafkaStreams running, String type, TrendWindow window, int limit, boolean forwarded) throws Refused {
        KeyQueryMetadata holder = running.queryMetadataForKey(CountTags.STORE, type, Serdes.String().serializer());
        if (holder == null || holder.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
            throw new Refused(503, "no instance holds the trending counts of " + type + " now (rebalancing): retry in a few seconds");
        }
        String owner = holder.activeHost().host() + ":" + holder.activeHost().port();
        if (holder.activeHost().equals(self)) {
            return new Found(local(running, type, holder.partition(), window, limit), owner, null);
        }
        if (forwarded) {
            throw new Refused(503, "the trending counts of " + type + " are moving to " + owner + ": retry in a few seconds");
        }
        return new Found(forward(owner, type, window, limit), owner, owner);
    }

    private TrendingList local(KafkaStreams running, String type, int partition, TrendWindow window, int limit) throws Refused {
        try {
            ReadOnlyKeyValueStore<String, Long> store = running.store(StoreQueryParameters
                    .fromNameAndType(CountTags.STORE, QueryableStoreTypes.<String, Long>keyValueStore()).withPartition(partition));
            return ranking.rank(type, CountTags.read(store, type), store.get(CountTags.STREAM_TIME), window, limit);
        } catch (InvalidStateStoreException e) {
            throw new Refused(503, "the trending counts of " + type + " cannot be read now (" + e.getMessage() + "): retry in a few seconds");
        }
    }

    private TrendingList forward(String owner, String type, TrendWindow window, int limit) throws Refused {
        URI uri = URI.create("http://" + owner + PATH + "?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8) + "&window="
                + window.label() + "&limit=" + limit);
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri).timeout(FORWARD_TIMEOUT)
                    .header(FORWARDED_BY, self.host() + ":" + self.port()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                String detail = JSON.readTree(answer.body()).path("detail").asText(answer.body());
                throw new Refused(answer.statusCode() == 400 ? 502 : answer.statusCode(), owner + " (holder of " + type + "): " + detail);
            }
            return JSON.readValue(answer.body(), TrendingList.class);
        } catch (IOException e) {
            throw new Refused(503, "the holder of " + type + ", " + owner + ", did not answer (" + e.getMessage() + "): retry in a few seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused(503, "interrupted while asking " + owner);
        }
    }
}
