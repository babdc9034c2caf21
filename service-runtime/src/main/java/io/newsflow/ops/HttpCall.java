package io.newsflow.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * One HTTP request and its answer, in blocking style, for the few endpoints newsflow serves. Every
 * answer that is not 2xx is a JSON error {@code {"error": "...", "detail": "..."}}.
 */
public final class HttpCall {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Request request;
    private final Response response;
    private final Callback callback;
    private boolean answered;
    private boolean bodyRead;
    /** The most of an unread request body read (and dropped) before an answer; a longer one closes the connection. */
    static final long MAX_DRAINED_BYTES = 64L << 20;

    HttpCall(Request request, Response response, Callback callback) {
        this.request = request;
        this.response = response;
        this.callback = callback;
    }

    public String method() {
        return request.getMethod();
    }

    public String path() {
        return Request.getPathInContext(request);
    }

    /** A request header, or null. */
    public String header(String name) {
        return request.getHeaders().get(name);
    }

    /** A query parameter's (first) value, or null. */
    public String parameter(String name) {
        return Request.extractQueryParameters(request).getValue(name);
    }

    /** The declared body length, or -1 when not declared (chunked). */
    public long contentLength() {
        return request.getLength();
    }

    /** The body, up to {@code limit} bytes; null when it is longer (then answer 413; the rest is read and dropped). */
    public byte[] body(long limit) throws IOException {
        bodyRead = true;
        try (InputStream in = Content.Source.asInputStream(request)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                drain(in);
                return null;
            }
            return bytes;
        }
    }

    /**
     * Reads and drops a body nobody read, before any answer: an answer on a connection with unread content makes the
     * server close it, and a client still sending, or about to reuse the pooled connection, then gets a reset with no
     * response at all (IngestServiceIT saw "header parser received no bytes" for a 413 and for a 415).
     */
    private void drainUnreadBody() {
        if (bodyRead || request.getLength() > MAX_DRAINED_BYTES) {
            return;
        }
        bodyRead = true;
        try (InputStream in = Content.Source.asInputStream(request)) {
            drain(in);
        } catch (IOException e) {
            // the client went away: nothing to drain, and the answer will fail on its own
        }
    }

    /** Reads and drops what is left of a body, up to {@link #MAX_DRAINED_BYTES}. */
    private static void drain(InputStream in) throws IOException {
        byte[] buffer = new byte[8192];
        long left = MAX_DRAINED_BYTES;
        int read;
        while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0) {
            left -= read;
        }
    }

    public void json(int status, Object body) throws IOException {
        send(status, "application/json", JSON.writeValueAsString(body), Map.of());
    }

    public void error(int status, String error, String detail) throws IOException {
        error(status, error, detail, Map.of());
    }

    public void error(int status, String error, String detail, Map<String, String> headers) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        node.put("error", error);
        node.put("detail", detail);
        send(status, "application/json", JSON.writeValueAsString(node), headers);
    }

    public void send(int status, String contentType, String body, Map<String, String> headers) {
        if (answered) {
            return;
        }
        answered = true;
        drainUnreadBody();
        response.setStatus(status);
        response.getHeaders().put("Content-Type", contentType.contains("charset") ? contentType : contentType + "; charset=utf-8");
        headers.forEach((name, value) -> response.getHeaders().put(new HttpField(name, value)));
        Content.Sink.write(response, true, body, callback);
    }

    boolean answered() {
        return answered;
    }

    void fail(Throwable failure) {
        if (!answered) {
            answered = true;
            callback.failed(failure);
        }
    }
}
