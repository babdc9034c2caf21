package io.newsflow.enrich.extract;

import java.time.Instant;
import java.util.List;

/**
 * What {@link HtmlExtractor} found in a page: its main text, one paragraph per line (headings and list
 * items their own lines), and the metadata the page declares. Any field but {@code body} and
 * {@code tags} may be null; {@code body} is empty when the page has no text at all.
 *
 * @param tags the page's own subject tags ({@code article:tag}, JSON-LD {@code keywords}, {@code rel=tag} links)
 */
public record ExtractedPage(String title, Instant publishedAt, String language, String body, List<String> tags) {
}
