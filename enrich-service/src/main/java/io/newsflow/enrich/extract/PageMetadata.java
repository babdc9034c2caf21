package io.newsflow.enrich.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The metadata a page declares: title, publication time, language and subject tags, from JSON-LD
 * ({@code NewsArticle} and kin), Open Graph and other {@code <meta>} conventions, {@code <time>} and
 * {@code <html lang>}. Reads only; never throws on odd markup (a malformed JSON-LD block is skipped).
 */
final class PageMetadata {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ARTICLE_TYPES = Set.of("article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "blogposting", "liveblogposting", "socialmediaposting",
            "report", "webpage", "scholarlyarticle", "techarticle");
    private static final List<String> PUBLISHED_META = List.of("article:published_time", "og:article:published_time",
            "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "publish_date", "publication_date",
            "dc.date.issued", "dc.date", "dcterms.created", "dcterms.issued", "date", "sailthru.date", "parsely-pub-date",
            "article.published", "article_date_original", "cxenseparse:recs:publishtime", "originalpublicationdate");
    private static final Pattern LANGUAGE = Pattern.compile("^([a-zA-Z]{2,3})(?:[-_].*)?$");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|\\-\u2013\u2014:\u00b7\u2022\u00bb/]{1,2}\\s+");

    private final Document document;
    private final List<JsonNode> articles = new ArrayList<>();
    /** Every {@code <meta>}'s content by its property, name or itemprop, lowercased; the first one wins. */
    private final Map<String, String> metas = new HashMap<>();

    PageMetadata(Document document) {
        this.document = document;
        for (Element meta : document.select("meta[content]")) {
            String content = meta.attr("content");
            if (content.isBlank()) {
                continue;
            }
            for (String key : new String[] {meta.attr("property"), meta.attr("name"), meta.attr("itemprop")}) {
                if (!key.isEmpty()) {
                    metas.putIfAbsent(key.toLowerCase(Locale.ROOT), content);
                }
            }
        }
        for (Element script : document.select("script[type=application/ld+json]")) {
            try {
                collectArticles(JSON.readTree(script.data()), 0);
            } catch (Exception e) {
                // a broken JSON-LD block says nothing; the page's other metadata still counts
            }
        }
    }

    /** The headline: JSON-LD, Open Graph, Twitter, then {@code <title>} without the site's name. */
    String title(Element h1) {
        String title = firstNonBlank(jsonLd("headline"), meta("og:title"), meta("twitter:title"), meta("dc.title"));
        if (title == null && h1 != null && !h1.text().isBlank()) {
            title = h1.text();
        }
        if (title == null) {
            title = withoutSiteName(document.title());
        }
        return title == null ? null : clean(title);
    }

    /** The page's own summary ({@code description}, else {@code og:description}), stripped; empty when it has none. */
    String description() {
        String description = firstNonBlank(meta("description"), meta("og:description"));
        return description == null ? "" : description.strip();
    }

    /** When the page says it was published; null when it does not say, or not in a form we can read. */
    Instant publishedAt() {
        Instant at = instant(jsonLd("datePublished"));
        if (at == null) {
            at = instant(jsonLd("dateCreated"));
        }
        for (int i = 0; at == null && i < PUBLISHED_META.size(); i++) {
            at = instant(meta(PUBLISHED_META.get(i)));
        }
        if (at == null) {
            Element itemprop = document.selectFirst("[itemprop=datePublished]");
            if (itemprop != null) {
                at = instant(firstNonBlank(itemprop.attr("content"), itemprop.attr("datetime"), itemprop.text()));
            }
        }
        if (at == null) {
            Element time = document.selectFirst("article time[datetime], time[pubdate][datetime], time[datetime]");
            if (time != null) {
                at = instant(time.attr("datetime"));
            }
        }
        return at;
    }

    /** ISO 639 code of the page's language ({@code <html lang="en-GB">} is {@code en}); null when undeclared. */
    String language() {
        Element html = document.selectFirst("html");
        String declared = firstNonBlank(html == null ? null : html.attr("lang"), html == null ? null : html.attr("xml:lang"),
                httpEquiv("content-language"), meta("og:locale"), meta("language"), meta("dc.language"), jsonLd("inLanguage"));
        if (declared == null) {
            return null;
        }
        Matcher matcher = LANGUAGE.matcher(declared.trim());
        return matcher.matches() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
    }

    /** The page's own subject tags: {@code article:tag} / {@code news_keywords} / JSON-LD {@code keywords}, in order, once each. */
    List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        for (Element meta : document.select("meta[property=article:tag], meta[name=article:tag]")) {
            add(tags, meta.attr("content"));
        }
        if (tags.isEmpty()) {
            JsonNode keywords = jsonLdNode("keywords");
            if (keywords != null && keywords.isArray()) {
                keywords.forEach(k -> add(tags, k.asText()));
            } else if (keywords != null && keywords.isTextual()) {
                for (String k : keywords.asText().split(",")) {
                    add(tags, k);
                }
            }
        }
        if (tags.isEmpty()) {
            String news = meta("news_keywords");
            if (news != null) {
                for (String k : news.split(",")) {
                    add(tags, k);
                }
            }
        }
        return List.copyOf(tags);
    }

    private static void add(Set<String> tags, String tag) {
        String clean = clean(tag);
        if (!clean.isEmpty() && clean.length() <= 60 && !clean.contains(":")) {
            tags.add(clean);
        }
    }

    private void collectArticles(JsonNode node, int depth) {
        if (node == null || depth > 4) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collectArticles(n, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.get("@type");
        if (type != null && isArticleType(type)) {
            articles.add(node);
        }
        collectArticles(node.get("@graph"), depth + 1);
        collectArticles(node.get("mainEntity"), depth + 1);
    }

    private static boolean isArticleType(JsonNode type) {
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (isArticleType(t)) {
                    return true;
                }
            }
            return false;
        }
        return ARTICLE_TYPES.contains(type.asText().toLowerCase(Locale.ROOT));
    }

    private JsonNode jsonLdNode(String field) {
        // an article type beats a WebPage: look at the others first
        for (boolean webPage : new boolean[] {false, true}) {
            for (JsonNode article : articles) {
                boolean isWebPage = "webpage".equalsIgnoreCase(article.path("@type").asText());
                if (isWebPage == webPage && article.hasNonNull(field)) {
                    return article.get(field);
                }
            }
        }
        return null;
    }

    private String jsonLd(String field) {
        JsonNode node = jsonLdNode(field);
        if (node == null) {
            return null;
        }
        if (node.isArray() && !node.isEmpty()) {
            node = node.get(0);
        }
        return node.isValueNode() ? node.asText() : null;
    }

    private String meta(String name) {
        return metas.get(name);
    }

    private String httpEquiv(String name) {
        for (Element meta : document.select("meta[http-equiv][content]")) {
            if (meta.attr("http-equiv").equalsIgnoreCase(name)) {
                return meta.attr("content");
            }
        }
        return null;
    }

    /** "Storm closes port | The Harbour Times" is "Storm closes port": the longest part, when the others look like a site name. */
    static String withoutSiteName(String title) {
        if (title == null || title.isBlank()) {
            return null;
        }
        String[] parts = TITLE_SEPARATOR.split(title.trim());
        if (parts.length < 2) {
            return title.trim();
        }
        String longest = parts[0];
        for (String part : parts) {
            if (part.length() > longest.length()) {
                longest = part;
            }
        }
        return longest.split("\\s+").length >= 3 ? longest : title.trim();
    }

    /** ISO-8601 with or without offset, a date alone, or RFC 1123; UTC when no offset is given; null when unreadable. */
    static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.trim();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            // 2026-03-04T10:15:00+0100 (no colon in the offset)
            return OffsetDateTime.parse(value, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm[:ss][.SSS]XX")).toInstant();
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return LocalDate.parse(value.length() >= 10 ? value.substring(0, 10) : value).atStartOfDay().toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            // next form
        }
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private static String clean(String text) {
        return text == null ? "" : text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim();
    }
}
