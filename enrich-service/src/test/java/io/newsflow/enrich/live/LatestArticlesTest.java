package io.newsflow.enrich.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LatestArticlesTest {

    private static ArticleView article(String id) {
        return new ArticleView(id, "title " + id, null, "en", List.of(), 0, Map.of(), null, Instant.EPOCH);
    }

    private static List<String> ids(LatestArticles latest) {
        return latest.newestFirst().stream().map(ArticleView::id).toList();
    }

    @Test
    void keepsTheLastArticlesNewestFirstAndDropsTheOldest() {
        LatestArticles latest = new LatestArticles(3);
        for (String id : List.of("a", "b", "c", "d", "e")) {
            latest.add(article(id));
        }
        assertThat(ids(latest)).containsExactly("e", "d", "c");
    }

    @Test
    void anArticleSeenAgainMovesToTheFrontInsteadOfShowingTwice() {
        LatestArticles latest = new LatestArticles(3);
        latest.add(article("a"));
        latest.add(article("b"));
        latest.add(article("a"));
        assertThat(ids(latest)).containsExactly("a", "b");
    }

    @Test
    void theListHandedOutIsACopy() {
        LatestArticles latest = new LatestArticles(2);
        latest.add(article("a"));
        List<ArticleView> seen = latest.newestFirst();
        latest.add(article("b"));
        assertThat(seen).extracting(ArticleView::id).containsExactly("a");
    }

    @Test
    void refusesACapacityBelowOne() {
        assertThatThrownBy(() -> new LatestArticles(0)).hasMessageContaining("at least 1");
    }
}
