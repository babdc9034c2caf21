package io.newsflow.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * News pages of a typical size around the synthetic articles: the article's lines as paragraphs with an
 * ad slot every few, inside the markup a real news page carries (a header with a long menu, a cookie
 * banner, inline scripts and styles, JSON-LD, share bar, related stories, comments, a footer full of
 * links), about 40 KB of HTML per page (the run prints the measured size).
 */
final class SyntheticPages {

    private SyntheticPages() {
    }

    static List<String> wrap(List<String> articles, long seed) {
        Random random = new Random(seed);
        List<String> pages = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            pages.add(page(articles.get(i), i, random));
        }
        return pages;
    }

    private static String page(String article, int n, Random random) {
        StringBuilder html = new StringBuilder(70_000);
        html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Story ").append(n).append(" | The Daily Example</title>")
                .append("<meta property=\"og:title\" content=\"Story ").append(n).append("\">")
                .append("<meta property=\"article:published_time\" content=\"2026-03-04T07:30:00Z\">")
                .append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"Story ")
                .append(n).append("\",\"datePublished\":\"2026-03-04T07:30:00Z\"}</script><style>");
        for (int i = 0; i < 120; i++) {
            html.append(".c").append(i).append("{margin:").append(i % 7).append("px;padding:0 ").append(i % 5).append("px;color:#")
                    .append(Integer.toHexString(0x100000 + random.nextInt(0xEFFFFF))).append("}");
        }
        html.append("</style><script>");
        for (int i = 0; i < 250; i++) {
            html.append("window.__cfg").append(i).append("={slot:'div-gpt-ad-").append(random.nextInt(1_000_000)).append("',sizes:[[300,250],[728,90]]};");
        }
        html.append("</script></head><body><div class=\"cookie-consent\"><p>We and our 812 partners use cookies.</p><button>Accept</button></div>")
                .append("<header class=\"site-header\"><a class=\"logo\" href=\"/\">The Daily Example</a><nav class=\"main-nav\"><ul>");
        for (int i = 0; i < 90; i++) {
            html.append("<li class=\"nav-item\"><a href=\"/section/").append(i).append("\">Section ").append(i).append("</a></li>");
        }
        html.append("</ul></nav></header><main><article><h1>Story ").append(n).append("</h1><div class=\"byline\">By A. Reporter</div>")
                .append("<div class=\"share-bar\"><a href=\"#\">Facebook</a><a href=\"#\">X</a><a href=\"#\">Email</a></div><div class=\"article-body\">");
        int paragraph = 0;
        for (String line : article.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            html.append("<p>").append(escape(line)).append("</p>");
            if (++paragraph % 3 == 0) {
                html.append("<div class=\"ad-slot\"><span class=\"ad-label\">Advertisement</span><div id=\"div-gpt-ad-").append(paragraph)
                        .append("\"></div></div>");
            }
        }
        html.append("</div></article><aside class=\"related\"><h3>Related</h3><ul>");
        for (int i = 0; i < 12; i++) {
            html.append("<li><a href=\"/story/").append(random.nextInt(100_000)).append("\">Another story about the day's news, number ")
                    .append(i).append("</a></li>");
        }
        html.append("</ul></aside><section class=\"comments\">");
        for (int i = 0; i < 8; i++) {
            html.append("<div class=\"comment\"><p>Reader comment number ").append(i)
                    .append(", which goes on for a while about what the article should have said instead.</p></div>");
        }
        html.append("</section></main><footer class=\"site-footer\"><ul>");
        for (int i = 0; i < 120; i++) {
            html.append("<li><a href=\"/footer/").append(i).append("\">Footer link ").append(i).append("</a></li>");
        }
        html.append("</ul><p>&copy; 2026 The Daily Example</p></footer></body></html>");
        return html.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
