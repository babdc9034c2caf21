package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSourcesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);
    private static final InputStream NO_STDIN = new ByteArrayInputStream(new byte[0]);

    @TempDir
    Path dir;

    private ArticleSources sources(InputFormat format, long maxBytes) {
        return new ArticleSources(format, null, maxBytes, CLOCK);
    }

    @Test
    void walksFoldersRecursivelyInNameOrderAndSkipsHiddenFiles() throws Exception {
        Files.createDirectories(dir.resolve("b/deeper"));
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("a.txt"), "Article A");
        Files.writeString(dir.resolve("b/deeper/c.txt"), "Article C");
        Files.writeString(dir.resolve(".hidden.txt"), "not an article");
        Files.writeString(dir.resolve(".git/config"), "not an article either");

        ArticleSources.Collected collected = sources(InputFormat.AUTO, 1000).collect(List.of(dir.toString()), NO_STDIN);

        assertThat(collected.articles()).extracting(RawArticle::getBody).containsExactly("Article A", "Article C");
        assertThat(collected.rejections()).isEmpty();
    }

    @Test
    void eachBadFileIsRejectedWithItsReasonAndTheRestStillCome() throws Exception {
        Files.write(dir.resolve("latin1.txt"), "Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.writeString(dir.resolve("big.txt"), "x".repeat(101));
        Files.writeString(dir.resolve("good.txt"), "Fine article");

        ArticleSources.Collected collected = sources(InputFormat.AUTO, 100)
                .collect(List.of(dir.toString(), dir.resolve("missing.txt").toString()), NO_STDIN);

        assertThat(collected.articles()).extracting(RawArticle::getBody).containsExactly("Fine article");
        assertThat(collected.rejections()).containsExactly(
                dir.resolve("big.txt") + ": over the size limit: 101 bytes > 100 (--max-article-bytes)",
                dir.resolve("empty.txt") + ": empty file",
                dir.resolve("latin1.txt") + ": not UTF-8: invalid byte sequence at byte offset 3",
                dir.resolve("missing.txt") + ": no such file or directory");
    }

    @Test
    void jsonLinesRejectsBadLinesByNumberAndKeepsTheGoodOnes() throws Exception {
        Path file = dir.resolve("feed.jsonl");
        Files.writeString(file, """
                {"id":"one","body":"First"}

                {"id":"two","body":
                {"id":"three"}
                [1,2]
                {"id":"four","body":"Fourth","publishedAt":"2026-11-01T00:00:00Z"}
                """);

        ArticleSources.Collected collected = sources(InputFormat.AUTO, 1000).collect(List.of(file.toString()), NO_STDIN);

        assertThat(collected.articles()).extracting(RawArticle::getId).containsExactly("one", "four");
        assertThat(collected.rejections()).hasSize(3);
        assertThat(collected.rejections().get(0)).startsWith(file + ":3: bad JSON at column ");
        assertThat(collected.rejections().get(1)).isEqualTo(file + ":4: missing or empty \"body\"");
        assertThat(collected.rejections().get(2)).isEqualTo(file + ":5: expected a JSON object, got array");
    }

    @Test
    void stdinIsOneTextArticleOrJsonLinesWhenAsked() throws Exception {
        ArticleSources.Collected text = sources(InputFormat.AUTO, 1000)
                .collect(List.of("-"), new ByteArrayInputStream("Piped article\nAdvert\n".getBytes(StandardCharsets.UTF_8)));
        ArticleSources.Collected jsonl = sources(InputFormat.JSONL, 1000)
                .collect(List.of("-"), new ByteArrayInputStream("{\"id\":\"s1\",\"body\":\"b\"}\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(text.articles()).singleElement().satisfies(a -> {
            assertThat(a.getBody()).isEqualTo("Piped article\nAdvert\n");
            assertThat(a.getSource()).isEqualTo("stdin");
            assertThat(a.getId()).startsWith("body-");
        });
        assertThat(jsonl.articles()).extracting(RawArticle::getId).containsExactly("s1");
    }

    @Test
    void stdinOverTheLimitIsRejected() throws Exception {
        ArticleSources.Collected collected = sources(InputFormat.TEXT, 10)
                .collect(List.of("-"), new ByteArrayInputStream("01234567890".getBytes(StandardCharsets.UTF_8)));

        assertThat(collected.articles()).isEmpty();
        assertThat(collected.rejections()).containsExactly("stdin: over the size limit: more than 10 bytes (--max-article-bytes)");
    }

    @Test
    void aJsonlLineThatIsNotUtf8OrTooLongIsRejectedAloneByNumber() throws Exception {
        Path file = dir.resolve("bad.jsonl");
        byte[] good = "{\"id\":\"ok\",\"body\":\"b\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"id\":\"x\",\"body\":\"Caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tooLong = ("{\"id\":\"long\",\"body\":\"" + "y".repeat(200) + "\"}\n").getBytes(StandardCharsets.UTF_8);
        byte[] last = "{\"id\":\"last\",\"body\":\"no newline at the end\"}".getBytes(StandardCharsets.UTF_8);
        Files.write(file, concat(concat(good, bad), concat(tooLong, last)));

        ArticleSources.Collected collected = sources(InputFormat.AUTO, 100).collect(List.of(file.toString()), NO_STDIN);

        assertThat(collected.articles()).extracting(RawArticle::getId).containsExactly("ok", "last");
        assertThat(collected.rejections()).containsExactly(
                file + ":2: not UTF-8: invalid byte sequence at byte offset 21",
                file + ":3: over the size limit: line longer than 100 bytes (--max-article-bytes)");
    }

    @Test
    void aGivenSourceNameIsUsedForTextFiles() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "Text");

        ArticleSources.Collected collected = new ArticleSources(InputFormat.AUTO, "scraper-7", 1000, CLOCK)
                .collect(List.of(dir.resolve("a.txt").toString()), NO_STDIN);

        assertThat(collected.articles()).extracting(RawArticle::getSource).containsExactly("scraper-7");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void htmlFilesArePublishedAsHtmlInTheCharsetTheyDeclare() throws Exception {
        String page = "<html><head><meta charset=\"windows-1252\"><title>Caf\u00e9</title></head><body><p>Cr\u00e8me</p></body></html>";
        Files.write(dir.resolve("page.html"), page.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Files.writeString(dir.resolve("notes.txt"), "A text article");

        ArticleSources.Collected auto = sources(InputFormat.AUTO, 1000).collect(List.of(dir.toString()), NO_STDIN);

        assertThat(auto.articles()).extracting(RawArticle::getContentType).containsExactly("text/plain", "text/html");
        RawArticle html = auto.articles().get(1);
        assertThat(html.getBody()).isEqualTo(page);
        assertThat(html.getAttributes()).containsEntry("file.charset", "windows-1252");
        assertThat(auto.rejections()).isEmpty();
    }

    @Test
    void formatHtmlTakesTheHtmlFilesOfAFolderAndAnyFileNamedOnItsOwn() throws Exception {
        Files.writeString(dir.resolve("a.htm"), "<p>A</p>");
        Files.writeString(dir.resolve("b.txt"), "not a page");
        Path named = Files.writeString(dir.resolve("c.page"), "<p>C</p>");

        ArticleSources.Collected collected = sources(InputFormat.HTML, 1000).collect(List.of(dir.toString(), named.toString()), NO_STDIN);

        assertThat(collected.articles()).extracting(RawArticle::getBody).containsExactly("<p>A</p>", "<p>C</p>");
        assertThat(collected.articles()).extracting(RawArticle::getContentType).containsOnly("text/html");
    }

    @Test
    void stdinCanBeAnHtmlPage() throws Exception {
        InputStream stdin = new ByteArrayInputStream("<p>From a pipe</p>".getBytes(StandardCharsets.UTF_8));

        ArticleSources.Collected collected = sources(InputFormat.HTML, 1000).collect(List.of("-"), stdin);

        assertThat(collected.articles()).singleElement().satisfies(a -> {
            assertThat(a.getContentType()).isEqualTo("text/html");
            assertThat(a.getSource()).isEqualTo("stdin");
        });
    }
}
