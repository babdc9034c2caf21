package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.runtime.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line's contract: bad settings exit 78 listing every problem; an unreachable broker exits 1 naming it. */
class EnrichCommandTest {

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var cli = Cli.commandLine(new EnrichCommand());
            cli.setErr(new java.io.PrintWriter(System.err, true));
            return new Run(cli.execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void invalidSettingsExit78WithEveryProblem() {
        Run run = run("--threads", "zero", "--error-policy", "shrug");

        assertThat(run.code()).isEqualTo(78);
        assertThat(run.err()).contains("NEWSFLOW_STREAM_THREADS=zero").contains("NEWSFLOW_ERROR_POLICY=shrug");
    }

    @Test
    void unreachableBrokerExits1NamingTheAddressBeforeStarting() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        Run run = run("--bootstrap-servers", "127.0.0.1:" + port, "--connect-timeout", "2");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("enrich: cannot reach Kafka at 127.0.0.1:" + port + " within 2 s");
    }

    @Test
    void unknownOptionIsAUsageError() {
        Run run = run("--frobnicate");

        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err().strip()).isEqualTo("enrich: Unknown option: '--frobnicate' (see --help)");
    }

    @Test
    void sizeAndIdentityFlagsReachTheConfig() throws Exception {
        EnrichCommand command = new EnrichCommand();
        Cli.commandLine(command).parseArgs("--max-article-bytes", "2097152", "--instance-id", "enrich-2");

        EnrichConfig config = command.config(java.util.Map.of());

        assertThat(config.maxArticleBytes()).isEqualTo(2097152);
        assertThat(config.groupInstanceId()).isEqualTo("enrich-2");
        assertThat(config.streamsProperties().getProperty("producer.max.request.size")).isEqualTo(String.valueOf(2097152 + 65536));
    }

    @Test
    void aSecondInstanceOnTheSameStateDirectoryIsRefusedWithOneLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        EnrichConfig config = EnrichConfig.fromEnv(java.util.Map.of("NEWSFLOW_STATE_DIR", dir.toString(),
                "SCHEMA_REGISTRY_URL", "mock://state-dir-lock"));
        try (EnrichApp first = new EnrichApp(config)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> new EnrichApp(config))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("state directory " + dir.resolve("newsflow-enrich") + " is in use by another enrich instance: "
                            + "give each instance on a machine its own --state-dir (NEWSFLOW_STATE_DIR)");
        }
    }
}
