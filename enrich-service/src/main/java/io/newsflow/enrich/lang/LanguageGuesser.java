package io.newsflow.enrich.lang;

import com.optimaize.langdetect.DetectedLanguage;
import com.optimaize.langdetect.LanguageDetector;
import com.optimaize.langdetect.LanguageDetectorBuilder;
import com.optimaize.langdetect.ngram.NgramExtractors;
import com.optimaize.langdetect.profiles.LanguageProfileReader;
import com.optimaize.langdetect.text.CommonTextObjectFactories;
import com.optimaize.langdetect.text.TextObjectFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;

/**
 * Guesses an article's language (ISO 639-1) when the source gave none, with optimaize
 * language-detector: pure Java, n-gram profiles of 71 languages inside its own Maven Central jar (no
 * model to download), Apache-2.0. A guess below {@link #MIN_PROBABILITY}, or on too little text, is no
 * guess. Thread-safe; never throws on text.
 */
public final class LanguageGuesser implements LanguageDetection {

    static final double MIN_PROBABILITY = 0.85;
    static final int MIN_LETTERS = 20;
    /** Enough text for a confident guess; more only costs time. */
    static final int MAX_CHARS = 2_000;

    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    public LanguageGuesser() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn())
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the language profiles bundled with language-detector", e);
        }
    }

    @Override
    public Optional<String> guess(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String sample = text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
        if (sample.chars().filter(Character::isLetter).count() < MIN_LETTERS) {
            return Optional.empty();
        }
        List<DetectedLanguage> candidates = detector.getProbabilities(texts.forText(sample));
        if (candidates.isEmpty() || candidates.get(0).getProbability() < MIN_PROBABILITY) {
            return Optional.empty();
        }
        return Optional.of(candidates.get(0).getLocale().getLanguage());
    }
}
