package io.newsflow.enrich.text;

import io.newsflow.enrich.tag.FoundTag;
import java.util.List;

/** A cleaned article with its merged tags and its language (as given, else as guessed, else null). */
public record Tagged(Cleaned cleaned, List<FoundTag> tags, String language) {

    public Tagged withLanguage(String guessed) {
        return new Tagged(cleaned, tags, guessed);
    }
}
