package io.newsflow.stack;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.TextSteps;
import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.step.ExtractHtml;
import io.newsflow.enrich.step.Extracted;
import io.newsflow.enrich.step.RejectedArticle;
import io.newsflow.enrich.tag.FoundTag;
import io.newsflow.enrich.tag.TagOrigin;
import io.newsflow.ingest.InputFormat;
import io.newsflow.schema.RawArticle;
import java.util.List;
import picocli.CommandLine.Command;

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
public final class TagCommand extends ArticleLinesCommand {

    public TagCommand() {
        super("tag", InputFormat.AUTO);
    }

    @Override
    Lines lines() {
        TextSteps steps = TextSteps.bundled();
        ExtractHtml html = new ExtractHtml(steps.html());
        return (raw, origin, out, err) -> {
            Extracted extracted;
            try {
                extracted = html.apply(raw);
            } catch (RejectedArticle e) {
                err.println("tag: " + origin + ": " + e.getMessage());
                return false;
            }
            RawArticle article = extracted.article();
            FooterTags.Result clean = steps.footer().extract(steps.stripper().strip(article.getBody()));
            if (clean.clean().text().isBlank()) {
                err.println("tag: " + origin + ": no text left after the ad lines and footer");
                return false;
            }
            List<FoundTag> tags = steps.tagger().tag(article.getTitle(), clean.clean().text(),
                    FooterTags.merge(clean.tags(), extracted.pageTags()));
            writeLine(out, line(origin, article, tags));
            return true;
        };
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
