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

    /** Lines read with a sink that keeps each line's article body, or its rejection. */
    private static List<String> bodies(String lines) throws Exception {
        List<String> seen = new ArrayList<>();
        JsonLines.read(new ByteArrayInputStream(lines.getBytes(StandardCharsets.UTF_8)), 1 << 20, CLOCK, new JsonLines.Sink() {
            @Override
            public void article(int line, RawArticle article) {
                seen.add(article.getBody());
            }

            @Override
            public void rejected(int line, String reason) {
                seen.add("rejected: " + reason);
            }
        });
        return seen;
    }

    @Test
    void aBodyReadsTheSameWithAndWithoutEscapes() throws Exception {
        assertThat(bodies("""
                {"id":"a","body":"Plain caf\u00e9 \u2014 \u201cquoted\u201d \ud83d\ude00 text."}
                {"id":"b","body":"Escaped caf\\u00e9 \\"quoted\\" line\\none.", "title":"t"}
                {"body":"Body first, id after: \\\\ a backslash","id":"c"}
                {"id":"d","body":12345}
                """)).containsExactly("Plain caf\u00e9 \u2014 \u201cquoted\u201d \ud83d\ude00 text.", "Escaped caf\u00e9 \"quoted\" line\none.",
                "Body first, id after: \\ a backslash", "12345");
    }

    @Test
    void aBodyWithARawControlCharacterOrNoClosingQuoteIsBadJson() throws Exception {
        List<String> seen = bodies("{\"id\":\"a\",\"body\":\"tab\there\"}\n{\"id\":\"b\",\"body\":\"never closed}\n");

        assertThat(seen).hasSize(2).allMatch(reason -> reason.startsWith("rejected: bad JSON"));
    }

    @Test
    void randomBodiesComeOutAsTheyWentIn() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        java.util.Random random = new java.util.Random(20261203);
        char[] alphabet = "ab \"\\/\u00e9\u00df\u2014\u201c\n\t\u0001\u4e2d".toCharArray();
        List<String> sent = new ArrayList<>();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            StringBuilder body = new StringBuilder("x");
            for (int k = random.nextInt(40); k > 0; k--) {
                body.append(random.nextInt(8) == 0 ? "\ud83d\ude00" : String.valueOf(alphabet[random.nextInt(alphabet.length)]));
            }
            sent.add(body.toString());
            lines.append(json.writeValueAsString(java.util.Map.of("id", "r" + i, "body", body.toString()))).append('\n');
        }

        assertThat(bodies(lines.toString())).containsExactlyElementsOf(sent);
    }

    @Test
    void theNewlineSearchFindsTheFirstNewlineAsAByteByByteSearchWould() {
        java.util.Random random = new java.util.Random(7);
        byte[] palette = {'\n', 'a', (byte) 0x8A, (byte) 0xC3, 0x0B, 0x09, (byte) 0xFF, 0x00};
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = random.nextInt(6) == 0 ? palette[random.nextInt(palette.length)] : (byte) random.nextInt(256);
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = from;
            while (expected < to && bytes[expected] != '\n') {
                expected++;
            }
            assertThat(JsonLines.newline(bytes, from, to)).as("round %d", round).isEqualTo(expected);
        }
    }
}
