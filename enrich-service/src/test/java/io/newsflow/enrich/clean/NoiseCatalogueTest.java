package io.newsflow.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the bundled catalogue removes its standalone line, and a prose line using the same
 * words survives byte for byte.
 */
class NoiseCatalogueTest {

    private final NoiseStripper stripper = new NoiseStripper();

    @ParameterizedTest(name = "{1}: \"{0}\" goes, \"{2}\" stays")
    @CsvSource(delimiter = '|', value = {
        "ADVERTISEMENT                       | ad-marker           | Advertisement revenue fell for the third year.",
        "- Advertisement -                   | ad-marker           | The paper ran an advertisement for the show.",
        "[Advertisement]                     | ad-marker           | Advertisers fled the paper.",
        "Advertisement:                      | ad-marker           | Advertisement: a word the paper avoided, said the editor, was everywhere.",
        "ADVERTISING                         | ad-marker           | Advertising revenue rose 5%.",
        "Sponsored                           | ad-marker           | Sponsored by the council, the scheme runs until May.",
        "Sponsored content                   | ad-marker           | Sponsored content is labelled in the print edition.",
        "Promoted                            | ad-marker           | Promoted to captain, she led the side for a decade.",
        "Anzeige                             | ad-marker           | Anzeige erstattet: the police filed a complaint.",
        "Publicité                           | ad-marker           | La publicité a été interdite.",
        "Publicidad                          | ad-marker           | Publicidad engañosa fue el cargo.",
        "Pubblicità                          | ad-marker           | Pubblicità e politica si mescolano.",
        "Реклама                             | ad-marker           | Реклама на телевидении запрещена.",
        "Story continues below advertisement | continuation-prompt | The story continues below the surface, investigators said.",
        "Article continues below             | continuation-prompt | The article continues a series on housing.",
        "Continue reading below              | continuation-prompt | Continue reading below the fold is a habit, the study found.",
        "Sign up to our newsletter           | newsletter-prompt   | Sign up to our newsletter was the first line of the scam email.",
        "Sign up: the Morning Briefing       | newsletter-prompt   | Sign up for the trial closed on Friday.",
        "Share this article                  | share-prompt        | Share this article with care, the court warned.",
        "Share on WhatsApp                   | share-prompt        | Share prices fell on WhatsApp rumours.",
        "Follow us on Twitter                | follow-prompt       | Follow us on Twitter, the police urged, for road updates.",
        "Read more: Putin's speech in full   | link-line           | Read more about the plan in the report.",
        "Related: Markets slide              | link-line           | Related talks will follow next week.",
        "Also read: Why prices rose          | link-line           | Also read the small print, regulators said.",
    })
    void removesTheStandaloneLineAndKeepsProseWithTheSameWords(String noise, String rule, String prose) {
        String text = "Opening sentence of the article.\n" + noise + "\n" + prose + "\nClosing sentence of the article.\n";

        CleanText clean = stripper.strip(text);

        assertThat(clean.text()).isEqualTo("Opening sentence of the article.\n" + prose + "\nClosing sentence of the article.\n");
        assertThat(clean.removedByRule()).containsExactlyEntriesOf(java.util.Map.of(rule, 1));
    }

    @Test
    void trailerLinesGoOnlyAfterTheLastProseLine() {
        String text = "More on this story\nThe minister said more on this story would follow.\nLast line.\n\nMore on this story\n"
                + "Read more: Budget in brief\nTopics: Budget\n";

        CleanText clean = stripper.strip(text);

        assertThat(clean.text()).isEqualTo("More on this story\nThe minister said more on this story would follow.\nLast line.\n\n"
                + "Topics: Budget\n");
        assertThat(clean.removedByRule()).containsEntry("footer", 1).containsEntry("link-line", 1);
    }

    @Test
    void aCatalogueFromAFileReplacesTheBundledOne() throws Exception {
        NoiseStripper custom = new NoiseStripper(NoiseRules.parse(new StringReader("""
                # our scraper's markers only
                house-ad\tline\tfrom our sponsors
                """), "custom"));

        CleanText clean = custom.strip("A.\nFrom our sponsors\nAdvert\n");

        assertThat(clean.text()).isEqualTo("A.\nAdvert\n");
        assertThat(clean.removedByRule()).containsExactlyEntriesOf(java.util.Map.of("house-ad", 1));
    }

    @Test
    void aBrokenCatalogueIsRejectedWithLineNumbers() {
        assertThatThrownBy(() -> NoiseRules.parse(new StringReader("ok\tline\tadvert\nbad\tsometimes\tx\nshort\tline\n"), "rules.tsv"))
                .hasMessageContaining("rules.tsv:2: unknown kind 'sometimes'")
                .hasMessageContaining("rules.tsv:3: expected rule<TAB>kind<TAB>phrase");
    }
}
