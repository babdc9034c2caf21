package io.newsflow.enrich.text;

import io.newsflow.enrich.tag.FoundTag;
import java.util.List;

/** A cleaned article with its merged tags. */
public record Tagged(Cleaned cleaned, List<FoundTag> tags) {

    /** The article's language (as given, else as detected, else null). */
    public String language() {
        return cleaned.language();
    }
}
