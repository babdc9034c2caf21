package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.runtime.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's contract: usage errors exit 64, an unreachable broker exits 1 with one line naming it. */
class IngestCommandTest {

    @TempDir
    Path dir;

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            var cli = Cli.commandLine(new IngestCommand());
            cli.setErr(new java.io.PrintWriter(System.err, true));
            int code = cli.execute(args);
            return new Run(code, err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }

    @Test
    void unknownOptionIsAOneLineUsageError() {
        Run run = run("--frobnicate", "x.txt");

        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err().strip()).isEqualTo("ingest: Unknown option: '--frobnicate' (see --help)");
    }

    @Test
    void noInputIsAUsageError() {
        Run run = run();

        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err()).contains("Missing required parameter");
    }

    @Test
    void badFormatIsAUsageError() throws Exception {
        Run run = run("--format", "xml", "x.txt");

        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err().strip()).isEqualTo("ingest: NEWSFLOW_INGEST_FORMAT=xml: expected auto, text, html or jsonl");
    }

    @Test
    void unreachableBrokerFailsWithinTheTimeoutNamingTheAddress() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path article = Files.writeString(dir.resolve("a.txt"), "Text");

        Run run = run("--bootstrap-servers", "127.0.0.1:" + port, "--connect-timeout", "2", article.toString());

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("ingest: cannot reach Kafka at 127.0.0.1:" + port + " within 2 s");
    }

    @Test
    void aSizeLimitBelowTheMinimumIsAUsageError() {
        Run run = run("--max-article-bytes", "0", "x.txt");

        assertThat(run.code()).isEqualTo(64);
        assertThat(run.err().strip()).isEqualTo("ingest: NEWSFLOW_MAX_ARTICLE_BYTES=0: expected a whole number >= 16384");
    }
}
