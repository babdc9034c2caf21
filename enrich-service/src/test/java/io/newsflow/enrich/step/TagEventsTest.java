package io.newsflow.enrich.step;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.NoiseReport;
import io.newsflow.schema.Tag;
import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

/** An article's trending events, carried in headers from where it is an object to where only its bytes are. */
class TagEventsTest {

    private static final List<Tag> TAGS = List.of(tag("Berlin", TagType.PLACE), tag("Olaf Scholz", TagType.PERSON), tag("Berlin", TagType.PLACE),
            tag("Potsdam", TagType.PLACE));

    @Test
    void anArticleGivesOneEventPerTypeWithItsDistinctNamesInTagOrder() {
        assertThat(TagEvents.of(article(TAGS))).containsExactly(KeyValue.pair("PLACE", "Berlin" + TagEvents.SEPARATOR + "Potsdam"),
                KeyValue.pair("PERSON", "Olaf Scholz"));
        assertThat(TagEvents.of(article(List.of()))).isEmpty();
    }

    @Test
    void theEventsReadFromTheHeadersAreThoseWrittenAndWritingAgainReplacesThem() {
        Headers headers = new RecordHeaders().add("newsflow.minhash", new byte[] {1, 2});
        TagEvents.write(article(List.of(tag("Oslo", TagType.PLACE))), headers);
        TagEvents.write(article(TAGS), headers);

        assertThat(TagEvents.read(headers)).isEqualTo(TagEvents.of(article(TAGS)));
        assertThat(headers.headers(TagEvents.HEADER)).hasSize(2);
    }

    @Test
    void withoutTheEventHeadersKeepsTheOthersAndLeavesTheOriginalAsItWas() {
        Headers headers = new RecordHeaders().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        TagEvents.write(article(TAGS), headers);

        Headers stripped = TagEvents.without(headers);

        assertThat(stripped.toArray()).extracting(header -> header.key()).containsExactly("trace");
        assertThat(TagEvents.read(headers)).hasSize(2);
        assertThat(TagEvents.read(stripped)).isEmpty();
    }

    private static EnrichedArticle article(List<Tag> tags) {
        Instant at = Instant.parse("2026-12-03T14:00:00Z");
        return EnrichedArticle.newBuilder().setId("x").setSource("test").setIngestedAt(at).setBody("a long body").setTags(tags)
                .setNoise(NoiseReport.newBuilder().setLinesRemoved(0).setByRule(Map.of()).build()).setWordCount(3).setEnrichedAt(at)
                .setEnricherVersion("test").build();
    }

    private static Tag tag(String name, TagType type) {
        return Tag.newBuilder().setName(name).setType(type).setOrigin(TagOrigin.GAZETTEER).setWikidataId("Q64").build();
    }
}
