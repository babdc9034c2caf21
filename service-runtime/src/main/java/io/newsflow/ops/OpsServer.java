package io.newsflow.ops;

import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP endpoints a newsflow service exposes to operators, on Jetty: {@code GET /healthz} (the
 * process is up), {@code GET /readyz} (it can do its work: 200, or 503 with what is missing),
 * {@code GET /metrics} (Prometheus text format: the service's registry, with the JVM's memory, GC,
 * thread and processor metrics bound here), plus the service's own routes. On {@link #close()} it
 * stops taking requests and lets those in flight finish (up to 10 s).
 */
public final class OpsServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpsServer.class);

    /** Whether a service can do its work now, and if not, why. */
    public record Readiness(boolean ready, String detail) {
        public static Readiness yes() {
            return new Readiness(true, "ready");
        }

        public static Readiness notReady(String why) {
            return new Readiness(false, why);
        }
    }

    /** A service's own endpoint. */
    public interface Route {
        void handle(HttpCall call) throws Exception;

        /** The route, served without the token where {@link Access} lets routes be served at all: for static files with no data. */
        static Route open(Route route) {
            return new Open(route);
        }
    }

    private record Open(Route route) implements Route {
        @Override
        public void handle(HttpCall call) throws Exception {
            route.handle(call);
        }
    }

    /** The endpoints every server has, open whatever the {@link Access}. */
    private static final java.util.Set<String> OPERATOR_PATHS = java.util.Set.of("/healthz", "/readyz", "/metrics");

    private final Server server;
    private final ServerConnector connector;
    private final JvmGcMetrics gcMetrics;

    private OpsServer(Server server, ServerConnector connector, JvmGcMetrics gcMetrics) {
        this.server = server;
        this.connector = connector;
        this.gcMetrics = gcMetrics;
    }

    /**
     * Starts the server on {@code host:port} (port 0: any free port), every route served to anyone who can connect (the
     * routes check what they need themselves).
     *
     * @param routes the service's own routes by exact path, tried before the operator endpoints
     */
    public static OpsServer start(String host, int port, PrometheusMeterRegistry metrics, Supplier<Readiness> readiness,
                                  Map<String, Route> routes) throws Exception {
        return start(host, null, port, metrics, readiness, routes);
    }

    /**
     * Starts the server on {@code access.host():port} (port 0: any free port), the service's own routes guarded as
     * {@link Access} says; the operator endpoints are open.
     */
    public static OpsServer start(Access access, int port, PrometheusMeterRegistry metrics, Supplier<Readiness> readiness,
                                  Map<String, Route> routes) throws Exception {
        if (!access.serving()) {
            LOG.warn("HTTP on {} with no token ({}): only /healthz, /readyz and /metrics are served; {} answer 403",
                    access.host(), access.tokenVariable(), String.join(", ", routes.keySet()));
        }
        return start(access.host(), access, port, metrics, readiness, routes);
    }

    private static OpsServer start(String host, Access access, int port, PrometheusMeterRegistry metrics, Supplier<Readiness> readiness,
                                   Map<String, Route> routes) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(32, 4);
        threads.setName("newsflow-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        Map<String, Route> all = new LinkedHashMap<>(routes);
        all.putIfAbsent("/healthz", call -> get(call, () -> call.json(200, Map.of("status", "up"))));
        all.putIfAbsent("/readyz", call -> get(call, () -> {
            Readiness now = readiness.get();
            if (now.ready()) {
                call.json(200, Map.of("status", "ready"));
            } else {
                call.error(503, "not ready", now.detail(), Map.of("Retry-After", "5"));
            }
        }));
        all.putIfAbsent("/metrics", call -> get(call, () -> call.send(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape(), Map.of())));
        server.setHandler(new GracefulHandler(new Router(all, access)));
        server.setStopTimeout(10_000);
        server.setStopAtShutdown(false);
        server.start();
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        new ProcessorMetrics().bindTo(metrics);
        JvmGcMetrics gcMetrics = new JvmGcMetrics();
        gcMetrics.bindTo(metrics);
        return new OpsServer(server, connector, gcMetrics);
    }

    /** What a read-only route does once the method is allowed. */
    public interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body} for a GET or HEAD; answers anything else with 405 and {@code Allow: GET}. */
    public static void get(HttpCall call, Body body) throws Exception {
        if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
            call.error(405, "method not allowed", call.method() + " " + call.path() + ": use GET", Map.of("Allow", "GET"));
            return;
        }
        body.run();
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port}, with the host as configured ({@code 0.0.0.0} shown as {@code 127.0.0.1}). */
    public URI url() {
        String host = connector.getHost() == null || connector.getHost().equals("0.0.0.0") ? "127.0.0.1" : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    @Override
    public void close() {
        gcMetrics.close();
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
        }
    }

    private static final class Router extends Handler.Abstract {
        private final Map<String, Route> routes;
        private final Access access;

        Router(Map<String, Route> routes, Access access) {
            super(InvocationType.BLOCKING);
            this.routes = routes;
            this.access = access;
        }

        /** Whether the call may use the route; if not, it has been answered 401 or 403. */
        private boolean admitted(HttpCall call, Route route) throws Exception {
            if (access == null || OPERATOR_PATHS.contains(call.path())) {
                return true;
            }
            if (!access.serving()) {
                call.error(403, "forbidden", "this server listens on " + access.host() + " with no token: set " + access.tokenVariable()
                        + " to serve " + call.path() + " there, or bind a loopback address");
                return false;
            }
            if (route instanceof Open || access.admits(call.header("Authorization"))) {
                return true;
            }
            call.error(401, "unauthorized", "send the token set in " + access.tokenVariable() + " as 'Authorization: Bearer <token>'"
                    + " (the page: open it once with ?token=<token>)", Map.of("WWW-Authenticate", "Bearer realm=\"newsflow\""));
            return false;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            HttpCall call = new HttpCall(request, response, callback);
            try {
                Route route = routes.get(call.path());
                if (route == null) {
                    call.error(404, "not found", "no endpoint " + call.path() + "; try " + String.join(", ", routes.keySet()));
                } else if (admitted(call, route)) {
                    route.handle(call);
                }
                if (!call.answered()) {
                    call.error(500, "internal error", "the endpoint gave no answer");
                }
            } catch (Exception e) {
                LOG.error("{} {} failed", call.method(), call.path(), e);
                try {
                    call.error(500, "internal error", e.getClass().getSimpleName() + ": " + e.getMessage());
                } catch (Exception alsoFailed) {
                    call.fail(alsoFailed);
                }
            }
            return true;
        }
    }
}
