package io.newsflow.enrich.tag;

import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;

/**
 * One tag of an article, in the contract's own terms.
 *
 * @param name     canonical name
 * @param type     what it names
 * @param origin   how it was found
 * @param mentions times it is mentioned in the clean text
 * @param score    relative weight in this article, 0 to 1 (footer tags 1)
 */
public record FoundTag(String name, TagType type, TagOrigin origin, int mentions, double score) {
}
