package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The trained topic classifier on the 20% of its data that training never saw (src/test/resources/topics/heldout.tsv,
 * written by tools/topic-classifier/train.py; HuffPost and UCI News Aggregator headlines, CC BY 4.0). train.py prints
 * the accuracy it computes in Python; this test computes it through the Java tokenizer and hashes, so a drift between
 * the two (a different hash, another notion of a word) fails here.
 */
class TopicClassifierTest {

    /** train.py printed 0.839 for the model in this commit: Java must agree to the third decimal. */
    static final double HELD_OUT_ACCURACY = 0.839;

    private static final TopicClassifier MODEL = TopicClassifier.bundled();

    @Test
    void heldOutHeadlinesScoreWhatTrainingMeasured() throws IOException {
        int right = 0;
        int total = 0;
        Map<String, int[]> byLabel = new TreeMap<>();
        for (String line : read("/topics/heldout.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", 3);
            TopicClassifier.Result result = MODEL.classify(fields[2]);
            boolean ok = result.labels().get(result.best()).equals(fields[0]);
            right += ok ? 1 : 0;
            total++;
            int[] counts = byLabel.computeIfAbsent(fields[0], k -> new int[2]);
            counts[0] += ok ? 1 : 0;
            counts[1]++;
        }
        byLabel.forEach((label, c) -> System.out.printf("  %-45s %5d / %5d = %.3f%n", label, c[0], c[1], (double) c[0] / c[1]));
        System.out.printf("held-out accuracy %.3f over %d headlines%n", (double) right / total, total);
        assertThat((double) right / total).isCloseTo(HELD_OUT_ACCURACY, org.assertj.core.api.Assertions.within(0.0005));
    }

    @Test
    void namesTheDeskOfClearStories() {
        assertThat(best("The striker scored twice in the second half as the league leaders won the derby and the coach praised the defence."))
                .isEqualTo("sport");
        assertThat(best("Shares fell sharply after the bank reported lower quarterly profits and cut its forecast for revenue and dividends."))
                .isEqualTo("economy, business and finance");
        assertThat(best("The new smartphone app uses software from Google and Microsoft to encrypt messages, the company's engineers said."))
                .isEqualTo("science and technology");
        assertThat(best("The actress won an Oscar for the film, and the singer's new album tops the charts ahead of the summer tour."))
                .isEqualTo("arts, culture, entertainment and media");
        assertThat(best("The senator said Congress would vote on the president's bill after Republicans and Democrats agreed a deal."))
                .isEqualTo("politics");
    }

    /** The issue's two misses, in sentences written for this test: a search toolbar and TV downloads are technology stories. */
    @Test
    void theIssuesTechnologyMissesAreTechnology() {
        assertThat(best("Google has released a new version of its search toolbar for web browsers, adding a pop-up blocker and "
                + "spyware protection that users can download free of charge from the company's website."))
                .isEqualTo("science and technology");
        assertThat(best("Viewers will be able to download television programmes over broadband to their computers and watch them "
                + "on a media player for a week after broadcast, under software trials announced by the broadcaster."))
                .isEqualTo("science and technology");
    }

    @Test
    void oddTextGivesAUniformAnswerAndNeverThrows() {
        for (String text : new String[] {"", "   ", "!!! ??? ---", null, "\uD83D\uDE00 \u0000"}) {
            TopicClassifier.Result result = MODEL.classify(text);
            assertThat(result.matched()).isZero();
            double uniform = 1.0 / MODEL.labels().size();
            assertThat(result.posterior()).containsOnly(uniform);
        }
    }

    private static String best(String text) {
        TopicClassifier.Result result = MODEL.classify(text);
        return result.labels().get(result.best());
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = TopicClassifierTest.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
