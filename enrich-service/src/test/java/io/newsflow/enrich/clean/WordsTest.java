package io.newsflow.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0",
        "one|1",
        "'  two   words '|2",
        "'a - b'|2",
        "'It''s 300,000 people.'|3",
        "'Москва и Киев'|3"})
    void countsWhitespaceSeparatedWords(String text, int expected) {
        assertThat(Words.count(text)).isEqualTo(expected);
    }

    @org.junit.jupiter.api.Test
    void theAsciiFastPathCountsAsTheUnicodeRulesDo() {
        String pool = "ab Z9,.-'\t\n\r\u000b\u001c\u00a0\u2003\u00e9\u0416 \ud83d\ude00!";
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(pool.charAt(random.nextInt(pool.length())));
            }
            assertThat(Words.count(text.toString())).as(text.toString()).isEqualTo(reference(text.toString()));
        }
    }

    /** The rule, code point by code point, with no fast path. */
    private static int reference(String text) {
        int words = 0;
        boolean inRun = false;
        boolean wordChar = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                words += inRun && wordChar ? 1 : 0;
                inRun = false;
                wordChar = false;
            } else {
                inRun = true;
                wordChar |= Character.isLetterOrDigit(cp);
            }
        }
        return inRun && wordChar ? words + 1 : words;
    }
}
