package io.newsflow.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NoiseStripperTest {

    private final NoiseStripper stripper = new NoiseStripper();

    @ParameterizedTest
    @ValueSource(strings = {"Advert", "Advertisement", "ADVERTISEMENT", "advert", "  Advert  ", "\tAdvertisement",
            "- Advertisement -", "[Advert]", "[Advertisement]", "Advertisement:", "(Advert)", "*** ADVERT ***",
            "\u2014 Advertisement \u2014", "\u00a0Advert\u00a0", "Advert.", "ADVERTISING"})
    void stripsStandaloneAdMarkerLines(String marker) {
        CleanText clean = stripper.strip("First line.\n" + marker + "\nSecond line.\n");

        assertThat(clean.text()).isEqualTo("First line.\nSecond line.\n");
        assertThat(clean.removedByRule()).containsEntry(NoiseStripper.AD_MARKER, 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Advertisers fled the paper.", "The advert was banned.", "Advertising revenue rose 5%.",
            "Advert break", "Advertisement: buy now", "An advertisement for the show ran twice.", "Adverts",
            "Advertised deadline", "advert-free", "Advertisement Advertisement"})
    void keepsProseThatMentionsAdverts(String prose) {
        String text = "Opening line.\n" + prose + "\nClosing line.";

        CleanText clean = stripper.strip(text);

        assertThat(clean.text()).isEqualTo(text);
        assertThat(clean.removedByRule()).isEmpty();
    }

    @Test
    void keepsEverySurvivingLineByteForByteAndInOrder() {
        String text = "  Indented lead, with trailing spaces   \nAdvert\n\u201cQuoted\u201d line \u2014 dash\n"
                + "Advertisement\n\tTabbed line\nLast line without newline";

        CleanText clean = stripper.strip(text);

        assertThat(clean.text()).isEqualTo("  Indented lead, with trailing spaces   \n\u201cQuoted\u201d line \u2014 dash\n"
                + "\tTabbed line\nLast line without newline");
        assertThat(clean.linesRemoved()).isEqualTo(2);
    }

    @Test
    void emptyBodyStaysEmpty() {
        CleanText clean = stripper.strip("");

        assertThat(clean.text()).isEmpty();
        assertThat(clean.linesRemoved()).isZero();
    }

    @Test
    void nullBodyIsTreatedAsEmpty() {
        assertThat(stripper.strip(null).text()).isEmpty();
    }

    @Test
    void bodyOfOnlyMarkersBecomesEmpty() {
        CleanText clean = stripper.strip("Advert\n\nAdvertisement\n\n[Advert]\n");

        assertThat(clean.text()).isEmpty();
        assertThat(clean.removedByRule()).containsEntry(NoiseStripper.AD_MARKER, 3);
    }

    @Test
    void crlfLinesKeepTheirCrlf() {
        CleanText clean = stripper.strip("One.\r\nAdvert\r\nTwo.\r\n\r\nAdvertisement\r\n\r\nThree.\r\n");

        assertThat(clean.text()).isEqualTo("One.\r\nTwo.\r\n\r\nThree.\r\n");
    }

    @Test
    void blankLinesAroundARemovedMarkerDoNotPileUp() {
        CleanText clean = stripper.strip("Para one.\n\nAdvert\n\nPara two.\n\n\nAdvert\n\nPara three.\n");

        // one gap where the marker was; the author's own double gap before the second marker stays as written
        assertThat(clean.text()).isEqualTo("Para one.\n\nPara two.\n\n\nPara three.\n");
    }

    @Test
    void markerAtTheTopLeavesNoLeadingBlankLines() {
        assertThat(stripper.strip("Advertisement\n\nFirst real line.\n").text()).isEqualTo("First real line.\n");
    }

    @Test
    void nonAsciiTextSurvives() {
        String text = "Москва, 21 сентября.\nAdvert\n東京で会議。\nZürich: Grüße — «ça va».\n";

        assertThat(stripper.strip(text).text()).isEqualTo("Москва, 21 сентября.\n東京で会議。\nZürich: Grüße — «ça va».\n");
    }

    @Test
    void oddTextNeverThrows() {
        String odd = "\u0000\uD800\n\r\r\n\n\uFFFF Advert \u200B\n" + "x".repeat(10_000) + "\n\n\n";

        assertThat(stripper.strip(odd).text()).contains("x".repeat(10_000));
    }
}
