package io.newsflow.enrich.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.NoiseReport;
import io.newsflow.schema.Tag;
import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LivePageTest {

    @Test
    void anArticleViewHasTheTagsNoiseAndDuplicateLinkButNoBody() throws Exception {
        EnrichedArticle article = EnrichedArticle.newBuilder().setId("a-1").setSource("file").setUrl("https://example.org/a")
                .setTitle("Floods in Faenza").setLanguage("en").setPublishedAt(null).setIngestedAt(Instant.ofEpochMilli(1_000))
                .setAttributes(Map.of()).setBody("secret body text")
                .setTags(List.of(Tag.newBuilder().setName("Faenza").setType(TagType.PLACE).setOrigin(TagOrigin.GAZETTEER)
                        .setMentions(1).setScore(0.82f).setWikidataId(null).build()))
                .setNoise(NoiseReport.newBuilder().setLinesRemoved(3).setByRule(Map.of("ad-marker", 2, "footer-tags", 1)).build())
                .setWordCount(3).setEnrichedAt(Instant.parse("2026-12-03T10:00:00Z")).setEnricherVersion("v").setDuplicateOf("a-0").build();

        ArticleView view = ArticleView.of(article);
        String json = LivePage.JSON.writeValueAsString(view);

        assertThat(view.tags()).containsExactly(new ArticleView.TagView("Faenza", "PLACE", "GAZETTEER", 0.8199999928474426));
        assertThat(view.noiseByRule()).isEqualTo(Map.of("ad-marker", 2, "footer-tags", 1));
        assertThat(json).contains("\"duplicateOf\":\"a-0\"").contains("\"time\":\"2026-12-03T10:00:00Z\"")
                .contains("\"noiseLinesRemoved\":3").doesNotContain("secret body text");
    }

    @Test
    void thePageWorksOfflineAndPutsNoDataInAsMarkup() {
        String html = LivePage.resource("index.html");
        String script = LivePage.resource("live.js");
        assertThat(html).contains("<meta name=\"viewport\"").contains("src=\"live.js\"").contains("href=\"live.css\"")
                .doesNotContain("http://").doesNotContain("https://");
        assertThat(script).doesNotContain("innerHTML").doesNotContain("outerHTML").doesNotContain("insertAdjacentHTML")
                .doesNotContain("document.write").contains("textContent");
        assertThat(LivePage.resource("live.css")).contains("@media (max-width: 700px)").doesNotContain("@import");
    }
}
