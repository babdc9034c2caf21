package io.newsflow.enrich.live;

import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the live page shows of one enriched article: no body, the tags, what noise was removed and the duplicate link.
 *
 * @param time when it was enriched
 */
public record ArticleView(String id, String title, String url, String language, List<TagView> tags, int noiseLinesRemoved,
                          Map<String, Integer> noiseByRule, String duplicateOf, Instant time) {

    /** One tag: its name, type (PERSON, PLACE, ...), origin (FOOTER, GAZETTEER, ...) and score. */
    public record TagView(String name, String type, String origin, double score) {
    }

    public static ArticleView of(EnrichedArticle article) {
        List<TagView> tags = article.getTags() == null ? List.of() : article.getTags().stream().map(ArticleView::tag).toList();
        int removed = article.getNoise() == null ? 0 : article.getNoise().getLinesRemoved();
        Map<String, Integer> byRule = new TreeMap<>();
        if (article.getNoise() != null && article.getNoise().getByRule() != null) {
            article.getNoise().getByRule().forEach((rule, count) -> byRule.put(rule.toString(), count));
        }
        return new ArticleView(article.getId(), article.getTitle(), article.getUrl(), article.getLanguage(), tags, removed,
                byRule, article.getDuplicateOf(), article.getEnrichedAt());
    }

    private static TagView tag(Tag tag) {
        return new TagView(tag.getName(), String.valueOf(tag.getType()), String.valueOf(tag.getOrigin()), tag.getScore());
    }
}
