package io.newsflow.enrich.step;

import io.newsflow.enrich.tag.FoundTag;
import java.util.List;

/** A cleaned article with its merged tags. */
public record Tagged(Cleaned cleaned, List<FoundTag> tags) {
}
