package io.newsflow.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Java program run as a child process on this JVM's classpath (newsflow enrich for the soak and the
 * benchmark, the benchmark's pass-through), its output appended to a log file; restartable.
 */
public final class JavaChild {

    private final List<String> command;
    private final Path log;
    private Process process;

    /** @param jvmOptions e.g. -Xmx256m; then the main class and its arguments */
    public JavaChild(List<String> jvmOptions, String mainClass, List<String> args, Path log) {
        String java = ProcessHandle.current().info().command().orElse("java");
        this.command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        this.log = log;
    }

    /** JVM options added to every enrich child, e.g. to profile it: {@code -XX:StartFlightRecording=filename=enrich.jfr}. */
    public static final String CHILD_JAVA_OPTS = "NEWSFLOW_CHILD_JAVA_OPTS";

    /**
     * The collector enrich runs with, as {@code ./newsflow enrich} and the enrich image start it: the throughput
     * collector, which on a small machine leaves the cores to the stream threads between its short young-generation pauses.
     */
    public static final String ENRICH_GC = "-XX:+UseParallelGC";

    /** {@code newsflow enrich} with these arguments (and {@value #CHILD_JAVA_OPTS}, when set). */
    public static JavaChild enrich(String heap, List<String> args, Path log, String... jvmOptions) {
        List<String> options = new ArrayList<>(List.of("-Xmx" + heap));
        options.addAll(List.of(jvmOptions));
        String extra = System.getenv(CHILD_JAVA_OPTS);
        if (extra != null && !extra.isBlank()) {
            options.addAll(List.of(extra.strip().split("\\s+")));
        }
        if (options.stream().noneMatch(JavaChild::choosesCollector)) {
            options.add(1, ENRICH_GC);
        }
        List<String> all = new ArrayList<>(List.of("enrich"));
        all.addAll(args);
        return new JavaChild(options, NewsflowCommand.class.getName(), all, log);
    }

    /** The command line this child runs. */
    List<String> command() {
        return List.copyOf(command);
    }

    /** Whether a JVM option picks the garbage collector ({@code -XX:+UseSerialGC}, {@code -XX:+UseG1GC}, ...). */
    static boolean choosesCollector(String option) {
        return option.matches("-XX:\\+Use\\w*GC");
    }

    /** The children started and not yet stopped: an interrupted bench or soak must not leave them running. */
    private static final java.util.Set<Process> RUNNING = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(JavaChild::killAll, "newsflow-children-stop"));
    }

    /** Kills every child still running (what the JVM's shutdown does, on SIGTERM or Ctrl-C, for a child left behind). */
    static void killAll() {
        for (Process child : RUNNING) {
            child.destroyForcibly();
        }
        RUNNING.clear();
    }

    public void start() throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        RUNNING.add(process);
        process.onExit().thenAccept(RUNNING::remove);
    }

    /** SIGKILL: no shutdown hook, no commit, no leaving the group. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator stops it; waits for a clean exit and returns its code (-1 if it had to be killed). */
    public int stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return -1;
        }
        return process.exitValue();
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    /** Peak resident set size so far, in bytes (Linux {@code VmHWM}), or -1 where that cannot be read. */
    public long peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
