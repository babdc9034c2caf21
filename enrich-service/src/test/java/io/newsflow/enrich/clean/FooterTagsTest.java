package io.newsflow.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FooterTagsTest {

    private final FooterTags footer = new FooterTags();

    private FooterTags.Result extract(String text) {
        return footer.extract(new CleanText(text, Map.of()));
    }

    @Test
    void takesTopicsFooterOffTheEndAndKeepsItsOrder() {
        FooterTags.Result result = extract("Body line one.\nBody line two.\nTopics: Russia, Vladimir Putin, Ukraine");

        assertThat(result.tags()).containsExactly("Russia", "Vladimir Putin", "Ukraine");
        assertThat(result.clean().text()).isEqualTo("Body line one.\nBody line two.\n");
        assertThat(result.clean().removedByRule()).containsEntry(FooterTags.FOOTER, 1);
    }

    @Test
    void tagsFooterWorksTooWithTrailingBlankLinesAndCrlf() {
        FooterTags.Result result = extract("Body.\r\n\r\nTags: Economy , Berlin\r\n\r\n");

        assertThat(result.tags()).containsExactly("Economy", "Berlin");
        assertThat(result.clean().text()).isEqualTo("Body.\r\n");
    }

    @Test
    void dropsEmptiesAndDuplicatesAndASentenceFullStop() {
        assertThat(extract("B\nTopics: Russia, , russia, Ukraine, Russia, U.S., Kyiv.").tags())
                .containsExactly("Russia", "Ukraine", "U.S.", "Kyiv");
    }

    @Test
    void aTopicsLineInTheMiddleIsProse() {
        String text = "Topics: we will cover three.\nThe first is money.\n";

        FooterTags.Result result = extract(text);

        assertThat(result.tags()).isEmpty();
        assertThat(result.clean().text()).isEqualTo(text);
    }

    @Test
    void keepsEarlierRuleCounts() {
        FooterTags.Result result = footer.extract(new CleanText("B\nTopics: A", Map.of(NoiseStripper.AD_MARKER, 4)));

        assertThat(result.clean().removedByRule()).containsEntry(NoiseStripper.AD_MARKER, 4).containsEntry(FooterTags.FOOTER, 1);
        assertThat(result.clean().linesRemoved()).isEqualTo(5);
    }

    @Test
    void emptyTextHasNoFooter() {
        assertThat(extract("").tags()).isEmpty();
        assertThat(extract("\n\n").clean().text()).isEqualTo("\n\n");
    }
}
