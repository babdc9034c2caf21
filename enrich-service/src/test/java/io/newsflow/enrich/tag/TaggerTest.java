package io.newsflow.enrich.tag;

import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaggerTest {

    private static final String GAZ = """
            Vladimir Putin\tPERSON\tPutin|President Putin
            Russia\tPLACE\tRussian|Russians
            Saint Petersburg\tPLACE\tSt. Petersburg|St Petersburg\tRussia\t1
            Turkey\tPLACE
            Free Russia Foundation\tORGANIZATION
            Tver\tPLACE\t\tRussia\t0.5
            Côte d'Ivoire\tPLACE\tIvory Coast
            """;

    private static Tagger tagger(String tsv) throws Exception {
        return tagger(tsv, Tagger.DEFAULT_MAX_TAGS);
    }

    private static Tagger tagger(String tsv, int maxTags) throws Exception {
        return new Tagger(Gazetteer.parse(new StringReader(tsv), "test"), new TopicClassifier(List.of()), maxTags);
    }

    @Test
    void mapsAliasesToTheCanonicalNameAndCountsMentions() throws Exception {
        List<FoundTag> tags = tagger(GAZ).tag("Putin spoke. Vladimir Putin spoke again. President Putin left.", List.of());

        assertThat(tags).containsExactly(new FoundTag("Vladimir Putin", TagType.PERSON, TagOrigin.GAZETTEER, 3, 1.0));
    }

    @Test
    void possessivesCount() throws Exception {
        assertThat(tagger(GAZ).tag("Putin's decision and Putin\u2019s army.", List.of()))
                .extracting(FoundTag::name, FoundTag::mentions)
                .containsExactly(tuple("Vladimir Putin", 2));
    }

    @Test
    void matchesWholeWordsOnly() throws Exception {
        assertThat(tagger(GAZ).tag("Putinism and Russiagate are not names; Rasputin neither.", List.of())).isEmpty();
    }

    @Test
    void caseKeepsTheCountryApartFromTheBird() throws Exception {
        assertThat(tagger(GAZ).tag("We ate turkey.", List.of())).isEmpty();
        assertThat(tagger(GAZ).tag("We flew to Turkey.", List.of())).extracting(FoundTag::name).containsExactly("Turkey");
    }

    @Test
    void longestAliasWinsSoAnOrganisationIsNotAlsoACountry() throws Exception {
        List<FoundTag> tags = tagger(GAZ).tag("The Free Russia Foundation said Russians protested in St. Petersburg and St Petersburg.",
                List.of());

        assertThat(tags).extracting(FoundTag::name, FoundTag::type, FoundTag::mentions).containsExactly(
                tuple("Saint Petersburg", TagType.PLACE, 2),
                tuple("Free Russia Foundation", TagType.ORGANIZATION, 1),
                tuple("Russia", TagType.PLACE, 1));
    }

    @Test
    void multiWordAliasesMatchAcrossApostrophesAndHyphens() throws Exception {
        assertThat(tagger(GAZ).tag("Talks in Côte d'Ivoire ended.", List.of())).extracting(FoundTag::name).containsExactly("Côte d'Ivoire");
    }

    @Test
    void aSmallPlaceNeedsItsCountryOrASecondMention() throws Exception {
        Tagger tagger = tagger(GAZ);

        assertThat(tagger.tag("A factory in Tver closed.", List.of())).isEmpty();
        assertThat(tagger.tag("A factory in Tver closed. Tver mourns.", List.of())).extracting(FoundTag::name).containsExactly("Tver");
        assertThat(tagger.tag("A factory in Tver, Russia, closed.", List.of())).extracting(FoundTag::name).contains("Tver");
        assertThat(tagger.tag("A factory in Tver closed.", List.of("Russia"))).extracting(FoundTag::name).contains("Tver");
    }

    @Test
    void aMentionInTheLedeScoresHigherThanOneFurtherDown() throws Exception {
        String text = "Turkey hosted the talks.\n" + "Background paragraph. ".repeat(30) + "\nPutin did not attend.";

        List<FoundTag> tags = tagger(GAZ).tag(text, List.of());

        assertThat(tags).extracting(FoundTag::name).containsExactly("Turkey", "Vladimir Putin");
        assertThat(tags.get(0).score()).isEqualTo(1.0);
        assertThat(tags.get(1).score()).isLessThan(0.5);
    }

    @Test
    void footerTagsComeFirstAndMergeWithGazetteerTagsByCanonicalName() throws Exception {
        List<FoundTag> tags = tagger(GAZ).tag("Putin met Russians. Putin left. Mobilisation began; mobilisation spread.",
                List.of("russia", "Putin", "Mobilisation", "Conscription"));

        assertThat(tags).containsExactly(
                new FoundTag("Russia", TagType.PLACE, TagOrigin.FOOTER, 1, 1.0),
                new FoundTag("Vladimir Putin", TagType.PERSON, TagOrigin.FOOTER, 2, 1.0),
                new FoundTag("Mobilisation", TagType.OTHER, TagOrigin.FOOTER, 1, 1.0),
                new FoundTag("Conscription", TagType.OTHER, TagOrigin.FOOTER, 0, 1.0));
    }

    @Test
    void peopleTheGazetteerLacksAreFoundByTheirRole() throws Exception {
        List<FoundTag> tags = tagger(GAZ).tag("Footage was shared by Moscow-based British journalist Danny Armstrong. "
                + "Defence Minister, Sergei Shoigu, spoke. Danny Armstrong called it eerie. President Putin agreed.", List.of());

        assertThat(tags).filteredOn(t -> t.origin() == TagOrigin.PATTERN)
                .extracting(FoundTag::name, FoundTag::type, FoundTag::mentions)
                .containsExactlyInAnyOrder(tuple("Danny Armstrong", TagType.PERSON, 2), tuple("Sergei Shoigu", TagType.PERSON, 1));
        assertThat(tags).extracting(FoundTag::name).doesNotContain("President Putin").contains("Vladimir Putin");
    }

    @Test
    void theCapKeepsTheBestScoredTagsAndEveryFooterTag() throws Exception {
        List<FoundTag> tags = tagger(GAZ, 2).tag("Turkey, Turkey, Turkey. Putin, Putin. Russians.", List.of("A", "B", "C"));

        assertThat(tags).extracting(FoundTag::name).containsExactly("A", "B", "C");
        assertThat(tagger(GAZ, 4).tag("Turkey, Turkey, Turkey. Putin, Putin. Russians.", List.of("A", "B", "C")))
                .extracting(FoundTag::name).containsExactly("A", "B", "C", "Turkey");
    }

    @Test
    void aVeryLongTextIsMatchedToTheEndAndAShortOneAfterItSeesNoLeftovers() throws Exception {
        Tagger tagger = tagger(GAZ);
        String longText = "filler words here. ".repeat(70_000) + "Putin spoke.";

        assertThat(tagger.tag(longText, List.of())).extracting(FoundTag::name).containsExactly("Vladimir Putin");
        assertThat(tagger.tag("Turkey", List.of())).extracting(FoundTag::name, FoundTag::mentions).containsExactly(tuple("Turkey", 1));
    }

    @Test
    void bundledGazetteerLoadsAndKnowsTheBasics() {
        Tagger tagger = new Tagger(Gazetteer.bundled());

        assertThat(Gazetteer.bundled().entries()).hasSizeGreaterThanOrEqualTo(5000);
        assertThat(tagger.tag("Putin visited Ekaterinburg and Kiev, then St Petersburg, as Russians watched.", List.of()))
                .filteredOn(t -> t.type() != TagType.TOPIC)
                .extracting(FoundTag::name)
                .containsExactlyInAnyOrder("Vladimir Putin", "Yekaterinburg", "Kyiv", "Saint Petersburg", "Russia");
    }

    @Test
    void aMalformedGazetteerLineIsReportedWithItsLineNumber() {
        assertThatThrownBy(() -> tagger("Good\tPLACE\nBad\tANIMAL\nalso bad\nX\tPLACE\t\tY\tmaybe\n"))
                .hasMessageContaining("test:2: unknown type 'ANIMAL'")
                .hasMessageContaining("test:3: expected canonical<TAB>TYPE")
                .hasMessageContaining("test:4: prior 'maybe' is not a number");
    }

    /** A separate title (JSON, feeds, HTML pages) counts for the topics; a text file's first line already is in the text. */
    @Test
    void theTitleSaysWhatTheStoryIsAbout() {
        Tagger tagger = new Tagger(Gazetteer.bundled());
        String body = "Thousands waited in the rain outside the stadium on Sunday night. "
                + "Police closed two roads, and the trams ran late until midnight, the city said.";
        String title = "Late goal wins the cup final for the champions as the striker scores in extra time";

        assertThat(topics(tagger.tag("en", title, body, List.of()))).first().isEqualTo("sport");
        assertThat(topics(tagger.tag("en", null, body, List.of()))).doesNotContain("sport");
        assertThat(tagger.tag("en", title, title + "\n" + body, List.of())).isEqualTo(tagger.tag("en", null, title + "\n" + body, List.of()));
    }

    /** Topics are a calibrated probability each: the best one when the model is fairly sure, another only when likely too. */
    @Test
    void topicsCarryTheirProbabilityAndAreGivenOnlyWhenTheModelIsFairlySure() {
        Tagger tagger = new Tagger(Gazetteer.bundled());
        List<FoundTag> sure = tagger.tag("en", "Shares fell as the central bank raised interest rates",
                "Stock markets fell on Thursday after the central bank raised interest rates again to fight inflation, and investors "
                        + "sold bank shares and bonds.", List.of());

        FoundTag best = sure.stream().filter(t -> t.origin() == TagOrigin.MODEL).findFirst().orElseThrow();
        assertThat(best.name()).isEqualTo("economy, business and finance");
        assertThat(best.score()).isBetween(Tagger.MIN_TOPIC_PROBABILITY, 1.0);
        assertThat(sure.stream().filter(t -> t.origin() == TagOrigin.MODEL).skip(1))
                .allSatisfy(t -> assertThat(t.score()).isGreaterThanOrEqualTo(Tagger.MIN_SECOND_TOPIC_PROBABILITY));
        double total = sure.stream().filter(t -> t.origin() == TagOrigin.MODEL).mapToDouble(FoundTag::score).sum();
        assertThat(total).as("probabilities of one distribution").isLessThanOrEqualTo(1.0001);
    }

    @Test
    void aLanguageWithoutAModelGetsNoTopicRatherThanAWrongOne() {
        Tagger tagger = new Tagger(Gazetteer.bundled());

        assertThat(topics(tagger.tag("it", "Il governo approva la legge di bilancio",
                "Il parlamento ha votato la legge di bilancio dopo un lungo dibattito tra maggioranza e opposizione.", List.of()))).isEmpty();
    }

    private static List<String> topics(List<FoundTag> tags) {
        return tags.stream().filter(t -> t.origin() == TagOrigin.MODEL).map(FoundTag::name).toList();
    }
}
