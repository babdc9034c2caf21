package io.newsflow.enrich.text;

import io.newsflow.schema.RawArticle;
import java.util.List;

/**
 * An article whose body is text: a text article as it came, or an HTML article after extraction, its
 * body replaced by the page's main text and its missing title, publication time and language filled
 * from the page. {@code pageTags} are the page's own subject tags (none for text).
 */
public record Extracted(RawArticle article, List<String> pageTags) {
}
