package io.newsflow.stack.soak;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** {@code newsflow enrich} as a child process of this JVM's classpath: what the soak kills and restarts. */
final class EnrichProcess {

    private final List<String> command;
    private final Path log;
    private Process process;

    EnrichProcess(String bootstrapServers, String registryUrl, Path stateDir, Path log, String heap) {
        String java = ProcessHandle.current().info().command().orElse("java");
        this.command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                "io.newsflow.stack.NewsflowCommand", "enrich", "--bootstrap-servers", bootstrapServers,
                "--schema-registry-url", registryUrl, "--state-dir", stateDir.toString(), "--instance-id", "soak-enrich",
                "--connect-timeout", "60"));
        this.log = log;
    }

    void start() throws IOException {
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator stops it; waits for a clean exit. */
    int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }
}
