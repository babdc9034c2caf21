package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The trained topic classifier on texts its training never saw (src/test/resources/topics/heldout-LANGUAGE.tsv, written
 * by tools/topic-classifier/train.sh with the accuracy it measured on exactly those rows, through this class). The Java
 * answer must be that accuracy to the fourth decimal: a drift between the model file and the code that reads it (a
 * different feature, another notion of a word, a changed quantisation) fails here.
 */
class TopicClassifierTest {

    private static final TopicClassifier MODEL = TopicClassifier.bundled();

    @ParameterizedTest
    @ValueSource(strings = {"en", "de", "fr", "es"})
    void heldOutTextsScoreWhatTrainingMeasured(String language) throws IOException {
        double recorded = Double.NaN;
        int right = 0;
        int total = 0;
        for (String line : read("/topics/heldout-" + language + ".tsv").split("\n")) {
            if (line.startsWith("# accuracy ")) {
                recorded = Double.parseDouble(line.split(" ")[2]);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 5);
            var result = MODEL.classify(language, f[3].isEmpty() ? null : f[3], f[4]);
            right += result.isPresent() && result.get().bestLabel().equals(f[0]) ? 1 : 0;
            total++;
        }
        assertThat(total).isGreaterThan(500);
        assertThat(String.format(Locale.ROOT, "%.4f", (double) right / total)).isEqualTo(String.format(Locale.ROOT, "%.4f", recorded));
    }

    @Test
    void namesTheDeskOfClearStories() {
        assertThat(best("en", "The striker scored twice in the second half as the league leaders won the derby and the coach praised the defence."))
                .isEqualTo("sport");
        assertThat(best("en", "Shares fell sharply after the bank reported lower quarterly profits and cut its forecast for revenue and dividends."))
                .isEqualTo("economy, business and finance");
        assertThat(best("en", "The new smartphone app uses software from Google and Microsoft to encrypt messages, the company's engineers said."))
                .isEqualTo("science and technology");
        assertThat(best("en", "The actress won an Oscar for the film, and the singer's new album tops the charts ahead of the summer tour."))
                .isEqualTo("arts, culture, entertainment and media");
        assertThat(best("en", "The senator said Congress would vote on the president's bill after Republicans and Democrats agreed a deal."))
                .isEqualTo("politics");
        assertThat(best("de", "Der Bundestag hat am Donnerstag mit den Stimmen der Koalition das Gesetz beschlossen, die Opposition stimmte dagegen."))
                .isEqualTo("politics");
        assertThat(best("fr", "L'attaquant a marqué deux buts en seconde période et son équipe a remporté le match du championnat."))
                .isEqualTo("sport");
        assertThat(best("es", "El gobierno y la oposición debatieron en el Congreso la reforma electoral propuesta por el presidente."))
                .isEqualTo("politics");
    }

    @Test
    void probabilitiesSumToOne() {
        var result = MODEL.classify("en", "Markets rally", "Stocks rose on Wall Street as investors bought bank shares.").orElseThrow();

        assertThat(java.util.Arrays.stream(result.probabilities()).sum()).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(result.labels()).hasSameSizeAs(result.probabilities());
    }

    @Test
    void aLanguageWithoutAModelOrATextWithoutAKnownWordGetsNoAnswer() {
        assertThat(MODEL.classify("it", null, "La squadra ha vinto la partita.")).isEmpty();
        for (String text : new String[] {"", "   ", "!!! ??? ---", null, "\uD83D\uDE00 \u0000", "2024 1999 17"}) {
            assertThat(MODEL.classify("en", null, text)).as(String.valueOf(text)).isEmpty();
        }
    }

    @Test
    void aTextOfNoStatedLanguageIsReadByTheModelThatKnowsItsWords() {
        assertThat(MODEL.classify(null, null, "Bayern gewinnt das Spiel gegen Dortmund, der Trainer lobt die Mannschaft nach dem Sieg in der Bundesliga")
                .orElseThrow().labels()).isEqualTo(MODEL.model("de").orElseThrow().labels());
        assertThat(MODEL.classify(null, null, "Striker scores twice as United win the derby")
                .orElseThrow().labels()).isEqualTo(MODEL.model("en").orElseThrow().labels());
        assertThat(MODEL.classify(null, null, "xq zzv wpk")).isEmpty();
    }

    @Test
    void languageTagsAreReadByTheirPrimarySubtag() {
        assertThat(TopicClassifier.primary("en-GB")).isEqualTo("en");
        assertThat(TopicClassifier.primary("DE")).isEqualTo("de");
        assertThat(MODEL.classify("en-US", null, "Stocks rose on Wall Street.")).isPresent();
        assertThat(MODEL.languages()).containsExactlyInAnyOrder("en", "de", "fr", "es");
    }

    @Test
    void resourcesStayWithinTheirBudget() {
        assertThat(TopicClassifierTest.class.getResource(TopicClassifier.BUNDLED)).isNotNull();
        long bytes = new java.io.File(TopicClassifierTest.class.getResource(TopicClassifier.BUNDLED).getPath()).length();
        assertThat(bytes).as("the model file, with every language").isLessThan(20L * 1024 * 1024);
    }

    private static String best(String language, String text) {
        return MODEL.classify(language, null, text).orElseThrow().bestLabel();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = TopicClassifierTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
