package io.newsflow.stack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.cli.Cli;
import io.newsflow.cli.ExitCodes;
import io.newsflow.enrich.TextSteps;
import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.step.ExtractHtml;
import io.newsflow.enrich.step.RejectedArticle;
import io.newsflow.enrich.tag.FoundTag;
import io.newsflow.enrich.tag.TagOrigin;
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
 * {@code newsflow tag}: articles to their tags without Kafka, through the enrich topology's own text steps
 * (extract-html for pages, strip-noise, extract-footer, tag-entities) with the bundled models. One JSON line per
 * article on stdout, in input order.
 */
@Command(name = "tag", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Tag articles without Kafka, as the enrich topology does: one JSON line per article on stdout,",
                "{\"file\", \"id\", \"title\", \"topics\", \"tags\"}; topics are the MODEL topic labels, best first; tags are every",
                "tag {\"name\", \"type\", \"origin\", \"score\"} in the order enrich writes them. Inputs as for ingest: text files,",
                "HTML pages (.html/.htm/.xhtml), JSON Lines (.jsonl/.ndjson), folders, or - for stdin."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every article tagged", "1:fatal error (an input could not be read at all)",
                "2:some inputs rejected or with no text (each named on stderr), the rest tagged", "64:wrong command line"})
public final class TagCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files, folders, or - for stdin.")
    List<String> inputs;

    @Option(names = "--max-bytes", defaultValue = "${env:NEWSFLOW_MAX_ARTICLE_BYTES:-" + ArticleSize.DEFAULT_MAX_BYTES + "}",
            description = "Largest article accepted, in bytes (env NEWSFLOW_MAX_ARTICLE_BYTES; default ${DEFAULT-VALUE}).")
    int maxBytes;

    @Override
    public Integer call() {
        if (maxBytes < 1) {
            System.err.println("tag: --max-bytes " + maxBytes + ": expected a positive number of bytes");
            return ExitCodes.USAGE;
        }
        Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        try {
            int problems = run(inputs, System.in, out, System.err);
            out.flush();
            return problems == 0 ? ExitCodes.OK : ExitCodes.PARTIAL;
        } catch (IOException e) {
            System.err.println("tag: " + Cli.oneLine(e));
            return ExitCodes.FATAL;
        }
    }

    /** Tags every input to {@code out}; returns how many were rejected or had no text (each said on {@code err}). */
    int run(List<String> paths, InputStream stdin, Writer out, PrintStream err) throws IOException {
        TextSteps steps = TextSteps.bundled();
        ExtractHtml html = new ExtractHtml(steps.html());
        int[] problems = {0};
        new ArticleSources(InputFormat.AUTO, null, maxBytes, Clock.systemUTC()).read(paths, stdin, new ArticleSources.Sink() {
            @Override
            public void article(RawArticle raw, String origin) throws IOException {
                RawArticle article;
                List<String> pageTags;
                try {
                    var extracted = html.apply(raw);
                    article = extracted.article();
                    pageTags = extracted.pageTags();
                } catch (RejectedArticle e) {
                    problems[0]++;
                    err.println("tag: " + origin + ": " + e.getMessage());
                    return;
                }
                FooterTags.Result clean = steps.footer().extract(steps.stripper().strip(article.getBody()));
                if (clean.clean().text().isBlank()) {
                    problems[0]++;
                    err.println("tag: " + origin + ": no text left after the ad lines and footer");
                    return;
                }
                List<FoundTag> tags = steps.tagger().tag(article.getTitle(), clean.clean().text(), FooterTags.merge(clean.tags(), pageTags));
                out.write(JSON.writeValueAsString(line(origin, article, tags)));
                out.write('\n');
            }

            @Override
            public void rejected(String origin, String reason) {
                problems[0]++;
                err.println("tag: rejected " + origin + ": " + reason);
            }
        });
        return problems[0];
    }

    static ObjectNode line(String file, RawArticle article, List<FoundTag> tags) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file);
        node.put("id", article.getId());
        node.put("title", article.getTitle());
        ArrayNode topics = node.putArray("topics");
        tags.stream().filter(t -> t.origin() == TagOrigin.MODEL).forEach(t -> topics.add(t.name()));
        ArrayNode all = node.putArray("tags");
        for (FoundTag tag : tags) {
            all.addObject().put("name", tag.name()).put("type", tag.type().name()).put("origin", tag.origin().name()).put("score", tag.score());
        }
        return node;
    }
}
