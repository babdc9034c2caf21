package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HtmlExtractorTest {

    private final HtmlExtractor extractor = new HtmlExtractor();

    private static String page(String head, String body) {
        return "<!DOCTYPE html><html><head>" + head + "</head><body>" + body + "</body></html>";
    }

    private static final String PROSE = "<p>The council voted on Tuesday to close the old swimming baths, which have been losing money for a decade.</p>"
            + "<p>Campaigners said they would challenge the decision in court, arguing that the consultation had been too short.</p>"
            + "<p>A new leisure centre with two pools is due to open on the other side of town in 2028.</p>";

    @Test
    void aFragmentKeepsAllItsTextOneParagraphPerLine() {
        String item = "<p>Storm <b>Ingrid</b> closed the port.</p><ul><li>Ferries cancelled</li><li>Schools shut</li></ul>"
                + "<h3>What next</h3>Engineers expect power back tonight.<br>Updates follow.";

        ExtractedPage page = extractor.extract(item);

        assertThat(page.body()).isEqualTo("Storm Ingrid closed the port.\nFerries cancelled\nSchools shut\nWhat next\n"
                + "Engineers expect power back tonight.\nUpdates follow.");
        assertThat(HtmlExtractor.isFragment(item)).isTrue();
    }

    @Test
    void aFragmentsAdLabelsAndScriptsAreDropped() {
        assertThat(extractor.extract("<p>First line.</p><p>ADVERTISEMENT</p><script>track()</script><p>Second line.</p>").body())
                .isEqualTo("First line.\nSecond line.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Advertisement", "ADVERTISEMENT", "Advert", "- Advertisement -", "Anzeige", "Publicité", "Publicidad",
            "Pubblicità", "Reklama", "Sponsored content", "Story continues below advertisement", "Advertentie"})
    void dropsAdSlotLabelsInTheLanguagesOfTheNoiseRules(String label) {
        assertThat(extractor.extract(page("", "<article>" + PROSE + "<p>" + label + "</p>" + PROSE + "</article>")).body())
                .doesNotContain(label);
    }

    @Test
    void keepsSentencesThatMentionAdvertisements() {
        String sentence = "The advertisement campaign cost the ministry four million euros, auditors found.";
        assertThat(extractor.extract(page("", "<article>" + PROSE + "<p>" + sentence + "</p></article>")).body()).contains(sentence);
    }

    @Test
    void hiddenElementsAreNotText() {
        String body = extractor.extract(page("", "<article>" + PROSE + "<p style=\"display: none\">Secret tracking text that nobody sees.</p>"
                + "<div hidden>Also hidden from every reader of the page.</div></article>")).body();
        assertThat(body).doesNotContain("Secret").doesNotContain("Also hidden").contains("swimming baths");
    }

    @Test
    void anIndexPageOfTeasersGivesItsTextAndNoException() {
        StringBuilder teasers = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            teasers.append("<div class=\"teaser-card\"><h2><a href=\"/s/").append(i).append("\">Story number ").append(i)
                    .append(" about the harbour</a></h2><p>A short standfirst for story ").append(i)
                    .append(", long enough to look like a sentence on its own.</p></div>");
        }

        ExtractedPage page = extractor.extract(page("<title>Home | The Ledger</title>", "<nav><a href=/>Home</a></nav><main>" + teasers + "</main>"));

        assertThat(page.body()).contains("A short standfirst for story 3");
        assertThat(page.title()).isEqualTo("Home | The Ledger");
    }

    @Test
    void aPageWithNoTextHasAnEmptyBodyOrItsDescription() {
        assertThat(extractor.extract(page("<title>App</title>", "<div id=root></div><script>boot()</script>")).body()).isEmpty();
        assertThat(extractor.extract(page("<meta name=description content=\"Live scores from every ground.\">", "<div id=root></div>")).body())
                .isEqualTo("Live scores from every ground.");
    }

    @Test
    void oddMarkupNeverThrows() {
        Random random = new Random(7);
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            nested.append("<div>");
        }
        nested.append("deep text");
        String[] inputs = {"", " ", "<", "<<<>>>", "<html", "<p>unclosed <b>bold <i>italic", "<html><body></body></html>", nested.toString(),
                "<script type=application/ld+json>{not json</script><p>x</p>", "<html><head><meta property=article:published_time content=yesterday>",
                new String(random.ints(4000, 0, 0x3000).mapToObj(Character::toString).reduce("", String::concat))};
        for (String input : inputs) {
            assertThatCode(() -> extractor.extract(input)).as(input.length() > 40 ? input.substring(0, 40) : input).doesNotThrowAnyException();
        }
        assertThat(extractor.extract(null).body()).isEmpty();
        assertThat(extractor.extract(nested.toString()).body()).isEqualTo("deep text");
    }

    @Test
    void jsonLdArticleBeatsAWebPageInTheSameGraphAndABrokenBlockIsIgnored() {
        String head = "<script type=\"application/ld+json\">{broken</script>"
                + "<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebPage\",\"headline\":\"Site home\",\"datePublished\":\"2020-01-01\"},"
                + "{\"@type\":[\"NewsArticle\"],\"headline\":\"Baths to close\",\"datePublished\":\"2026-03-04T10:15:00+0100\",\"inLanguage\":\"en-GB\","
                + "\"keywords\":\"Leisure, Council\"}]}</script>";

        ExtractedPage page = extractor.extract(page(head, "<article>" + PROSE + "</article>"));

        assertThat(page.title()).isEqualTo("Baths to close");
        assertThat(page.publishedAt()).isEqualTo(Instant.parse("2026-03-04T09:15:00Z"));
        assertThat(page.language()).isEqualTo("en");
        assertThat(page.tags()).containsExactly("Leisure", "Council");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-03-04T10:15:00Z|2026-03-04T10:15:00Z",
            "2026-03-04T10:15:00+02:00|2026-03-04T08:15:00Z",
            "2026-03-04T10:15:00.123-05:00|2026-03-04T15:15:00.123Z",
            "2026-03-04T10:15:00+0200|2026-03-04T08:15:00Z",
            "2026-03-04 10:15:00|2026-03-04T10:15:00Z",
            "2026-03-04|2026-03-04T00:00:00Z",
            "'Wed, 4 Mar 2026 10:15:00 GMT'|2026-03-04T10:15:00Z"})
    void readsTheDateFormatsPagesUse(String declared, String expected) {
        assertThat(PageMetadata.instant(declared)).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yesterday", "4 March 2026", "", "2026-13-45"})
    void anUnreadableDateIsNullNotAnError(String declared) {
        assertThat(PageMetadata.instant(declared)).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "Baths to close after council vote | The Ledger;Baths to close after council vote",
            "The Ledger - Baths to close after council vote;Baths to close after council vote",
            "Baths to close after council vote :: The Ledger;Baths to close after council vote",
            "Baths to close;Baths to close",
            "Brexit: what now;Brexit: what now"})
    void aTitleLosesTheSitesName(String title, String expected) {
        assertThat(PageMetadata.withoutSiteName(title)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<html lang=\"en-GB\">|en", "<html lang=\"pt_BR\">|pt", "<html lang=\"DE\">|de", "<html lang=\"x-klingon-1\">|"})
    void theLanguageIsTheTagsPrimarySubtag(String html, String expected) {
        assertThat(extractor.extract(html + "<body>" + PROSE + "</body></html>").language()).isEqualTo(expected);
    }

    @Test
    void ogLocaleNamesTheLanguageWhenHtmlDoesNot() {
        assertThat(extractor.extract(page("<meta property=\"og:locale\" content=\"fr_FR\">", PROSE)).language()).isEqualTo("fr");
    }

    @Test
    void aBylineAtTheTopGoesButAShortSentenceThatStartsWithByStays() {
        String body = extractor.extract(page("", "<article><p>By Maren Holt, transport correspondent</p>"
                + "<p>By Monday, all had voted.</p>" + PROSE + "</article>")).body();
        assertThat(body).doesNotContain("Maren Holt").startsWith("By Monday, all had voted.");
    }

    @Test
    void aTimeInsideTheBylineStillDatesThePage() {
        ExtractedPage page = extractor.extract(page("<title>Baths</title>",
                "<article><div class=\"byline\">By Sam Okoro, <time datetime=\"2026-03-04T10:15:00Z\">4 March</time></div>" + PROSE + "</article>"));
        assertThat(page.publishedAt()).as("read before the byline is removed as boilerplate").isEqualTo(Instant.parse("2026-03-04T10:15:00Z"));
        assertThat(page.body()).doesNotContain("Sam Okoro");
    }
}
