package io.newsflow.enrich.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * What an element's class, id and role say about it, read the way Readability and trafilatura read
 * them. The names are cut into lowercase words ({@code storyBody ad_slot} is story, body, ad, slot) and
 * looked up in word lists, no regular expressions: this runs on every element of every page.
 *
 * <p>Two kinds of boilerplate name: strong ones (ads, sponsors, newsletter and paywall prompts, share
 * bars, related stories, cookie banners, comments) that nothing but an article-body name redeems, and
 * weak ones (header, footer, meta, sidebar...) that "article", "content", "story" and the like redeem
 * ({@code article-footer} is kept, {@code site-footer} is not).
 */
final class Hints {

    /** What the element's names say. */
    enum Kind { STRONG_BOILERPLATE, WEAK_BOILERPLATE, ARTICLE, NEUTRAL }

    /** Whole words that mark boilerplate for sure ("ad" in "ad-slot", never in "shadow" or "header"). */
    private static final Set<String> STRONG_WORDS = Set.of("ad", "ads", "adv", "dfp", "gpt", "share", "shares", "sharing",
            "social", "sponsor", "sponsored", "promo", "promoted", "promotion", "newsletter", "newsletters", "subscribe",
            "subscription", "cookie", "cookies", "consent", "gdpr", "comments", "comment", "related", "recommended",
            "recommendations", "recirc", "outbrain", "taboola", "disqus", "livefyre", "popup", "modal", "upsell", "signup",
            "trending", "mostread", "breadcrumb", "breadcrumbs", "regwall", "donate", "cta", "nocontent", "adslot", "adunit",
            "adcontainer", "adwrap", "adbanner", "adlabel", "sharebar", "mostpopular", "morestories", "skiplink", "sronly");

    /** Word parts that mark boilerplate for sure wherever they occur in a word ("advertisement", "sponsorbox"). */
    private static final String[] STRONG_PARTS = {"advert", "sponsor", "newsletter", "subscri", "cookie", "consent", "outbrain",
            "taboola", "disqus", "comment", "related", "recommend", "social", "sharing", "breadcrumb", "popup", "promo", "trending"};

    /** Two words in a row that mark boilerplate for sure. */
    private static final Set<String> STRONG_PAIRS = Set.of("ad container", "ad wrap", "ad wrapper", "ad slot", "ad unit", "ad banner",
            "ad label", "share bar", "share tools", "share buttons", "most read", "most popular", "more stories", "further reading",
            "sign up", "skip link", "visually hidden", "screen reader", "sr only", "print only", "paywall prompt");

    /** Whole words that mark boilerplate unless the name also says article, content, story... */
    private static final Set<String> WEAK_WORDS = Set.of("nav", "navigation", "menu", "tags", "tag", "meta", "byline", "author",
            "authors", "dateline", "timestamp", "date", "credit", "credits", "caption", "print", "skip", "hidden", "masthead",
            "footer", "header", "banner", "widget", "toolbar", "pager", "pagination", "teaser", "teasers", "more", "popular",
            "login", "signin", "overlay", "sticky", "rail", "aside", "sidebar", "disclaimer", "copyright", "legal", "follow",
            "jump", "toc", "embed", "video", "player", "gallery", "slideshow", "carousel", "lightbox", "figure", "photo", "image",
            "img", "icon", "logo", "search", "alert", "alerts", "bio", "topics", "keywords", "extra", "supplemental", "legends",
            "legend", "time", "kicker", "updated", "info");

    /** Words that redeem a weak boilerplate name (Readability's "ok maybe it's a candidate"). */
    private static final Set<String> REDEEMING_WORDS = Set.of("article", "body", "content", "main", "story", "entry", "post", "text",
            "column");

    /** Two words in a row, or one word, that name the article's own text. */
    private static final Set<String> ARTICLE_PAIRS = Set.of("article body", "article content", "article text", "story body",
            "story content", "story text", "entry content", "post content", "post body", "post text", "body text", "main content",
            "rich text", "text content", "field body", "news text", "content body", "live blog", "blog post");
    private static final Set<String> ARTICLE_WORDS = Set.of("articlebody", "articlecontent", "articletext", "storybody",
            "storycontent", "storytext", "entrycontent", "postcontent", "postbody", "posttext", "bodytext", "maincontent",
            "richtext", "textcontent", "fieldbody", "newstext", "contentbody", "liveblog", "blogpost");

    private Hints() {
    }

    static Kind kind(Element element) {
        return kind(words(element));
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
        return "articleBody".equalsIgnoreCase(element.attr("itemprop")) || kind(element) == Kind.ARTICLE;
    }

    static Kind kind(List<String> words) {
        if (words.isEmpty()) {
            return Kind.NEUTRAL;
        }
        boolean strong = false;
        boolean weak = false;
        boolean redeemed = false;
        String previous = null;
        for (String word : words) {
            if (ARTICLE_WORDS.contains(word) || (previous != null && ARTICLE_PAIRS.contains(previous + " " + word))) {
                return Kind.ARTICLE;
            }
            strong |= STRONG_WORDS.contains(word) || containsPart(word) || (previous != null && STRONG_PAIRS.contains(previous + " " + word));
            weak |= WEAK_WORDS.contains(word);
            redeemed |= REDEEMING_WORDS.contains(word);
            previous = word;
        }
        if (strong) {
            return Kind.STRONG_BOILERPLATE;
        }
        return weak && !redeemed ? Kind.WEAK_BOILERPLATE : Kind.NEUTRAL;
    }

    private static boolean containsPart(String word) {
        if (word.length() < 5) {
            return false;
        }
        for (String part : STRONG_PARTS) {
            if (word.contains(part)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The words of the element's class, id and role: split at anything not a letter or digit and where
     * a lowercase letter meets an uppercase one ({@code storyBody}), lowercased.
     */
    static List<String> words(Element element) {
        String className = element.attributes().getIgnoreCase("class");
        String id = element.attributes().getIgnoreCase("id");
        String role = element.attributes().getIgnoreCase("role");
        if (className.isEmpty() && id.isEmpty() && role.isEmpty()) {
            return List.of();
        }
        List<String> words = new ArrayList<>(6);
        split(className, words);
        split(id, words);
        split(role, words);
        return words;
    }

    private static void split(String names, List<String> words) {
        int start = -1;
        for (int i = 0; i <= names.length(); i++) {
            char c = i < names.length() ? names.charAt(i) : ' ';
            boolean part = Character.isLetterOrDigit(c);
            boolean camel = part && start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(names.charAt(i - 1));
            if (start >= 0 && (!part || camel)) {
                words.add(names.substring(start, i).toLowerCase(Locale.ROOT));
                start = -1;
            }
            if (part && start < 0) {
                start = i;
            }
        }
    }
}
