package io.newsflow.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsflow.schema.ContentTypes;
import io.newsflow.schema.RawArticle;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds RawArticle records from the inputs newsflow serves: a text file in the scraped shape (the
 * whole file is the body, exactly as scraped), an HTML page, and a JSON object (one line of a JSON Lines file).
 * Rejects what cannot be an article with an {@link InvalidArticleException} that says why.
 */
public final class RawArticles {

    /** Source name of articles read from files. */
    public static final String FILE_SOURCE = "file";
    /** Source name of JSON articles that name none. */
    public static final String JSON_SOURCE = "jsonl";
    private static final char BOM = '\uFEFF';

    private RawArticles() {
    }

    /** A text file's bytes as an article; {@code url} is the file's {@code file://} URI. */
    public static RawArticle fromTextFile(Path file, byte[] content, Instant ingestedAt) throws InvalidArticleException {
        return fromFile(file, content, decodeUtf8(content), ContentTypes.TEXT, Map.of(), ingestedAt);
    }

    /**
     * An HTML file's bytes as a {@code text/html} article: decoded in the charset its byte-order mark or
     * {@code <meta>} declares ({@link HtmlCharset}), kept whole (enrich extracts the text, so the raw
     * topic keeps the page and articles can be re-enriched when the extractor improves).
     */
    public static RawArticle fromHtmlFile(Path file, byte[] content, Instant ingestedAt) throws InvalidArticleException {
        HtmlCharset.Decoded page = HtmlCharset.decode(content);
        return fromFile(file, content, page.text(), ContentTypes.HTML, Map.of("file.charset", page.charset().name()), ingestedAt);
    }

    /** A file's decoded text as an article: id from its {@code file://} URI, its name and size (and {@code more}) as attributes. */
    private static RawArticle fromFile(Path file, byte[] content, String body, String contentType, Map<String, String> more,
                                       Instant ingestedAt) throws InvalidArticleException {
        if (body.isBlank()) {
            throw new InvalidArticleException(content.length == 0 ? "empty file" : "file has only whitespace");
        }
        String url = file.toAbsolutePath().normalize().toUri().toString();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("file.name", String.valueOf(file.getFileName()));
        attributes.put("file.bytes", String.valueOf(content.length));
        attributes.putAll(more);
        return RawArticle.newBuilder()
                .setId(ArticleIds.stable(null, url, body))
                .setSource(FILE_SOURCE)
                .setUrl(url)
                .setBody(body)
                .setContentType(contentType)
                .setIngestedAt(ingestedAt)
                .setAttributes(attributes)
                .build();
    }

    /** An HTML page or fragment with no url ({@code --format html} on stdin): the id derives from the markup. */
    public static RawArticle fromHtml(String html, String source, Instant ingestedAt) throws InvalidArticleException {
        return RawArticle.newBuilder(fromText(html, source, ingestedAt)).setContentType(ContentTypes.HTML).build();
    }

    /** Text as an article with no url: the id derives from the body (stdin, pasted text). */
    public static RawArticle fromText(String body, String source, Instant ingestedAt) throws InvalidArticleException {
        if (body.isBlank()) {
            throw new InvalidArticleException("empty article text");
        }
        return RawArticle.newBuilder()
                .setId(ArticleIds.stable(null, null, body))
                .setSource(source)
                .setBody(body)
                .setIngestedAt(ingestedAt)
                .build();
    }

    /**
     * A JSON object as an article. Fields: {@code body} (required), {@code id}, {@code url}, {@code title},
     * {@code source}, {@code language}, {@code publishedAt} (ISO-8601 or epoch milliseconds),
     * {@code contentType}, {@code attributes} (object of strings).
     */
    public static RawArticle fromJson(JsonNode json, Instant ingestedAt) throws InvalidArticleException {
        if (json == null || !json.isObject()) {
            throw new InvalidArticleException("expected a JSON object, got " + (json == null ? "nothing" : json.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        String body = text(json, "body");
        if (body == null || body.isBlank()) {
            throw new InvalidArticleException("missing or empty \"body\"");
        }
        String url = text(json, "url");
        String source = text(json, "source");
        RawArticle.Builder builder = RawArticle.newBuilder()
                .setId(ArticleIds.stable(text(json, "id"), url, body))
                .setSource(source == null || source.isBlank() ? JSON_SOURCE : source)
                .setUrl(url)
                .setTitle(text(json, "title"))
                .setBody(body)
                .setLanguage(text(json, "language"))
                .setPublishedAt(instant(json, "publishedAt"))
                .setIngestedAt(ingestedAt)
                .setAttributes(attributes(json));
        String contentType = text(json, "contentType");
        if (contentType != null) {
            String supported = ContentTypes.supported(contentType);
            if (supported == null) {
                throw new InvalidArticleException("unsupported \"contentType\" " + contentType + ": expected " + ContentTypes.TEXT
                        + " or " + ContentTypes.HTML);
            }
            builder.setContentType(supported);
        }
        return builder.build();
    }

    /** Strict UTF-8 decoding (a leading byte-order mark is dropped); says where the first bad byte is. */
    public static String decodeUtf8(byte[] content) throws InvalidArticleException {
        return decodeUtf8(content, content.length);
    }

    /** The first {@code length} bytes of {@code content} as strict UTF-8 (see {@link #decodeUtf8(byte[])}). */
    public static String decodeUtf8(byte[] content, int length) throws InvalidArticleException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content, 0, length);
        String text;
        try {
            text = decoder.decode(in).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException("not UTF-8: invalid byte sequence at byte offset " + in.position());
        }
        return !text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text;
    }

    private static String text(JsonNode json, String field) throws InvalidArticleException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isValueNode()) {
            throw new InvalidArticleException("\"" + field + "\" must be a string");
        }
        return node.asText();
    }

    private static Instant instant(JsonNode json, String field) throws InvalidArticleException {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return Instant.ofEpochMilli(node.asLong());
        }
        try {
            return Instant.parse(node.asText());
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(node.asText()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidArticleException("\"" + field + "\" is not an ISO-8601 instant or epoch milliseconds: " + node.asText());
            }
        }
    }

    private static Map<String, String> attributes(JsonNode json) throws InvalidArticleException {
        JsonNode node = json.get("attributes");
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new InvalidArticleException("\"attributes\" must be an object of strings");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var field = fields.next();
            attributes.put(field.getKey(), field.getValue().isValueNode() ? field.getValue().asText() : field.getValue().toString());
        }
        return attributes;
    }
}
