package io.newsflow.enrich.step;

import io.newsflow.enrich.clean.Words;
import io.newsflow.enrich.text.Tagged;
import io.newsflow.enrich.tag.FoundTag;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.NoiseReport;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Tag;
import java.time.Clock;
import java.util.List;

/** Maps a tagged article to the EnrichedArticle contract. */
public final class ToEnrichedArticle {

    private final Clock clock;
    private final String enricherVersion;

    public ToEnrichedArticle(Clock clock, String enricherVersion) {
        this.clock = clock;
        this.enricherVersion = enricherVersion;
    }

    public EnrichedArticle apply(Tagged tagged) {
        RawArticle raw = tagged.cleaned().raw();
        String body = tagged.cleaned().clean().text();
        List<Tag> tags = tagged.tags().stream().map(ToEnrichedArticle::toAvro).toList();
        return EnrichedArticle.newBuilder()
                .setId(raw.getId())
                .setSource(raw.getSource())
                .setUrl(raw.getUrl())
                .setTitle(raw.getTitle())
                .setLanguage(tagged.language())
                .setPublishedAt(raw.getPublishedAt())
                .setIngestedAt(raw.getIngestedAt())
                .setAttributes(raw.getAttributes())
                .setBody(body)
                .setTags(tags)
                .setNoise(NoiseReport.newBuilder()
                        .setLinesRemoved(tagged.cleaned().clean().linesRemoved())
                        .setByRule(new java.util.TreeMap<>(tagged.cleaned().clean().removedByRule()))
                        .build())
                .setWordCount(Words.count(body))
                .setEnrichedAt(clock.instant())
                .setEnricherVersion(enricherVersion)
                .build();
    }

    private static Tag toAvro(FoundTag tag) {
        return new Tag(tag.name(), tag.type(), tag.origin(), tag.mentions(), (float) tag.score(), tag.wikidataId());
    }
}
