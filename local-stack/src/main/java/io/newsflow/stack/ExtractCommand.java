package io.newsflow.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.cli.Cli;
import io.newsflow.cli.ExitCodes;
import io.newsflow.enrich.extract.ExtractedPage;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.ingest.ArticleSources;
import io.newsflow.ingest.InputFormat;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.RawArticle;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code newsflow extract}: HTML pages to their main text, without Kafka. One JSON line per page on
 * stdout, in input order; the same extractor the enrich topology's {@code extract-html} step runs.
 */
@Command(name = "extract", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Extract the main text and metadata of HTML pages, without Kafka: one JSON line per page on stdout,",
                "{\"file\", \"title\", \"publishedAt\", \"language\", \"body\", \"tags\"}; body is one paragraph per line.",
                "Folders are walked recursively for .html/.htm/.xhtml files (hidden ones skipped); a file named on its own is",
                "read as HTML whatever its name; '-' reads a page from stdin. The page's charset is honoured (BOM, <meta>)."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every page extracted", "1:fatal error (an input could not be read at all)",
                "2:some inputs rejected or with no text (each named on stderr), the rest extracted", "64:wrong command line"})
public final class ExtractCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "HTML files, folders, or - for stdin.")
    List<String> inputs;

    @Option(names = "--max-bytes", defaultValue = "${env:NEWSFLOW_MAX_ARTICLE_BYTES:-" + ArticleSize.DEFAULT_MAX_BYTES + "}",
            description = "Largest page accepted, in bytes (env NEWSFLOW_MAX_ARTICLE_BYTES; default ${DEFAULT-VALUE}).")
    int maxBytes;

    @Override
    public Integer call() {
        if (maxBytes < 1) {
            System.err.println("extract: --max-bytes " + maxBytes + ": expected a positive number of bytes");
            return ExitCodes.USAGE;
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        try {
            int problems = run(inputs, System.in, out, System.err);
            out.flush();
            return problems == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
        } catch (IOException e) {
            System.err.println("extract: " + Cli.oneLine(e));
            return ExitCodes.FATAL;
        }
    }

    /** Extracts every input to {@code out}; returns how many were rejected or had no text (each said on {@code err}). */
    int run(List<String> paths, InputStream stdin, Writer out, PrintStream err) throws IOException {
        HtmlExtractor extractor = new HtmlExtractor();
        int[] problems = {0};
        new ArticleSources(InputFormat.HTML, null, maxBytes, Clock.systemUTC()).read(paths, stdin, new ArticleSources.Sink() {
            @Override
            public void article(RawArticle article, String origin) throws IOException {
                ExtractedPage page = extractor.extract(article.getBody());
                if (page.body().isEmpty()) {
                    problems[0]++;
                    err.println("extract: " + origin + ": no article text in the page");
                }
                out.write(JSON.writeValueAsString(line(origin, page)));
                out.write('\n');
            }

            @Override
            public void rejected(String origin, String reason) {
                problems[0]++;
                err.println("extract: rejected " + origin + ": " + reason);
            }
        });
        return problems[0];
    }

    static ObjectNode line(String file, ExtractedPage page) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file);
        node.put("title", page.title());
        node.put("publishedAt", page.publishedAt() == null ? null : page.publishedAt().toString());
        node.put("language", page.language());
        node.put("body", page.body());
        page.tags().forEach(node.putArray("tags")::add);
        return node;
    }
}
