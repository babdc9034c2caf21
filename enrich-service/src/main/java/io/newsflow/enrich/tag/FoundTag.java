package io.newsflow.enrich.tag;

/**
 * One tag of an article.
 *
 * @param name     canonical name
 * @param type     what it names
 * @param origin   how it was found
 * @param mentions times it is mentioned in the clean text
 * @param score    relative weight in this article, 0 to 1 (footer tags 1)
 */
public record FoundTag(String name, EntityType type, TagOrigin origin, int mentions, double score) {
}
