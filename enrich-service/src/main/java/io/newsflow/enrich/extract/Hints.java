package io.newsflow.enrich.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it, read the way Readability and trafilatura read
 * them. Two kinds of boilerplate name: strong ones (ads, sponsors, newsletter and paywall prompts,
 * share bars, related stories, cookie banners, comments) that nothing but an article-body name
 * redeems, and weak ones (header, footer, meta, sidebar...) that "article", "content", "story" and
 * the like redeem ({@code article-footer} is kept, {@code site-footer} is not).
 */
final class Hints {

    /** Whole name parts that mark boilerplate for sure ("ad" in "ad-slot", never in "shadow" or "header"). */
    private static final Set<String> STRONG_WORDS = Set.of("ad", "ads", "adv", "dfp", "gpt", "share", "shares", "sharing",
            "social", "sponsor", "sponsored", "promo", "promoted", "promotion", "newsletter", "newsletters", "subscribe",
            "subscription", "cookie", "cookies", "consent", "gdpr", "comments", "comment", "related", "recommended",
            "recommendations", "recirc", "outbrain", "taboola", "disqus", "livefyre", "popup", "modal", "upsell", "signup",
            "trending", "mostread", "breadcrumb", "breadcrumbs", "regwall", "donate", "cta");

    /** Name fragments that mark boilerplate for sure wherever they occur. */
    private static final Pattern STRONG_FRAGMENTS = Pattern.compile(
            "advert|adslot|adunit|ad-?container|ad-?wrap|ad-?slot|ad-?unit|ad-?banner|ad-?label|sponsor|newsletter|subscri|cookie"
                    + "|consent|outbrain|taboola|disqus|comment|related|recommend|social|sharing|share-?bar|share-?tools|breadcrumb"
                    + "|popup|promo|sign-?up|most-?read|most-?popular|trending|more-?stories|further-?reading|paywall-?prompt"
                    + "|skip-?link|visually-?hidden|screen-?reader|sr-only|print-?only|nocontent");

    /** Whole name parts that mark boilerplate unless the name also says article, content, story... */
    private static final Set<String> WEAK_WORDS = Set.of("nav", "navigation", "menu", "tags", "tag", "meta", "byline", "author",
            "authors", "dateline", "timestamp", "date", "credit", "credits", "caption", "print", "skip", "hidden", "masthead",
            "footer", "header", "banner", "widget", "toolbar", "pager", "pagination", "teaser", "teasers", "more", "popular",
            "login", "signin", "overlay", "sticky", "rail", "aside", "sidebar", "disclaimer", "copyright", "legal", "follow",
            "jump", "toc", "embed", "video", "player", "gallery", "slideshow", "carousel", "lightbox", "figure", "photo", "image",
            "img", "icon", "logo", "search", "alert", "alerts", "bio", "topics", "keywords", "extra", "supplemental", "legends",
            "legend", "time", "kicker", "updated", "info");

    /** Names that mark the article's own text. */
    private static final Pattern POSITIVE = Pattern.compile(
            "article-?body|articlebody|article__body|article-?content|article-?text|story-?body|story-?content|story-?text"
                    + "|entry-?content|post-?content|post-?body|post-?text|body-?text|main-?content|rich-?text|text-?content|articletext"
                    + "|td-post-content|field-?body|news-?text|article_body|content-?body|liveblog|live-?blog");

    /** Words that redeem a weak boilerplate name (Readability's "ok maybe it's a candidate"). */
    private static final Set<String> REDEEMING_WORDS = Set.of("article", "body", "content", "main", "story", "entry", "post", "text",
            "column");

    private Hints() {
    }

    /** The element's class, id and role, lowercased, camelCase split ("storyBody" becomes "story-body"). */
    static String names(Element element) {
        String className = element.className();
        String id = element.id();
        String role = element.attr("role");
        if (className.isEmpty() && id.isEmpty() && role.isEmpty()) {
            return "";
        }
        String joined = className + " " + id + " " + role;
        return joined.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** What the element's names say: boilerplate for sure, boilerplate unless it holds the article, or nothing. */
    enum Kind { STRONG_BOILERPLATE, WEAK_BOILERPLATE, ARTICLE, NEUTRAL }

    static Kind kind(Element element) {
        String names = names(element);
        if (names.isBlank()) {
            return Kind.NEUTRAL;
        }
        if (POSITIVE.matcher(names).find()) {
            return Kind.ARTICLE;
        }
        if (STRONG_FRAGMENTS.matcher(names).find()) {
            return Kind.STRONG_BOILERPLATE;
        }
        boolean weak = false;
        boolean redeemed = false;
        for (String word : names.split("[^a-z0-9]+")) {
            if (STRONG_WORDS.contains(word)) {
                return Kind.STRONG_BOILERPLATE;
            }
            weak |= WEAK_WORDS.contains(word);
            redeemed |= REDEEMING_WORDS.contains(word);
        }
        return weak && !redeemed ? Kind.WEAK_BOILERPLATE : Kind.NEUTRAL;
    }

    /** Readability's class weight: +25 for an article-body name, -25 for a boilerplate name. */
    static int weight(Element element) {
        return switch (kind(element)) {
            case ARTICLE -> 25;
            case STRONG_BOILERPLATE, WEAK_BOILERPLATE -> -25;
            case NEUTRAL -> 0;
        };
    }

    /** Schema.org's marker of the article body, or a name that says the same. */
    static boolean isArticleBody(Element element) {
        return "articleBody".equalsIgnoreCase(element.attr("itemprop")) || POSITIVE.matcher(names(element)).find();
    }
}
