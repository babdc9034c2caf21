package io.newsflow.enrich.text;

import io.newsflow.enrich.clean.CleanText;
import io.newsflow.schema.RawArticle;
import java.util.List;

/** An article between steps: the raw record, its clean text so far, and its footer tags once extracted. */
public record Cleaned(RawArticle raw, CleanText clean, List<String> footerTags) {
}
