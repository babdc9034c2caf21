package io.newsflow.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.RawArticle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each line is decoded on its own: one that is not UTF-8 is rejected with the offset of its bad byte, and the rest go on. */
class JsonLinesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);

    @Test
    void aLineWithAnInvalidByteIsRejectedAloneWithItsOffset() throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"id\":\"a\",\"body\":\"First.\"}\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"id\":\"b\",\"body\":\"Caf".getBytes(StandardCharsets.UTF_8));
        body.write(0xC3); // a lead byte followed by a non-continuation byte
        body.writeBytes("(\"}\n\n{\"id\":\"c\",\"body\":\"Third.\"}".getBytes(StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();

        JsonLines.read(new ByteArrayInputStream(body.toByteArray()), 1000, CLOCK, new JsonLines.Sink() {
            @Override
            public void article(int line, RawArticle article) {
                seen.add(line + " " + article.getId());
            }

            @Override
            public void rejected(int line, String reason) {
                seen.add(line + " " + reason);
            }
        });

        assertThat(seen).containsExactly("1 a", "2 not UTF-8: invalid byte sequence at byte offset 21", "4 c");
    }

    @Test
    void aLineOverTheLimitAndBadJsonAreRejectedWithTheirNumbers() throws Exception {
        String lines = "{\"id\":\"a\",\"body\":\"" + "x".repeat(200) + "\"}\n{oops\n";
        List<String> seen = new ArrayList<>();

        JsonLines.read(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), 100, CLOCK, new JsonLines.Sink() {
            @Override
            public void article(int line, RawArticle article) {
                seen.add(line + " " + article.getId());
            }

            @Override
            public void rejected(int line, String reason) {
                seen.add(line + " " + reason);
            }
        });

        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).isEqualTo("1 over the size limit: line longer than 100 bytes (--max-article-bytes)");
        assertThat(seen.get(1)).startsWith("2 bad JSON at column 2: ");
    }
}
