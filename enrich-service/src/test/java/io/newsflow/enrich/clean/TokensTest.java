package io.newsflow.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void wordsHaveTheirOffsetsAndShapes() {
        Tokens tokens = new Tokens().scan("NATO met in Berlin, 2026: iPhone G7 talks.");

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            seen.add(tokens.word(i) + ":" + tokens.shape(i));
        }
        assertThat(seen).containsExactly("NATO:" + Tokens.UPPER, "met:" + Tokens.LOWER, "in:" + Tokens.LOWER, "Berlin:" + Tokens.CAPITALISED,
                "2026:" + Tokens.DIGITS, "iPhone:" + Tokens.MIXED, "G7:" + Tokens.MIXED, "talks:" + Tokens.LOWER);
        assertThat(tokens.start(3)).isEqualTo(12);
        assertThat(tokens.end(3)).isEqualTo(18);
    }

    /** The hashes are WordHashes': the fingerprints and the topic features can share one scan. */
    @Test
    void hashesAreWordHashesOnRandomText() {
        Random random = new Random(7);
        String alphabet = "abcXYZ019 ,.-éÄßçЖжΩ\u00a0\n";
        Tokens tokens = new Tokens();
        for (int n = 0; n < 2000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            long[] expected = new long[WordHashes.capacity(text.toString())];
            int count = WordHashes.hashes(text.toString(), expected);
            tokens.scan(text.toString());
            assertThat(tokens.size()).as(text.toString()).isEqualTo(count);
            for (int i = 0; i < count; i++) {
                assertThat(tokens.hash(i)).as(text.toString()).isEqualTo(expected[i]);
            }
        }
    }
}
