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
    void aTextWithoutEnoughEvidenceHasNoTopic() {
        assertThat(bundled.classify("It was a quiet afternoon.")).isEmpty();
    }

    @Test
    void everyLabelIsAnIptcTopLevelCategory() {
        assertThat(bundled.labels()).hasSize(17).contains("politics", "conflict, war and peace", "economy, business and finance",
                "sport", "science and technology", "arts, culture, entertainment and media", "crime, law and justice");
    }
}
