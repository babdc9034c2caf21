package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The lexicon's first names, looked up from the text char by char, agree with a lowercased string in a set. */
class NameLexiconTest {

    /** Letters whose lowercase differs as a string and char by char, beyond the plane, or of several cases. */
    private static final String[] PARTS = {"a", "A", "d", "D", "ı", "I", "i", "İ", "\u03a3", "\u03c3", "\u03c2", "\u039f", "\u03bf", "ß",
            "\ud801\udc00", "\ud801\udc28", "É", "é", "-"};

    @Test
    void aFirstNameIsFoundWhateverItsCaseAndOnlyThenAsAStringInASetWouldSayIt() {
        Random random = new Random(20261203);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            StringBuilder token = new StringBuilder();
            for (int k = 1 + random.nextInt(5); k > 0; k--) {
                token.append(PARTS[random.nextInt(PARTS.length)]);
            }
            tokens.add(token.toString());
        }
        List<String> names = new ArrayList<>(tokens.subList(0, 2_000));
        names.addAll(List.of("Ada", "İsmail", "ΟΔΥΣΣΕΑΣ", "\ud801\udc00da"));
        tokens.addAll(List.of("ADA", "Ada", "İsmail", "Ismail", "ismail", "Οδυσσεας", "ΟΔΥΣΣΕΑΣ", "\ud801\udc28da", "\ud801\udc00da"));
        NameLexicon lexicon = new NameLexicon(Gazetteer.bundled(), names);
        Set<String> lowered = new HashSet<>();
        names.forEach(name -> lowered.add(name.toLowerCase(Locale.ROOT)));

        int found = 0;
        for (String token : tokens) {
            String text = "<" + token + ">";
            boolean expected = lowered.contains(token.toLowerCase(Locale.ROOT));
            assertThat(lexicon.isFirstName(text, 1, text.length() - 1)).as(token).isEqualTo(expected);
            found += expected ? 1 : 0;
        }
        assertThat(found).as("names found, and not").isBetween(2_000, 20_000);
        assertThat(lexicon.isFirstName("İsmail", 0, 6)).isTrue();
        assertThat(lexicon.isFirstName("Ismail", 0, 6)).as("I lowercases to i, İ to i and a dot").isFalse();
    }
}
