package io.newsflow.enrich.text;

import io.newsflow.enrich.clean.CleanText;
import io.newsflow.schema.RawArticle;
import java.util.List;

/**
 * An article between steps: the raw record, its clean text so far, its footer tags once extracted, and its language
 * (as the record gives it, else as detected once that step ran; null: not known).
 */
public record Cleaned(RawArticle raw, CleanText clean, List<String> footerTags, String language) {

    public Cleaned withLanguage(String detected) {
        return new Cleaned(raw, clean, footerTags, detected);
    }
}
