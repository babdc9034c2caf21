package io.newsflow.enrich.step;

import io.newsflow.enrich.extract.ExtractedPage;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.schema.ContentTypes;
import io.newsflow.schema.RawArticle;
import java.util.List;

/**
 * The {@code extract-html} step: an HTML article becomes a text article (the page's main text, one
 * paragraph per line), with what the record lacks taken from the page; a text article passes as it is.
 * A page with no text at all is rejected: there is nothing to enrich, and the raw record stays on the
 * raw topic to be re-enriched when the extractor improves.
 */
public final class ExtractHtml {

    private final HtmlExtractor extractor;

    public ExtractHtml(HtmlExtractor extractor) {
        this.extractor = extractor;
    }

    public Extracted apply(RawArticle raw) {
        if (!ContentTypes.isHtml(raw.getContentType())) {
            return new Extracted(raw, List.of());
        }
        ExtractedPage page = extractor.extract(raw.getBody());
        if (page.body().isBlank()) {
            throw new RejectedArticle("extract-html", "no article text in the HTML page of article " + raw.getId() + " ("
                    + raw.getBody().length() + " characters of markup)");
        }
        RawArticle text = RawArticle.newBuilder(raw)
                .setBody(page.body())
                .setContentType(ContentTypes.TEXT)
                .setTitle(raw.getTitle() != null ? raw.getTitle() : page.title())
                .setPublishedAt(raw.getPublishedAt() != null ? raw.getPublishedAt() : page.publishedAt())
                .setLanguage(raw.getLanguage() != null ? raw.getLanguage() : page.language())
                .build();
        return new Extracted(text, page.tags());
    }
}
