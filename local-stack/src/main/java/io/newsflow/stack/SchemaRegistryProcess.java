package io.newsflow.stack;

import io.newsflow.serde.registry.RestSchemaRegistryClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Confluent-API schema registry (Apicurio Registry 2.4.2, built by the schema-registry module)
 * run as a child process, never inside our JVM. Waits until it answers, sets BACKWARD compatibility
 * like Confluent's default, and stops the child on close and on JVM exit (Ctrl-C included).
 *
 * <p>It runs without {@code registry.ccompat.use-canonical-hash}: with it, Apicurio 2.4.2 answers
 * {@code GET /schemas/ids/N} with a canonicalized schema whose record fields are sorted by name, which
 * is a different Avro schema, and readers then decode garbage. Without it the registry keeps the text
 * as registered; Avro serializers (ours and Confluent's) always send the same compact text, so ids stay
 * stable.
 */
public final class SchemaRegistryProcess implements AutoCloseable {

    /** Where the Confluent-compatible API lives on Apicurio. */
    public static final String CCOMPAT_PATH = "/apis/ccompat/v7";
    private static final String JAR_PROPERTY = "newsflow.registry.jar";
    private static final String JAR_ENV = "NEWSFLOW_REGISTRY_JAR";
    static final String JAR_IN_REPO = "schema-registry/target/apicurio-registry-runner.jar";

    private final Process process;
    private final String apicurioUrl;
    private RegistryProxy proxy;
    private int proxyPort;
    private final Thread killOnExit;

    private SchemaRegistryProcess(Process process, String apicurioUrl) {
        this.process = process;
        this.apicurioUrl = apicurioUrl;
        this.killOnExit = new Thread(this::stopChild, "schema-registry-stop");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /**
     * Starts the registry on 127.0.0.1, its Confluent-compatible API served at the root of {@code port}.
     *
     * @param port    HTTP port, or 0 for any free one
     * @param logFile where the child's output goes
     * @param timeout how long to wait for it to answer
     */
    public static SchemaRegistryProcess start(int port, Path logFile, Duration timeout) throws IOException, InterruptedException {
        Path jar = locateJar();
        int httpPort = EmbeddedKafka.freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.log.level=WARN",
                "-jar", jar.toString()));
        Files.createDirectories(logFile.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        String base = "http://127.0.0.1:" + httpPort + CCOMPAT_PATH;
        SchemaRegistryProcess registry = new SchemaRegistryProcess(process, base);
        try {
            registry.proxy = RegistryProxy.start(port, base, nativeUrl(base));
            registry.awaitReady(timeout, logFile);
            new RestSchemaRegistryClient(List.of(base), Duration.ofSeconds(10), null).setGlobalCompatibility("BACKWARD");
        } catch (IOException | RuntimeException | InterruptedException e) {
            registry.close();
            throw e;
        }
        return registry;
    }

    /** The runnable registry: -Dnewsflow.registry.jar, else $NEWSFLOW_REGISTRY_JAR, else the repo's build output. */
    static Path locateJar() throws IOException {
        String configured = System.getProperty(JAR_PROPERTY, System.getenv(JAR_ENV));
        if (configured != null && !configured.isBlank()) {
            Path jar = Path.of(configured);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
            throw new IOException("schema registry jar " + jar + " not found: build it with ./mvnw -B package -DskipTests");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path jar = dir.resolve(JAR_IN_REPO);
            if (Files.isRegularFile(jar)) {
                return jar;
            }
        }
        throw new IOException("schema registry not built (" + JAR_IN_REPO + "): run ./mvnw -B package -DskipTests "
                + "from the repo root, or set " + JAR_ENV);
    }

    private void awaitReady(Duration timeout, Path logFile) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(apicurioUrl + "/subjects")).timeout(Duration.ofSeconds(2)).GET().build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("schema registry exited with code " + process.exitValue() + " before it was ready; last output: "
                        + tail(logFile));
            }
            try {
                if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IOException("schema registry did not answer at " + apicurioUrl + " within " + timeout.toSeconds() + " s; see " + logFile);
    }

    private static String tail(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /**
     * Stops answering at {@link #url()} (connections are refused), as a registry outage looks to clients;
     * the registry itself and its schemas stay. {@link #resume()} answers again on the same port.
     */
    public synchronized void suspend() {
        proxyPort = Integer.parseInt(proxy.url().substring(proxy.url().lastIndexOf(':') + 1));
        proxy.close();
    }

    /** Answers again at the same URL after {@link #suspend()}. */
    public synchronized void resume() throws IOException {
        proxy = RegistryProxy.start(proxyPort, apicurioUrl, nativeUrl(apicurioUrl));
    }

    /** The Confluent-compatible base URL, for {@code schema.registry.url}: the root of the chosen port. */
    public synchronized String url() {
        return proxyPort > 0 ? "http://127.0.0.1:" + proxyPort : proxy.url();
    }

    /** Apicurio's native API base ({@code .../apis/registry/v2}), for Apicurio's own clients. */
    public String apicurioNativeUrl() {
        return nativeUrl(apicurioUrl);
    }

    private static String nativeUrl(String ccompatUrl) {
        return ccompatUrl.replace(CCOMPAT_PATH, "/apis/registry/v2");
    }

    private void stopChild() {
        if (proxy != null) {
            proxy.close();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopChild();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run: the child is being stopped either way
        }
    }
}
