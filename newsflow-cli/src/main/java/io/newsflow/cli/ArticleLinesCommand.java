package io.newsflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.runtime.Cli;
import io.newsflow.runtime.ExitCodes;
import io.newsflow.ingest.ArticleSources;
import io.newsflow.ingest.InputFormat;
import io.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What {@code newsflow extract} and {@code newsflow tag} share: inputs read as ingest reads them, one JSON line per
 * article on stdout in input order, each problem named in one line on stderr, and ingest's exit codes (0 all done,
 * 2 some inputs rejected or with no text, 1 an input could not be read at all, 64 wrong command line).
 */
abstract class ArticleLinesCommand implements Callable<Integer> {

    static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders, or - for stdin.")
    List<String> inputs;

    @Spec
    CommandSpec spec;

    /** Nothing here goes to Kafka, so no record limit applies: an input is read whole, up to what one Java array holds. */
    private static final long WHOLE_INPUT = Integer.MAX_VALUE - 8;

    private final String name;
    private final InputFormat format;

    ArticleLinesCommand(String name, InputFormat format) {
        this.name = name;
        this.format = format;
    }

    /** Writes one article's line; returns false for a problem, already named on {@code err}. */
    interface Lines {
        boolean write(RawArticle article, String origin, Writer out, PrintWriter err) throws IOException;
    }

    /** What one run writes with (made once per run, so that loading models does not happen at --help). */
    abstract Lines lines();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            int problems = run(inputs, System.in, out, err);
            out.flush();
            return problems == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
        } catch (IOException e) {
            err.println(name + ": " + Cli.oneLine(e));
            return ExitCodes.FATAL;
        }
    }

    /** Writes every input's line to {@code out}; returns how many were rejected or had no text (each said on {@code err}). */
    int run(List<String> paths, InputStream stdin, Writer out, PrintWriter err) throws IOException {
        Lines lines = lines();
        int[] problems = {0};
        new ArticleSources(format, null, WHOLE_INPUT, Clock.systemUTC()).read(paths, stdin, new ArticleSources.Sink() {
            @Override
            public void article(RawArticle article, String origin) throws IOException {
                problems[0] += lines.write(article, origin, out, err) ? 0 : 1;
            }

            @Override
            public void rejected(String origin, String reason) {
                problems[0]++;
                err.println(name + ": rejected " + origin + ": " + reason);
            }
        });
        return problems[0];
    }

    static void writeLine(Writer out, ObjectNode line) throws IOException {
        out.write(JSON.writeValueAsString(line));
        out.write('\n');
    }
}
