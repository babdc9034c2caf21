package io.newsflow.enrich.text;

import io.newsflow.enrich.clean.CleanText;
import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.clean.NoiseRules;
import io.newsflow.enrich.clean.NoiseStripper;
import io.newsflow.enrich.extract.ExtractedPage;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.enrich.lang.LanguageDetection;
import io.newsflow.enrich.lang.NgramLanguageDetector;
import io.newsflow.enrich.tag.Gazetteer;
import io.newsflow.enrich.tag.NameRecogniser;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.tag.TopicClassifier;
import io.newsflow.schema.ContentTypes;
import io.newsflow.schema.RawArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The whole text work on one article, in plain Java: no Kafka, no I/O after construction, deterministic. Each step is a
 * method; the enrich topology calls them one named step at a time, and {@link #run} calls them all in the same order
 * (what {@code newsflow tag} and the JMH benchmarks run):
 * <ol>
 *   <li>{@link #validate}: an id, a body, a content type enrich handles;</li>
 *   <li>{@link #extractHtml}: an HTML page becomes its main text, with what the record lacks taken from the page;</li>
 *   <li>{@link #stripNoise}: standalone scraper-noise lines out;</li>
 *   <li>{@link #extractFooter}: the article's own {@code Topics:} footer becomes tags and leaves the body;</li>
 *   <li>{@link #requireContent}: an article with nothing left is rejected, not emitted empty;</li>
 *   <li>{@link #detectLanguage}: the language, where the record has none;</li>
 *   <li>{@link #tag}: people, places, organisations, and topics in the article's language, merged with the footer's and
 *       the page's tags.</li>
 * </ol>
 * A step that refuses an article throws {@link RejectedArticle} with the reason; the topology dead-letters it under
 * the step's name. Steps never throw on odd text.
 */
public final class TextChain {

    /** Where the chain's resources come from, and its switches. Empty paths: the bundled resources. */
    public record Settings(Optional<Path> noiseRules, Optional<Path> gazetteer, int maxTags, boolean detectLanguage) {
        /** The bundled resources, {@link Tagger#DEFAULT_MAX_TAGS}, language detection on. */
        public static Settings defaults() {
            return new Settings(Optional.empty(), Optional.empty(), Tagger.DEFAULT_MAX_TAGS, true);
        }
    }

    private final HtmlExtractor html;
    private final NoiseStripper stripper;
    private final FooterTags footer;
    private final Tagger tagger;
    private final Optional<LanguageDetection> languages;

    /** The chain of these parts; {@code languages} empty: no detection. */
    public TextChain(HtmlExtractor html, NoiseStripper stripper, FooterTags footer, Tagger tagger, Optional<LanguageDetection> languages) {
        this.html = html;
        this.stripper = stripper;
        this.footer = footer;
        this.tagger = tagger;
        this.languages = languages;
    }

    /** The chain with the resources that ship with enrich-service. */
    public static TextChain bundled() {
        return from(Settings.defaults());
    }

    /** The chain with the user's noise catalogue and gazetteer where {@code settings} name them. */
    public static TextChain from(Settings settings) {
        try {
            NoiseRules rules = settings.noiseRules().isPresent() ? NoiseRules.load(settings.noiseRules().get()) : NoiseRules.bundled();
            Gazetteer gazetteer = settings.gazetteer().isPresent() ? Gazetteer.load(settings.gazetteer().get()) : Gazetteer.bundled();
            return new TextChain(new HtmlExtractor(), new NoiseStripper(rules), new FooterTags(),
                    new Tagger(gazetteer, TopicClassifier.bundled(), Optional.of(NameRecogniser.bundled()), settings.maxTags()),
                    settings.detectLanguage() ? Optional.of(new NgramLanguageDetector()) : Optional.empty());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a configured text resource: " + e.getMessage(), e);
        }
    }

    /** Every step in order: the article's text, tags and language, or {@link RejectedArticle}. */
    public Tagged run(RawArticle raw) {
        return tag(detectLanguage(requireContent(extractFooter(stripNoise(extractHtml(validate(raw)))))));
    }

    /** A raw article enrich can work on: an id, a body, and a content type it handles. */
    public RawArticle validate(RawArticle article) {
        if (article.getId() == null || article.getId().isBlank()) {
            throw new RejectedArticle("missing id: a raw article needs a non-blank id");
        }
        if (article.getBody() == null || article.getBody().isBlank()) {
            throw new RejectedArticle("empty body in article " + article.getId());
        }
        if (ContentTypes.supported(article.getContentType()) == null) {
            throw new RejectedArticle("unsupported contentType " + article.getContentType() + " in article " + article.getId()
                    + ": only " + ContentTypes.TEXT + " and " + ContentTypes.HTML + " are enriched");
        }
        return article;
    }

    /**
     * An HTML article becomes a text article (the page's main text, one paragraph per line), with what the record lacks
     * taken from the page; a text article passes as it is. A page with no text at all is rejected: there is nothing to
     * enrich, and the raw record stays on the raw topic to be enriched again when the extractor improves.
     */
    public Extracted extractHtml(RawArticle raw) {
        if (!ContentTypes.isHtml(raw.getContentType())) {
            return new Extracted(raw, List.of());
        }
        ExtractedPage page = html.extract(raw.getBody());
        if (page.body().isBlank()) {
            throw new RejectedArticle("no article text in the HTML page of article " + raw.getId() + " (" + raw.getBody().length()
                    + " characters of markup)");
        }
        RawArticle text = RawArticle.newBuilder(raw)
                .setBody(page.body())
                .setContentType(ContentTypes.TEXT)
                .setTitle(raw.getTitle() != null ? raw.getTitle() : page.title())
                .setPublishedAt(raw.getPublishedAt() != null ? raw.getPublishedAt() : page.publishedAt())
                .setLanguage(raw.getLanguage() != null ? raw.getLanguage() : page.language())
                .build();
        return new Extracted(text, page.tags());
    }

    /** Standalone noise lines out of the body; the page's tags carried along. */
    public Cleaned stripNoise(Extracted text) {
        return new Cleaned(text.article(), stripper.strip(text.article().getBody()), text.pageTags(), text.article().getLanguage());
    }

    /** The article's own footer tags out of the body, merged with the page's. */
    public Cleaned extractFooter(Cleaned cleaned) {
        FooterTags.Result result = footer.extract(cleaned.clean());
        return new Cleaned(cleaned.raw(), result.clean(), FooterTags.merge(result.tags(), cleaned.footerTags()), cleaned.language());
    }

    /**
     * An article whose every line was noise (or footer) is not emitted as an empty article: it is rejected, so a scraper
     * that captured only ad slots is noticed and nothing is lost.
     */
    public Cleaned requireContent(Cleaned cleaned) {
        CleanText clean = cleaned.clean();
        if (clean.text().isBlank()) {
            Map<String, Integer> byRule = new TreeMap<>(clean.removedByRule());
            throw new RejectedArticle("nothing left after cleaning article " + cleaned.raw().getId() + ": all " + clean.linesRemoved()
                    + " non-blank lines were noise or footer " + byRule);
        }
        return cleaned;
    }

    /**
     * The language as the record gives it, else as detected (when detection is on) from the clean text, or from the title
     * and the text when the text alone is too short to tell; else none.
     */
    public Cleaned detectLanguage(Cleaned cleaned) {
        if (cleaned.language() != null || languages.isEmpty()) {
            return cleaned;
        }
        String text = cleaned.clean().text();
        Optional<String> guess = languages.get().guess(text);
        String title = cleaned.raw().getTitle();
        if (guess.isEmpty() && title != null && !title.isBlank()) {
            guess = languages.get().guess(title + "\n" + text);
        }
        return cleaned.withLanguage(guess.orElse(null));
    }

    /** The article's tags: found in its title and clean text, merged with its footer and page tags; topics in its language. */
    public Tagged tag(Cleaned cleaned) {
        return new Tagged(cleaned, tagger.tag(cleaned.language(), cleaned.raw().getTitle(), cleaned.clean().text(), cleaned.footerTags()));
    }
}
