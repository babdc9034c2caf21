package io.newsflow.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
    /** Reads a nested attribute value (an object or array, rare) to give its JSON text. */
    private static final ObjectMapper NESTED = new ObjectMapper();
    private static final java.lang.invoke.VarHandle LONGS = java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class,
            java.nio.ByteOrder.LITTLE_ENDIAN);

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
    public static RawArticle fromJson(JsonNode json, Instant ingestedAt) throws InvalidArticleException, IOException {
        if (json == null) {
            throw new InvalidArticleException("expected a JSON object, got nothing");
        }
        try (JsonParser parser = json.traverse()) {
            return fromJson(parser, ingestedAt);
        }
    }

    /**
     * The JSON object {@code parser} is at (or starts with) as an article, read token by token into the record: no tree
     * of the document is built. Other fields are skipped; a field given twice counts with its last value.
     */
    public static RawArticle fromJson(JsonParser parser, Instant ingestedAt) throws InvalidArticleException, IOException {
        return fromJson(parser, null, 0, 0, ingestedAt);
    }

    /**
     * The same, for a parser over {@code line[from, to)}, UTF-8 already checked ({@link #invalidUtf8}): a body with no
     * escape in it is decoded straight from those bytes, which is several times faster than the parser's decoding of it
     * character by character; the parser then only skips it (and still rejects what is not JSON).
     */
    static RawArticle fromJson(JsonParser parser, byte[] line, int from, int to, Instant ingestedAt)
            throws InvalidArticleException, IOException {
        JsonToken first = parser.currentToken() != null ? parser.currentToken() : parser.nextToken();
        if (first != JsonToken.START_OBJECT) {
            throw new InvalidArticleException("expected a JSON object, got " + kind(first));
        }
        String body = null;
        String id = null;
        String url = null;
        String title = null;
        String source = null;
        String language = null;
        String contentType = null;
        Instant publishedAt = null;
        Map<String, String> attributes = Map.of();
        for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "body" -> body = line == null ? text(parser, field) : plainString(parser, line, from, to, field);
                case "id" -> id = text(parser, field);
                case "url" -> url = text(parser, field);
                case "title" -> title = text(parser, field);
                case "source" -> source = text(parser, field);
                case "language" -> language = text(parser, field);
                case "contentType" -> contentType = text(parser, field);
                case "publishedAt" -> publishedAt = instant(parser, field);
                case "attributes" -> attributes = attributes(parser);
                default -> parser.skipChildren();
            }
        }
        if (body == null || body.isBlank()) {
            throw new InvalidArticleException("missing or empty \"body\"");
        }
        RawArticle.Builder builder = RawArticle.newBuilder()
                .setId(ArticleIds.stable(id, url, body))
                .setSource(source == null || source.isBlank() ? JSON_SOURCE : source)
                .setUrl(url)
                .setTitle(title)
                .setBody(body)
                .setLanguage(language)
                .setPublishedAt(publishedAt)
                .setIngestedAt(ingestedAt)
                .setAttributes(attributes);
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

    private static String kind(JsonToken token) {
        if (token == null) {
            return "nothing";
        }
        return switch (token) {
            case START_ARRAY -> "array";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.toString().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * The offset of the first byte of {@code content[0, length)} that does not start a well-formed UTF-8 sequence
     * (Unicode's table of well-formed byte sequences: no overlong forms, no surrogates, nothing past U+10FFFF), or -1
     * when all of it is UTF-8. The check {@link #decodeUtf8} makes, without decoding.
     */
    public static int invalidUtf8(byte[] content, int length) {
        int i = 0;
        while (i < length) {
            if (i + Long.BYTES <= length && ((long) LONGS.get(content, i) & 0x8080808080808080L) == 0) {
                i += Long.BYTES; // eight ASCII bytes at once
                continue;
            }
            int b = content[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int need;
            int low = 0x80;
            int high = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                low = b == 0xE0 ? 0xA0 : 0x80;
                high = b == 0xED ? 0x9F : 0xBF;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                low = b == 0xF0 ? 0x90 : 0x80;
                high = b == 0xF4 ? 0x8F : 0xBF;
            } else {
                return i;
            }
            if (i + need >= length) {
                return i;
            }
            int second = content[i + 1] & 0xFF;
            if (second < low || second > high) {
                return i;
            }
            for (int k = 2; k <= need; k++) {
                int next = content[i + k] & 0xFF;
                if (next < 0x80 || next > 0xBF) {
                    return i;
                }
            }
            i += need + 1;
        }
        return -1;
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

    /** The value the parser is at as text (a string, number or boolean), null for null; an object or array is refused. */
    private static String text(JsonParser parser, String field) throws InvalidArticleException, IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!token.isScalarValue()) {
            throw new InvalidArticleException("\"" + field + "\" must be a string");
        }
        return parser.getText();
    }

    /**
     * The string the parser is at, decoded from {@code line[from, to)} when it has no escape and no control character (its
     * bytes between the quotes are then its UTF-8); else as the parser reads it.
     */
    private static String plainString(JsonParser parser, byte[] line, int from, int to, String field)
            throws InvalidArticleException, IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            long offset = parser.currentTokenLocation().getByteOffset();
            int open = from + (int) offset;
            if (offset >= 0 && open < to && line[open] == '"') {
                int close = open + 1;
                while (close < to) {
                    byte b = line[close];
                    if (b == '"') {
                        return new String(line, open + 1, close - open - 1, StandardCharsets.UTF_8);
                    }
                    if (b == '\\' || (b >= 0 && b < 0x20)) {
                        break; // an escape or a control character: the parser's reading (or its error)
                    }
                    close++;
                }
            }
        }
        return text(parser, field);
    }

    private static Instant instant(JsonParser parser, String field) throws InvalidArticleException, IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return null;
        }
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Instant.ofEpochMilli(parser.getLongValue());
        }
        String text = token.isScalarValue() ? parser.getText() : "";
        parser.skipChildren();
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return java.time.OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e2) {
                throw new InvalidArticleException("\"" + field + "\" is not an ISO-8601 instant or epoch milliseconds: " + text);
            }
        }
    }

    /** An object of strings (a nested value is kept as its JSON text), null for null. */
    private static Map<String, String> attributes(JsonParser parser) throws InvalidArticleException, IOException {
        JsonToken token = parser.currentToken();
        if (token == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (token != JsonToken.START_OBJECT) {
            throw new InvalidArticleException("\"attributes\" must be an object of strings");
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            attributes.put(name, value.isScalarValue() ? parser.getText() : NESTED.readTree(parser).toString());
        }
        return attributes;
    }
}
