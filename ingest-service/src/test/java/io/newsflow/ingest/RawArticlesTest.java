package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schema.RawArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RawArticlesTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTextFileBecomesAnArticleWithTheWholeFileAsBody() throws Exception {
        String text = "Crowds gathered in Leipzig on Sunday.\nAdvert\nTopics: Germany, Leipzig\n";
        Path file = Path.of("/data/in/leipzig.txt");

        RawArticle article = RawArticles.fromTextFile(file, text.getBytes(StandardCharsets.UTF_8), NOW);

        assertThat(article.getBody()).isEqualTo(text);
        assertThat(article.getUrl()).isEqualTo("file:///data/in/leipzig.txt");
        assertThat(article.getSource()).isEqualTo("file");
        assertThat(article.getContentType()).isEqualTo("text/plain");
        assertThat(article.getIngestedAt()).isEqualTo(NOW);
        assertThat(article.getId()).isEqualTo(ArticleIds.stable(null, "file:///data/in/leipzig.txt", null));
    }

    @Test
    void reIngestingTheSameFileGivesTheSameId() throws Exception {
        Path file = Path.of("/data/in/a.txt");
        byte[] bytes = "Text".getBytes(StandardCharsets.UTF_8);

        assertThat(RawArticles.fromTextFile(file, bytes, NOW).getId())
                .isEqualTo(RawArticles.fromTextFile(file, bytes, NOW.plusSeconds(60)).getId());
    }

    @Test
    void aByteOrderMarkIsDropped() throws Exception {
        byte[] bytes = "\uFEFFHeadline text".getBytes(StandardCharsets.UTF_8);

        assertThat(RawArticles.fromTextFile(Path.of("/x.txt"), bytes, NOW).getBody()).isEqualTo("Headline text");
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedWithTheOffset() {
        byte[] latin1 = "Caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> RawArticles.fromTextFile(Path.of("/x.txt"), latin1, NOW))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessage("not UTF-8: invalid byte sequence at byte offset 3");
    }

    @Test
    void emptyAndWhitespaceFilesAreRejected() {
        assertThatThrownBy(() -> RawArticles.fromTextFile(Path.of("/x.txt"), new byte[0], NOW)).hasMessage("empty file");
        assertThatThrownBy(() -> RawArticles.fromTextFile(Path.of("/x.txt"), " \n\t\n".getBytes(StandardCharsets.UTF_8), NOW))
                .hasMessage("file has only whitespace");
    }

    @Test
    void aJsonObjectCarriesEveryField() throws Exception {
        String line = """
                {"id":"reuters-42","url":"https://example.org/n/42","title":"Vote delayed","body":"Lawmakers delayed the vote.\\nAdvert\\n",
                 "source":"example-wire","publishedAt":"2026-11-25T08:30:00Z","language":"en","attributes":{"section":"politics"}}""";

        RawArticle article = RawArticles.fromJson(JSON.readTree(line), NOW);

        assertThat(article.getId()).isEqualTo("reuters-42");
        assertThat(article.getUrl()).isEqualTo("https://example.org/n/42");
        assertThat(article.getTitle()).isEqualTo("Vote delayed");
        assertThat(article.getBody()).isEqualTo("Lawmakers delayed the vote.\nAdvert\n");
        assertThat(article.getSource()).isEqualTo("example-wire");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.parse("2026-11-25T08:30:00Z"));
        assertThat(article.getLanguage()).isEqualTo("en");
        assertThat(article.getAttributes()).containsEntry("section", "politics");
    }

    @Test
    void aJsonObjectWithoutIdTakesItsIdFromTheUrl() throws Exception {
        RawArticle article = RawArticles.fromJson(JSON.readTree("{\"url\":\"https://example.org/x\",\"body\":\"b\",\"publishedAt\":1764000000000}"), NOW);

        assertThat(article.getId()).isEqualTo(ArticleIds.stable(null, "https://example.org/x", null));
        assertThat(article.getSource()).isEqualTo("jsonl");
        assertThat(article.getPublishedAt()).isEqualTo(Instant.ofEpochMilli(1764000000000L));
    }

    @Test
    void jsonWithoutBodyOrWithABadDateIsRejected() throws Exception {
        assertThatThrownBy(() -> RawArticles.fromJson(JSON.readTree("{\"id\":\"x\"}"), NOW))
                .hasMessage("missing or empty \"body\"");
        assertThatThrownBy(() -> RawArticles.fromJson(JSON.readTree("{\"body\":\"b\",\"publishedAt\":\"yesterday\"}"), NOW))
                .hasMessageContaining("\"publishedAt\" is not an ISO-8601 instant");
        assertThatThrownBy(() -> RawArticles.fromJson(JSON.readTree("[1,2]"), NOW))
                .hasMessage("expected a JSON object, got array");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"text/html,text/html", "TEXT/HTML; charset=utf-8,text/html", "text/plain,text/plain",
            "application/xhtml+xml,text/html"})
    void aJsonArticlesContentTypeIsReadAsOneWeEnrich(String given, String stored) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("body", "<p>x</p>").put("contentType", given);
        assertThat(RawArticles.fromJson(json, java.time.Instant.EPOCH).getContentType()).isEqualTo(stored);
    }

    @Test
    void aContentTypeWeDoNotEnrichIsRejectedWithTheOnesWeDo() {
        var json = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("body", "%PDF").put("contentType", "application/pdf");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> RawArticles.fromJson(json, java.time.Instant.EPOCH))
                .isInstanceOf(InvalidArticleException.class)
                .hasMessage("unsupported \"contentType\" application/pdf: expected text/plain or text/html");
    }

    @org.junit.jupiter.api.Test
    void theUtf8CheckFindsTheOffsetTheStrictDecoderReports() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(11);
        byte[][] pieces = {"a".getBytes(java.nio.charset.StandardCharsets.UTF_8), "é".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                "€".getBytes(java.nio.charset.StandardCharsets.UTF_8), "😀".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF8}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        int invalid = 0;
        for (int n = 0; n < 20_000; n++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int count = random.nextInt(12);
            for (int p = 0; p < count; p++) {
                byte[] piece = pieces[random.nextInt(random.nextInt(10) == 0 ? pieces.length : 4)];
                out.write(piece, 0, piece.length);
            }
            byte[] bytes = out.toByteArray();
            int offset = RawArticles.invalidUtf8(bytes, bytes.length);
            String decoderSays;
            try {
                RawArticles.decodeUtf8(bytes);
                decoderSays = "valid";
            } catch (InvalidArticleException e) {
                decoderSays = e.getMessage();
                invalid++;
            }
            assertThat(offset < 0 ? "valid" : "not UTF-8: invalid byte sequence at byte offset " + offset).isEqualTo(decoderSays);
        }
        assertThat(invalid).as("both kinds of input were tried").isBetween(1_000, 19_000);
    }
}
