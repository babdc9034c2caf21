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
    }

    private final Server server;
    private final ServerConnector connector;
    private final JvmGcMetrics gcMetrics;

    private OpsServer(Server server, ServerConnector connector, JvmGcMetrics gcMetrics) {
        this.server = server;
        this.connector = connector;
        this.gcMetrics = gcMetrics;
    }

    /**
     * Starts the server on {@code host:port} (port 0: any free port).
     *
     * @param routes the service's own routes by exact path, tried before the operator endpoints
     */
    public static OpsServer start(String host, int port, PrometheusMeterRegistry metrics, Supplier<Readiness> readiness,
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
        server.setHandler(new GracefulHandler(new Router(all)));
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

    private interface Body {
        void run() throws Exception;
    }

    private static void get(HttpCall call, Body body) throws Exception {
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

        Router(Map<String, Route> routes) {
            super(InvocationType.BLOCKING);
            this.routes = routes;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            HttpCall call = new HttpCall(request, response, callback);
            try {
                Route route = routes.get(call.path());
                if (route == null) {
                    call.error(404, "not found", "no endpoint " + call.path() + "; try " + String.join(", ", routes.keySet()));
                } else {
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
