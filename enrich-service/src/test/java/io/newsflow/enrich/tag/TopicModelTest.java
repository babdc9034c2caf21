package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicModelTest {

    private final TopicModel bundled = TopicModel.bundled();

    @Test
    void protestsAgainstAMilitaryCallUpAreWarAndPolitics() {
        List<TopicModel.Topic> topics = bundled.classify("""
                Thousands protested on Saturday against the partial mobilisation of reservists announced by the president.
                Police detained dozens of demonstrators as the army prepared to call up 300,000 troops for the war.
                Opposition activists urged voters to sign a petition against conscription.""");

        assertThat(topics).extracting(TopicModel.Topic::label).contains("conflict, war and peace", "politics");
        assertThat(topics.get(0).relative()).isEqualTo(1.0);
    }

    @Test
    void aFootballReportIsSport() {
        assertThat(bundled.classify("The striker scored two goals as the team won the league match; the coach praised the players."))
                .extracting(TopicModel.Topic::label).first().isEqualTo("sport");
    }

    @Test
    void matchingIgnoresCaseButNotWordBoundaries() throws Exception {
        TopicModel model = TopicModel.parse(new StringReader("weather\t3\train|heavy rain\n"), "t");

        assertThat(model.classify("HEAVY RAIN fell.")).extracting(TopicModel.Topic::label).containsExactly("weather");
        assertThat(model.classify("Trains and rainbows.")).isEmpty();
    }

    @Test
    void theWordWhoIsNotTheWorldHealthOrganization() {
        // matching ignores case, so the keyword "who" for the WHO matched every relative clause
        String campaign = "The senator, who was asked on Sunday who had advised him, said the candidates who lost would still campaign, "
                + "and voters who had doubts heard from a governor who backed him.";
        assertThat(bundled.classify(campaign)).extracting(TopicModel.Topic::label).doesNotContain("health");
        assertThat(bundled.classify("The World Health Organization said the outbreak had spread to two more hospitals."))
                .extracting(TopicModel.Topic::label).first().isEqualTo("health");
    }

    @Test
    void aTextWithoutEnoughEvidenceHasNoTopic() {
        assertThat(bundled.classify("It was a quiet afternoon.")).isEmpty();
    }

    @Test
    void everyLabelIsAnIptcTopLevelCategory() {
        assertThat(bundled.labels()).hasSize(17).contains("politics", "conflict, war and peace", "economy, business and finance",
                "sport", "science and technology", "arts, culture, entertainment and media", "crime, law and justice");
    }

    /** Blending with the classifier: labels the classifier knows add its probability; others its doubt. */
    @Test
    void aLabelTheClassifierIsSureOfOutranksAKeywordOnlyLabel() {
        List<String> known = List.of("arts, culture, entertainment and media", "politics");
        List<TopicModel.Topic> keyword = List.of(
                new TopicModel.Topic("human interest", 5, 1.0, 3),
                new TopicModel.Topic("arts, culture, entertainment and media", 4.8, 0.96, 2));
        TopicClassifier.Result sure = new TopicClassifier.Result(known, new double[] {0.94, 0.06}, 80);
        TopicClassifier.Result unsure = new TopicClassifier.Result(known, new double[] {0.5, 0.5}, 80);

        List<TopicModel.Topic> blended = bundled.blend(keyword, sure);
        assertThat(blended).extracting(TopicModel.Topic::label).containsExactly("arts, culture, entertainment and media", "human interest");
        assertThat(blended.get(0).score()).isCloseTo(0.96 + 0.94, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(blended.get(1).score()).isCloseTo(1.0 + 1.0 * 0.06, org.assertj.core.api.Assertions.within(1e-9));

        // an unsure classifier leaves the keyword order alone: 1.0 + 0.5 against 0.96 + 0.5
        assertThat(bundled.blend(keyword, unsure)).extracting(TopicModel.Topic::label).first().isEqualTo("human interest");
    }

    @Test
    void theClassifiersLabelJoinsWhenSureOrWhenNothingElseWasFoundOnEnoughWords() {
        List<String> known = List.of("politics", "sport");
        List<TopicModel.Topic> none = List.of();
        List<TopicModel.Topic> weather = List.of(new TopicModel.Topic("weather", 5.0, 1.0, 2));

        assertThat(bundled.blend(none, new TopicClassifier.Result(known, new double[] {0.05, 0.95}, 40)))
                .extracting(TopicModel.Topic::label).containsExactly("sport");
        List<TopicModel.Topic> guess = bundled.blend(none, new TopicClassifier.Result(known, new double[] {0.2, 0.8}, 40));
        assertThat(guess).as("no keyword topic: the classifier's best guess rather than no topic")
                .extracting(TopicModel.Topic::label).containsExactly("sport");
        assertThat(guess.get(0).relative()).as("scored by its probability, not 1.0 relative to itself").isEqualTo(0.8);
        assertThat(bundled.blend(none, new TopicClassifier.Result(known, new double[] {0.05, 0.95}, 10))).as("too few words").isEmpty();
        assertThat(bundled.blend(weather, new TopicClassifier.Result(known, new double[] {0.05, 0.95}, 40)))
                .extracting(TopicModel.Topic::label).containsExactly("weather", "sport");
        assertThat(bundled.blend(weather, new TopicClassifier.Result(known, new double[] {0.2, 0.8}, 40)))
                .as("a keyword topic found: the classifier joins only when sure")
                .extracting(TopicModel.Topic::label).containsExactly("weather");
    }
}
