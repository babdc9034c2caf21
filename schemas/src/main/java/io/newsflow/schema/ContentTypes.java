package io.newsflow.schema;

import java.util.Locale;

/** The media types a RawArticle body can have ({@code RawArticle.contentType}), and how a given one is read. */
public final class ContentTypes {

    /** Text in the scraped shape: one paragraph per line, noise lines and a tag footer maybe. */
    public static final String TEXT = "text/plain";
    /** An HTML page or fragment; enrich extracts its main text first. */
    public static final String HTML = "text/html";

    private ContentTypes() {
    }

    /**
     * The supported type that {@code contentType} names, without parameters ({@code "text/HTML; charset=utf-8"}
     * is {@link #HTML}; {@code application/xhtml+xml} is HTML too); null when it is not one we enrich.
     */
    public static String supported(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case TEXT -> TEXT;
            case HTML, "application/xhtml+xml" -> HTML;
            default -> null;
        };
    }

    public static boolean isHtml(String contentType) {
        return HTML.equals(supported(contentType));
    }
}
