package io.newsflow.enrich.tag;

import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;

/**
 * One tag of an article, in the contract's own terms.
 *
 * @param name       canonical name (a known entity), or the name as the article writes it
 * @param type       what it names
 * @param origin     how it was found
 * @param mentions   times it is mentioned in the clean text
 * @param score      how likely the tag is right, 0 to 1: footer tags 1; topics and recognised names their calibrated
 *                   probability; gazetteer names the gazetteer's measured precision
 * @param wikidataId the entity's Wikidata id ("Q7747") when it is known, else null
 */
public record FoundTag(String name, TagType type, TagOrigin origin, int mentions, double score, String wikidataId) {

    /** A tag without a Wikidata id. */
    public FoundTag(String name, TagType type, TagOrigin origin, int mentions, double score) {
        this(name, type, origin, mentions, score, null);
    }
}
