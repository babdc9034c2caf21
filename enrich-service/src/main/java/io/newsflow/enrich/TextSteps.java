package io.newsflow.enrich;

import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.enrich.clean.NoiseRules;
import io.newsflow.enrich.clean.NoiseStripper;
import io.newsflow.enrich.lang.LanguageDetection;
import io.newsflow.enrich.lang.NgramLanguageDetector;
import io.newsflow.enrich.tag.EntityTagger;
import io.newsflow.enrich.tag.Gazetteer;
import io.newsflow.enrich.tag.TopicModel;
import java.util.Optional;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The plain-Java text steps the topology calls, built once from the bundled or configured resources.
 * {@code languages} is empty when language detection is switched off.
 */
public record TextSteps(HtmlExtractor html, NoiseStripper stripper, FooterTags footer, EntityTagger tagger,
                        Optional<LanguageDetection> languages) {

    /** The steps with the catalogues that ship with enrich-service. */
    public static TextSteps bundled() {
        return new TextSteps(new HtmlExtractor(), new NoiseStripper(NoiseRules.bundled()), new FooterTags(), new EntityTagger(Gazetteer.bundled()),
                Optional.of(new NgramLanguageDetector()));
    }

    /** The steps with the user's noise catalogue and gazetteer where the config names them. */
    public static TextSteps from(EnrichConfig config) {
        try {
            NoiseRules rules = config.noiseRules().isPresent() ? NoiseRules.load(config.noiseRules().get()) : NoiseRules.bundled();
            Gazetteer gazetteer = config.gazetteer().isPresent() ? Gazetteer.load(config.gazetteer().get()) : Gazetteer.bundled();
            return new TextSteps(new HtmlExtractor(), new NoiseStripper(rules), new FooterTags(),
                    new EntityTagger(gazetteer, TopicModel.bundled(), config.maxTags()),
                    config.detectLanguage() ? Optional.of(new NgramLanguageDetector()) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a configured text resource: " + e.getMessage(), e);
        }
    }
}
