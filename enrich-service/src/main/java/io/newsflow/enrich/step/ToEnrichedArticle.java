package io.newsflow.enrich.step;

import io.newsflow.enrich.clean.Words;
import io.newsflow.enrich.tag.FoundTag;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.NoiseReport;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Tag;
import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
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

    /** The contract's enum constant for each of ours, by ordinal, looked up by name once. */
    private static final TagType[] TYPES = java.util.Arrays.stream(io.newsflow.enrich.tag.EntityType.values())
            .map(t -> TagType.valueOf(t.name())).toArray(TagType[]::new);
    private static final TagOrigin[] ORIGINS = java.util.Arrays.stream(io.newsflow.enrich.tag.TagOrigin.values())
            .map(o -> TagOrigin.valueOf(o.name())).toArray(TagOrigin[]::new);

    private static Tag toAvro(FoundTag tag) {
        return new Tag(tag.name(), TYPES[tag.type().ordinal()], ORIGINS[tag.origin().ordinal()], tag.mentions(), (float) tag.score());
    }
}
