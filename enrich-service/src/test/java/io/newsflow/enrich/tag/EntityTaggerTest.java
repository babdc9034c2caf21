package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityTaggerTest {

    private static EntityTagger tagger(String tsv) throws Exception {
        return new EntityTagger(Gazetteer.parse(new StringReader(tsv), "test"));
    }

    private static final String GAZ = """
            Vladimir Putin\tPERSON\tPutin|President Putin
            Russia\tPLACE\tRussian|Russians
            Saint Petersburg\tPLACE\tSt. Petersburg|St Petersburg
            Turkey\tPLACE
            Free Russia Foundation\tORGANIZATION
            """;

    @Test
    void mapsAliasesToTheCanonicalNameAndCountsMentions() throws Exception {
        List<FoundTag> tags = tagger(GAZ).tag("Putin spoke. Vladimir Putin spoke again. President Putin left.", List.of());

        assertThat(tags).containsExactly(new FoundTag("Vladimir Putin", EntityType.PERSON, TagOrigin.GAZETTEER, 3));
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
        List<FoundTag> tags = tagger(GAZ).tag("The Free Russia Foundation said Russians protested in St. Petersburg and St Petersburg.", List.of());

        assertThat(tags).extracting(FoundTag::name, FoundTag::type, FoundTag::mentions).containsExactly(
                tuple("Saint Petersburg", EntityType.PLACE, 2),
                tuple("Free Russia Foundation", EntityType.ORGANIZATION, 1),
                tuple("Russia", EntityType.PLACE, 1));
    }

    @Test
    void footerTagsComeFirstAndMergeWithGazetteerTagsByCanonicalName() throws Exception {
        List<FoundTag> tags = tagger(GAZ).tag("Putin met Russians. Putin left. Mobilisation began; mobilisation spread.",
                List.of("russia", "Putin", "Mobilisation", "Conscription"));

        assertThat(tags).containsExactly(
                new FoundTag("Russia", EntityType.PLACE, TagOrigin.FOOTER, 1),
                new FoundTag("Vladimir Putin", EntityType.PERSON, TagOrigin.FOOTER, 2),
                new FoundTag("Mobilisation", EntityType.OTHER, TagOrigin.FOOTER, 1),
                new FoundTag("Conscription", EntityType.OTHER, TagOrigin.FOOTER, 0));
    }

    @Test
    void bundledGazetteerLoadsAndKnowsTheBasics() {
        EntityTagger tagger = new EntityTagger(Gazetteer.bundled());

        assertThat(tagger.tag("Putin visited Ekaterinburg and Kiev.", List.of()))
                .extracting(FoundTag::name)
                .containsExactlyInAnyOrder("Vladimir Putin", "Yekaterinburg", "Kyiv");
    }

    @Test
    void aMalformedGazetteerLineIsReportedWithItsLineNumber() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tagger("Good\tPLACE\nBad\tANIMAL\nalso bad\n"))
                .hasMessageContaining("test:2: unknown type 'ANIMAL'")
                .hasMessageContaining("test:3: expected canonical<TAB>TYPE");
    }
}
