package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EntityFinderTest {

    private static final EntityFinder FINDER = new EntityFinder(Gazetteer.bundled(), Optional.of(NameRecogniser.bundled()));

    @Test
    void capitalsOnlyLinesAndDatelinesAreReadAsNamesAreWritten() {
        assertThat(EntityFinder.capitalsRead("LONDON 1996-08-30\nSOCCER - LEEDS BEAT U.S. SIDE\n"))
                .isEqualTo("London 1996-08-30\nSoccer - Leeds Beat U.S. Side\n");
        assertThat(EntityFinder.capitalsRead("WASHINGTON (Reuters) - NATO said the UN met.\nNEW YORK, March 3 - Stocks fell."))
                .isEqualTo("Washington (Reuters) - NATO said the UN met.\nNew York, March 3 - Stocks fell.");
        String ordinary = "The IMF and NATO met in Paris.\nA USA TODAY poll.";
        assertThat(EntityFinder.capitalsRead(ordinary)).isSameAs(ordinary);
    }

    @Test
    void aDatelineInCapitalsIsTaggedAsThePlace() {
        assertThat(FINDER.find("en", "PARIS 2026-12-03\nThe government fell on Thursday after a vote in parliament."))
                .extracting(EntityFinder.Entity::name, EntityFinder.Entity::type)
                .contains(tuple("Paris", TagType.PLACE));
    }

    @Test
    void theWordsHeadingANameGiveItsType() {
        NameHeads heads = NameHeads.bundled();
        assertThat(heads.type("Northbrook District Council".split(" "))).contains(TagType.ORGANIZATION);
        assertThat(heads.type("River Severn".split(" "))).contains(TagType.PLACE);
        assertThat(heads.type("Mill Lane".split(" "))).contains(TagType.PLACE);
        assertThat(heads.type("University of Leeds".split(" "))).contains(TagType.ORGANIZATION);
        assertThat(heads.type("Damon Hill".split(" "))).isEmpty(); // a given name first: a person's surname
        assertThat(heads.type("Ashby".split(" "))).isEmpty();
    }

    @Test
    void peopleNobodyListedAreFoundAndTheirSurnameJoinsThem() {
        List<EntityFinder.Entity> found = FINDER.find("en", "The regatta will go ahead, said Anna Lindqvist, who chairs the "
                + "Harwick Rowing Club. Lindqvist said the river was calm.");

        assertThat(found).filteredOn(e -> e.type() == TagType.PERSON)
                .extracting(EntityFinder.Entity::name, EntityFinder.Entity::mentions, EntityFinder.Entity::origin)
                .containsExactly(tuple("Anna Lindqvist", 2, TagOrigin.MODEL));
        assertThat(found).filteredOn(e -> e.type() == TagType.ORGANIZATION).extracting(EntityFinder.Entity::name)
                .containsExactly("Harwick Rowing Club");
        assertThat(found).allSatisfy(e -> assertThat(e.probability()).isBetween(EntityFinder.MIN_NAME_PROBABILITY, 1.0));
    }

    @Test
    void aCompetitionIsNotAnOrganisation() {
        assertThat(FINDER.find("en", "Arsenal reached the final of the Northern Counties Cup on Tuesday."))
                .extracting(EntityFinder.Entity::name).doesNotContain("Northern Counties Cup");
    }

    @Test
    void withoutAModelForTheLanguageOnlyTheGazetteerNamesCount() {
        assertThat(FINDER.find("xx", "Anna Lindqvist met Vladimir Putin in Berlin."))
                .extracting(EntityFinder.Entity::name).containsExactlyInAnyOrder("Vladimir Putin", "Berlin");
    }
}
