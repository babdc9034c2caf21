package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.schema.TagType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AmbiguousNamesTest {

    private static final AmbiguousNames NAMES = new AmbiguousNames(Map.of("Jordan", List.of(
            new AmbiguousNames.Reading("Q810", TagType.PLACE, "Jordan", List.of("amman", "middle east")),
            new AmbiguousNames.Reading("Q41421", TagType.PERSON, "Michael Jordan", List.of("nba", "bulls", "basketball")))));

    private static AmbiguousNames.Decision decide(String text) {
        return NAMES.decide("Jordan", new AmbiguousNames.Article(text.toLowerCase(Locale.ROOT))).orElseThrow();
    }

    @Test
    void theReadingWithMostDistinctCuesWins() {
        assertThat(decide("Jordan scored 40 as the Bulls won; basketball fans cheered.").reading().wikidataId()).isEqualTo("Q41421");
        assertThat(decide("Jordan, in the Middle East, sent aid from Amman; the NBA was not involved.").reading().wikidataId())
                .isEqualTo("Q810");
    }

    @Test
    void aCueRepeatedCountsOnceAndATieGoesToTheReadingListedFirst() {
        AmbiguousNames.Decision tie = decide("Amman, Amman, Amman: Jordan and the NBA.");
        assertThat(tie.reading().wikidataId()).isEqualTo("Q810");
        assertThat(tie.cues()).isEqualTo(1);
        assertThat(decide("Jordan said nothing.").cues()).isZero();
        assertThat(decide("Jordan said nothing.").reading().type()).isEqualTo(TagType.PLACE);
    }

    @Test
    void cuesMatchWholeWordsOnly() {
        assertThat(decide("Jordan's bullseye: no cue here (bulls inside bullseye is not a word of its own).").cues()).isEqualTo(1);
        assertThat(AmbiguousNames.containsWord("the bullseye", "bulls")).isFalse();
        assertThat(AmbiguousNames.containsWord("the bulls won", "bulls")).isTrue();
    }

    @Test
    void theBundledTableLoadsWithEveryIdWellFormed() {
        AmbiguousNames bundled = AmbiguousNames.bundled();
        assertThat(bundled.names()).contains("Jordan", "Georgia", "Chelsea");
        assertThat(bundled.decide("Georgia", new AmbiguousNames.Article("tbilisi said")).orElseThrow().reading().wikidataId()).isEqualTo("Q230");
    }

    @Test
    void anArticleAnswersEveryCueAsASearchOfItsTextWould() {
        java.util.Random random = new java.util.Random(20261203);
        String[] words = {"bulls", "bull", "chicago", "new", "york", "st", "louis", "f", "c", "united", "a", "b", "2026", "é", "ä", "o'neil"};
        String[] joints = {" ", " ", " ", ", ", ". ", "-", "'", "\n", ""};
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(round < 10 ? 3000 : 60); k > 0; k--) {
                text.append(words[random.nextInt(words.length)]).append(joints[random.nextInt(joints.length)]);
                if (round < 10) {
                    text.append(random.nextInt(5000)).append(' '); // many distinct words: the word table grows
                }
            }
            AmbiguousNames.Article article = new AmbiguousNames.Article(text.toString());
            for (int cue = 0; cue < 40; cue++) {
                StringBuilder phrase = new StringBuilder(words[random.nextInt(words.length)]);
                for (int k = random.nextInt(3); k > 0; k--) {
                    phrase.append(joints[random.nextInt(joints.length - 1)]).append(words[random.nextInt(words.length)]);
                }
                String p = random.nextInt(10) == 0 ? "." + phrase : phrase.toString();
                assertThat(article.containsWord(p)).as("'%s' in '%s'", p, text).isEqualTo(AmbiguousNames.containsWord(text.toString(), p));
            }
        }
    }
}
