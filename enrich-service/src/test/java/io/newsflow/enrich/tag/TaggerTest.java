package io.newsflow.enrich.tag;

import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import java.util.Optional;
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
        return new Tagger(Gazetteer.parse(new StringReader(tsv), "test"), new TopicClassifier(List.of()), Optional.empty(), maxTags);
    }

    @Test
    void mapsAliasesToTheCanonicalNameAndCountsMentions() throws Exception {
        List<FoundTag> tags = tagger(GAZ).tag("Putin spoke. Vladimir Putin spoke again. President Putin left.", List.of());

        assertThat(tags).containsExactly(new FoundTag("Vladimir Putin", TagType.PERSON, TagOrigin.GAZETTEER, 3,
                EntityFinder.GAZETTEER_PROBABILITY));
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
        String text = "Putin hosted the talks.\n" + "Background paragraph. ".repeat(30) + "\nTurkey did not attend.";

        List<FoundTag> tags = tagger(GAZ).tag(text, List.of());

        // equally sure, one mention each: the lede puts Putin first, although "Turkey" sorts before "Vladimir Putin"
        assertThat(tags).extracting(FoundTag::name).containsExactly("Vladimir Putin", "Turkey");
        assertThat(tags).extracting(FoundTag::score).containsOnly(EntityFinder.GAZETTEER_PROBABILITY);
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
    void peopleTheGazetteerLacksAreFoundByTheRecogniserAndTheirShortFormsJoinThem() throws Exception {
        Tagger tagger = new Tagger(Gazetteer.parse(new StringReader(GAZ), "test"), new TopicClassifier(List.of()),
                Optional.of(NameRecogniser.bundled()), Tagger.DEFAULT_MAX_TAGS);
        List<FoundTag> tags = tagger.tag("Footage was shared by Moscow-based British journalist Danny Armstrong on Monday.\n"
                + "Defence Minister Sergei Shoigu spoke later. Armstrong called it eerie, and President Putin agreed.", List.of());

        assertThat(tags).filteredOn(t -> t.origin() == TagOrigin.MODEL)
                .extracting(FoundTag::name, FoundTag::type, FoundTag::mentions)
                .contains(tuple("Danny Armstrong", TagType.PERSON, 2), tuple("Sergei Shoigu", TagType.PERSON, 1));
        assertThat(tags).extracting(FoundTag::name).doesNotContain("President Putin", "Armstrong").contains("Vladimir Putin");
        assertThat(tags).filteredOn(t -> t.origin() == TagOrigin.MODEL)
                .allSatisfy(t -> assertThat(t.score()).isBetween(EntityFinder.MIN_NAME_PROBABILITY, 1.0));
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
        assertThat(tagger.tag("Putin visited Ekaterinburg and Kiev, then St Petersburg, as Germany watched.", List.of()))
                .filteredOn(t -> t.type() != TagType.TOPIC)
                .extracting(FoundTag::name, FoundTag::wikidataId)
                .containsExactlyInAnyOrder(tuple("Vladimir Putin", "Q7747"), tuple("Yekaterinburg", "Q887"), tuple("Kyiv", "Q1899"),
                        tuple("Saint Petersburg", "Q656"), tuple("Germany", "Q183"));
    }

    @Test
    void aDemonymSupportsThePlacesOfItsCountryButIsNotAPlaceItself() {
        Tagger tagger = new Tagger(Gazetteer.bundled(), new TopicClassifier(List.of()), Optional.empty(), Tagger.DEFAULT_MAX_TAGS);

        // Vigo needs support: named once, with "Spanish" and not "Spain" (the gazetteer alone, no recogniser to confirm it)
        assertThat(entityNames(tagger.tag("The Spanish port of Vigo reopened on Monday.", List.of()))).containsExactly("Vigo");
        assertThat(entityNames(tagger.tag("The port of Vigo reopened on Monday.", List.of()))).isEmpty();
        assertThat(entityNames(tagger.tag("German and French ministers met on Monday.", List.of()))).isEmpty();
    }

    private static List<String> entityNames(List<FoundTag> tags) {
        return tags.stream().filter(t -> t.type() != TagType.TOPIC).map(FoundTag::name).toList();
    }

    @Test
    void anAmbiguousNameTakesTheReadingItsArticleSupports() {
        Tagger tagger = new Tagger(Gazetteer.bundled());

        assertThat(tagger.tag("Jordan closed its border crossing with Syria, officials in Amman said.", List.of()))
                .filteredOn(t -> t.name().contains("Jordan")).extracting(FoundTag::name, FoundTag::type, FoundTag::wikidataId)
                .containsExactly(tuple("Jordan", TagType.PLACE, "Q810"));
        assertThat(tagger.tag("Voters in Georgia went to the polls as Atlanta counted ballots for governor.", List.of()))
                .filteredOn(t -> t.name().equals("Georgia")).extracting(FoundTag::wikidataId).containsExactly("Q1428");
        assertThat(tagger.tag("Georgia recalled its ambassador, the government in Tbilisi said.", List.of()))
                .filteredOn(t -> t.name().equals("Georgia")).extracting(FoundTag::wikidataId).containsExactly("Q230");
        assertThat(tagger.tag("Liverpool beat Chelsea 2-1, the striker scoring twice before half-time.", List.of()))
                .filteredOn(t -> t.name().equals("Liverpool") || t.name().equals("Chelsea"))
                .extracting(FoundTag::name, FoundTag::type, FoundTag::wikidataId)
                .containsExactlyInAnyOrder(tuple("Liverpool", TagType.ORGANIZATION, "Q1130849"),
                        tuple("Chelsea", TagType.ORGANIZATION, "Q9616"));
        assertThat(tagger.tag("She bought a flat in Chelsea last year.", List.of()))
                .filteredOn(t -> t.name().equals("Chelsea")).isEmpty(); // only the club is known, and nothing says football
        assertThat(tagger.tag("Liverpool city council will repair the streets, the mayor said.", List.of()))
                .filteredOn(t -> t.name().equals("Liverpool")).extracting(FoundTag::type, FoundTag::wikidataId)
                .containsExactly(tuple(TagType.PLACE, "Q24826"));
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

    @Test
    void aNamesKeyIsItsWordsJoinedBySingleSpacesLowercased() {
        java.util.Random random = new java.util.Random(20261203);
        String[] parts = {"St", ".", " ", "  ", "Petersburg", "-", "Côte", "d'", "Ivoire", "İ", "Σ", "\u00a0", "O'Brien", "2026", "\ud801\udc00"};
        for (int round = 0; round < 2_000; round++) {
            StringBuilder name = new StringBuilder();
            for (int k = random.nextInt(6); k > 0; k--) {
                name.append(parts[random.nextInt(parts.length)]);
            }
            StringBuilder expected = new StringBuilder();
            for (char[] word : TermMatcher.split(name.toString())) {
                expected.append(expected.length() > 0 ? " " : "").append(word);
            }
            org.assertj.core.api.Assertions.assertThat(Tagger.key(name.toString())).as(name.toString())
                    .isEqualTo(expected.toString().toLowerCase(java.util.Locale.ROOT));
        }
        org.assertj.core.api.Assertions.assertThat(Tagger.key("St. Petersburg")).isEqualTo("st petersburg");
    }
}
