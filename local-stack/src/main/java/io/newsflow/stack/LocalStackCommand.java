package io.newsflow.stack;

import io.newsflow.runtime.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import io.newsflow.runtime.StopSignals;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsflow local-stack}: a Kafka broker and a schema registry in the foreground, until Ctrl-C
 * or SIGTERM. Prints exactly {@code bootstrap.servers=...} and {@code schema.registry.url=...} on stdout.
 */
@Command(name = "local-stack", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a Kafka broker and a schema registry on 127.0.0.1 until Ctrl-C.",
                "The broker is real Kafka (KRaft, in-process), the registry a real Confluent-API registry (child process);",
                "newsflow's topics are created. Prints the two connection settings on stdout.",
                "The defaults, 9092 and 8081, are what every other command uses when given no address."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by Ctrl-C / SIGTERM", "1:could not start (port in use, registry not built)", "64:wrong command line"})
public final class LocalStackCommand implements Callable<Integer> {

    @Option(names = "--kafka-port", defaultValue = "9092", description = "Broker port; 0 for any free port (default ${DEFAULT-VALUE}).")
    int kafkaPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "Schema registry port; 0 for any free port (default ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--data-dir", description = "Keep broker data here across runs (default: a temporary folder, deleted on exit).")
    Path dataDir;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = dataDir != null ? Files.createDirectories(dataDir) : Files.createTempDirectory("newsflow-stack-");
        LocalStack stack;
        try {
            stack = LocalStack.start(dir, kafkaPort, registryPort);
        } catch (java.io.IOException e) {
            err.println("local-stack: " + e.getMessage());
            if (dataDir == null) {
                Folders.deleteQuietly(dir);
            }
            return ExitCodes.FATAL;
        }
        StopSignals stop = StopSignals.install();
        out.println("bootstrap.servers=" + stack.bootstrapServers());
        out.println("schema.registry.url=" + stack.schemaRegistryUrl());
        out.flush();
        err.println("local-stack: running (data in " + dir + "); Ctrl-C to stop");
        stop.await();
        err.println("local-stack: stopping");
        stack.close();
        if (dataDir == null) {
            Folders.deleteQuietly(dir);
        }
        return ExitCodes.OK;
    }
}
