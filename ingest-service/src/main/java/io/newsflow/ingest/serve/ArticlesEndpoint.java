package io.newsflow.ingest.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.ingest.InvalidArticleException;
import io.newsflow.ingest.JsonLines;
import io.newsflow.ingest.RawArticles;
import io.newsflow.ops.HttpCall;
import io.newsflow.ops.OpsServer;
import io.newsflow.schema.RawArticle;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code POST /v1/articles}: one JSON article, a JSON array of them, or {@code application/x-ndjson}
 * (one per line, read as JSON Lines files are: {@link JsonLines}), with the fields of the JSON Lines input; the body must be
 * UTF-8 (an NDJSON line that is not is rejected alone). Answers 202 only once Kafka has taken every
 * accepted article (one transaction: all or none), listing accepted ids and rejected items with their
 * reasons; 400 when nothing is usable, 401 without the bearer token when one is set, 405, 413 over the
 * request limit, 415 for another media type, 503 with Retry-After when Kafka or the registry cannot
 * take the batch (then none of it was published).
 */
final class ArticlesEndpoint implements OpsServer.Route {

    static final String PATH = "/v1/articles";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TransactionalPublisher publisher;
    private final IngestMetrics metrics;
    private final Clock clock;
    private final byte[] token;
    private final long maxRequestBytes;

    /** @param token the bearer token clients must send, or null for none */
    ArticlesEndpoint(TransactionalPublisher publisher, IngestMetrics metrics, Clock clock, String token, long maxRequestBytes) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.clock = clock;
        this.token = token == null || token.isEmpty() ? null : token.getBytes(StandardCharsets.UTF_8);
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void handle(HttpCall call) throws Exception {
        int status = answer(call);
        metrics.http(status);
    }

    private int answer(HttpCall call) throws Exception {
        if (!call.method().equals("POST")) {
            call.error(405, "method not allowed", call.method() + " " + PATH + ": use POST", Map.of("Allow", "POST"));
            return 405;
        }
        if (token != null && !authorized(call.header("Authorization"))) {
            call.error(401, "unauthorized", "send the token set in NEWSFLOW_INGEST_TOKEN as 'Authorization: Bearer <token>'",
                    Map.of("WWW-Authenticate", "Bearer realm=\"newsflow\""));
            return 401;
        }
        String contentType = call.header("Content-Type");
        String media = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        boolean ndjson = media.equals("application/x-ndjson") || media.equals("application/jsonl") || media.equals("application/ndjson");
        if (!ndjson && !media.equals("application/json")) {
            call.error(415, "unsupported media type", "Content-Type " + (contentType == null ? "missing" : contentType)
                    + ": send application/json (one article or an array of them) or application/x-ndjson (one article per line)");
            return 415;
        }
        if (call.contentLength() > maxRequestBytes) {
            call.error(413, "request too large", call.contentLength() + " bytes > " + maxRequestBytes + " (NEWSFLOW_MAX_REQUEST_BYTES)");
            return 413;
        }
        byte[] body = call.body(maxRequestBytes);
        if (body == null) {
            call.error(413, "request too large", "more than " + maxRequestBytes + " bytes (NEWSFLOW_MAX_REQUEST_BYTES)");
            return 413;
        }
        List<Rejection> rejected = new ArrayList<>();
        Map<Integer, RawArticle> articles = new LinkedHashMap<>();
        if (ndjson) {
            // the same reader as JSON Lines files: each line decoded on its own, so a bad line is rejected alone
            JsonLines.read(new ByteArrayInputStream(body), maxRequestBytes, clock, new JsonLines.Sink() {
                @Override
                public void article(int line, RawArticle article) {
                    articles.put(line - 1, article);
                }

                @Override
                public void rejected(int line, String reason) {
                    rejected.add(new Rejection(line - 1, "line " + line + ": " + reason));
                    metrics.rejected(reason.startsWith("bad JSON") ? "bad_json" : "invalid");
                }
            });
        } else {
            JsonNode parsed;
            try {
                parsed = JSON.readTree(RawArticles.decodeUtf8(body));
            } catch (InvalidArticleException e) {
                metrics.rejected("invalid");
                call.error(400, "not UTF-8", e.getMessage() + ": send the body as UTF-8");
                return 400;
            } catch (JsonProcessingException e) {
                metrics.rejected("bad_json");
                call.error(400, "bad JSON", "line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ": "
                        + e.getOriginalMessage());
                return 400;
            }
            if (parsed == null || parsed.isMissingNode()) {
                call.error(400, "no usable article", "empty body: send one JSON article or an array of them");
                return 400;
            }
            List<JsonNode> items = new ArrayList<>();
            if (parsed.isArray()) {
                parsed.forEach(items::add);
            } else {
                items.add(parsed);
            }
            for (int i = 0; i < items.size(); i++) {
                try {
                    articles.put(i, RawArticles.fromJson(items.get(i), clock.instant()));
                } catch (InvalidArticleException e) {
                    rejected.add(new Rejection(i, e.getMessage()));
                    metrics.rejected("invalid");
                }
            }
        }
        Map<Integer, TransactionalPublisher.Serialized> accepted = new LinkedHashMap<>();
        Map<String, Integer> bySource = new LinkedHashMap<>();
        for (Map.Entry<Integer, RawArticle> item : articles.entrySet()) {
            RawArticle article = item.getValue();
            try {
                accepted.put(item.getKey(), publisher.prepare(article));
            } catch (Unavailable e) {
                call.error(503, "unavailable", e.getMessage() + "; nothing was published, send the request again",
                        Map.of("Retry-After", "5"));
                return 503;
            } catch (InvalidArticleException e) {
                rejected.add(new Rejection(item.getKey(), e.getMessage()));
                metrics.rejected("too_large");
                continue;
            }
            bySource.merge(article.getSource(), 1, Integer::sum);
        }
        rejected.sort((a, b) -> Integer.compare(a.index(), b.index()));
        if (accepted.isEmpty()) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "no usable article");
            answer.put("detail", rejected.isEmpty() ? "the request holds no article"
                    : "item " + rejected.get(0).index() + ": " + rejected.get(0).reason() + (rejected.size() > 1 ? " (and " + (rejected.size() - 1) + " more)" : ""));
            answer.put("rejected", rejected);
            call.json(400, answer);
            return 400;
        }
        try {
            publisher.publish(new ArrayList<>(accepted.values()), List.of());
        } catch (Unavailable e) {
            call.error(503, "unavailable", e.getMessage() + "; nothing was published, send the request again", Map.of("Retry-After", "5"));
            return 503;
        }
        bySource.forEach(metrics::ingested);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accepted", accepted.values().stream().map(a -> Map.of("id", a.id())).toList());
        answer.put("rejected", rejected);
        call.json(202, answer);
        return 202;
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(token, header.substring(7).strip().getBytes(StandardCharsets.UTF_8));
    }

    /** A refused item: its index in the request and why. */
    record Rejection(int index, String reason) {
    }
}
