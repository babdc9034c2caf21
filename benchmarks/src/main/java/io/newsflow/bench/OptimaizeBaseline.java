package io.newsflow.bench;

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

/**
 * The language detection newsflow used before its own detector: optimaize language-detector's own
 * scorer on the first 2,000 characters. Kept here only as the benchmark's point of comparison.
 */
final class OptimaizeBaseline {

    private final LanguageDetector detector;
    private final TextObjectFactory texts = CommonTextObjectFactories.forDetectingOnLargeText();

    OptimaizeBaseline() {
        try {
            detector = LanguageDetectorBuilder.create(NgramExtractors.standard())
                    .withProfiles(new LanguageProfileReader().readAllBuiltIn()).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String guess(String text) {
        List<DetectedLanguage> candidates = detector.getProbabilities(texts.forText(text.length() > 2_000 ? text.substring(0, 2_000) : text));
        return candidates.isEmpty() || candidates.get(0).getProbability() < 0.85 ? null : candidates.get(0).getLocale().getLanguage();
    }
}
