package io.newsflow.enrich.lang;

import java.util.Optional;

/** Names a text's language; the detect-language step calls one. */
@FunctionalInterface
public interface LanguageDetection {

    /** The ISO 639-1 code of the text's language, or empty when unsure. */
    Optional<String> guess(String text);
}
