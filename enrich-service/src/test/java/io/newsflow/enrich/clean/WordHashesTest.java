package io.newsflow.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast word hasher against the definition written plainly (code point by code point): words are runs of letters
 * and digits, lowercased, FNV-1a over the code points. The models (topic classifier, MinHash) depend on every hash.
 */
class WordHashesTest {

    @Test
    void agreesWithThePlainDefinitionOnRandomText() {
        Random random = new Random(20261127);
        String alphabet = "abcXYZ019 .,-'\n\t\u00a0\u00e9\u00c9\u00df\u0130\u6771\u4eac\u0663\u2019\u2014";
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(20) == 0) {
                    text.appendCodePoint(random.nextBoolean() ? 0x1D400 + random.nextInt(26) : 0x1F600); // a letter and a non-letter beyond the BMP
                } else {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            assertThat(fast(text.toString())).as("%s", text).isEqualTo(plain(text.toString()));
        }
    }

    @Test
    void wordsAreLettersAndDigitsWhateverTheCaseOrSeparator() {
        assertThat(fast("Café, CAFÉ; café")).hasSize(3).containsOnly(fast("café").get(0));
        assertThat(fast("co-op 2024")).isEqualTo(fast("CO op\n2024"));
        assertThat(fast("")).isEmpty();
        assertThat(fast(null)).isEmpty();
        assertThat(fast(" ... ")).isEmpty();
    }

    private static List<Long> fast(String text) {
        List<Long> words = new ArrayList<>();
        WordHashes.each(text, words::add);
        return words;
    }

    private static List<Long> plain(String text) {
        List<Long> words = new ArrayList<>();
        long word = 0xcbf29ce484222325L;
        boolean inWord = false;
        for (int cp : text.codePoints().toArray()) {
            if (Character.isLetterOrDigit(cp)) {
                word = (word ^ Character.toLowerCase(cp)) * 0x100000001b3L;
                inWord = true;
            } else if (inWord) {
                words.add(word);
                word = 0xcbf29ce484222325L;
                inWord = false;
            }
        }
        if (inWord) {
            words.add(word);
        }
        return words;
    }
}
