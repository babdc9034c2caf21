package io.newsflow.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsflow.enrich.tag.FoundTag;
import io.newsflow.enrich.text.RejectedArticle;
import io.newsflow.enrich.text.Tagged;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.schema.TagType;
import io.newsflow.ingest.InputFormat;
import io.newsflow.schema.RawArticle;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code newsflow tag}: articles to their tags without Kafka, through the enrich topology's own text chain
 * ({@link TextChain#run}) with the bundled models. One JSON line per article on stdout, in input order.
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
        TextChain chain = TextChain.bundled();
        return (raw, origin, out, err) -> {
            Tagged tagged;
            try {
                tagged = chain.run(raw);
            } catch (RejectedArticle e) {
                err.println("tag: " + origin + ": " + e.getMessage());
                return false;
            }
            writeLine(out, line(origin, tagged.cleaned().raw(), tagged.tags()));
            return true;
        };
    }

    static ObjectNode line(String file, RawArticle article, List<FoundTag> tags) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file);
        node.put("id", article.getId());
        node.put("title", article.getTitle());
        ArrayNode topics = node.putArray("topics");
        tags.stream().filter(t -> t.type() == TagType.TOPIC).forEach(t -> topics.add(t.name()));
        ArrayNode all = node.putArray("tags");
        for (FoundTag tag : tags) {
            ObjectNode one = all.addObject().put("name", tag.name()).put("type", tag.type().name()).put("origin", tag.origin().name())
                    .put("mentions", tag.mentions()).put("score", tag.score());
            if (tag.wikidataId() != null) {
                one.put("wikidataId", tag.wikidataId());
            }
        }
        return node;
    }
}
