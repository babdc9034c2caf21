package io.newsflow.cli;

import io.newsflow.stack.Folders;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.extract.ExtractedPage;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.ingest.InputFormat;
import picocli.CommandLine.Command;

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
public final class ExtractCommand extends ArticleLinesCommand {

    public ExtractCommand() {
        super("extract", InputFormat.HTML);
    }

    @Override
    Lines lines() {
        HtmlExtractor extractor = new HtmlExtractor();
        return (article, origin, out, err) -> {
            ExtractedPage page = extractor.extract(article.getBody());
            boolean hasText = !page.body().isEmpty();
            if (!hasText) {
                err.println("extract: " + origin + ": no article text in the page");
            }
            writeLine(out, line(origin, page));
            return hasText;
        };
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
