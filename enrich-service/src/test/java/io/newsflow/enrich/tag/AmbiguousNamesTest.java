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
        return NAMES.decide("Jordan", text.toLowerCase(Locale.ROOT)).orElseThrow();
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
        assertThat(bundled.decide("Georgia", "tbilisi said").orElseThrow().reading().wikidataId()).isEqualTo("Q230");
    }
}
