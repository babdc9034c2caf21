package io.newsflow.enrich.tag;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.clean.Tokens;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicFeaturesTest {

    private static long hash(String word) {
        return new Tokens().scan(word).hash(0);
    }

    private static Map<Long, Float> counts(TopicFeatures features) {
        Map<Long, Float> out = new HashMap<>();
        for (int i = 0; i < features.size(); i++) {
            out.put(features.key(i), features.count(i));
        }
        return out;
    }

    @Test
    void wordsAndAdjacentPairsAreCountedAndTitleWordsWeighMore() {
        Map<Long, Float> counts = counts(new TopicFeatures().count(TopicFeatures.ignoring(new long[0]), "Central bank", "The central BANK raised rates."));

        assertThat(counts.get(TopicFeatures.word(hash("bank")))).isEqualTo(1 + TopicFeatures.TITLE_WEIGHT);
        assertThat(counts.get(TopicFeatures.pair(hash("central"), hash("bank")))).isEqualTo(1 + TopicFeatures.TITLE_WEIGHT);
        assertThat(counts.get(TopicFeatures.word(hash("rates")))).isEqualTo(1.0f);
        // central, bank, "central bank" (title and body); the, raised, rates, "the central", "bank raised", "raised rates"
        assertThat(counts).hasSize(9);
    }

    @Test
    void numbersAndIgnoredWordsAreLeftOutAndBreakPairs() {
        long[] ignored = {hash("the")};
        java.util.Arrays.sort(ignored);
        Map<Long, Float> counts = counts(new TopicFeatures().count(TopicFeatures.ignoring(ignored), null, "In 2024 the bank"));

        assertThat(counts).containsOnlyKeys(TopicFeatures.word(hash("in")), TopicFeatures.word(hash("bank")), TopicFeatures.NO_PAIR);
    }

    @Test
    void theIgnoredFilterIgnoresEveryWordItWasGivenAndAlmostNoOther() {
        long[] words = new long[5000];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < words.length; i++) {
            words[i] = random.nextLong();
        }
        TopicFeatures.Ignored ignored = TopicFeatures.ignoring(words);

        for (long word : words) {
            assertThat(ignored.ignores(word)).isTrue();
        }
        int wrong = 0;
        for (int i = 0; i < 100_000; i++) {
            wrong += ignored.ignores(random.nextLong()) ? 1 : 0;
        }
        assertThat(wrong).as("others ignored, of 100,000").isLessThan(100);
    }

    @Test
    void aFeaturesObjectIsReusedWithoutCarryingAnythingOver() {
        TopicFeatures features = new TopicFeatures();
        features.count(TopicFeatures.ignoring(new long[0]), null, "alpha beta gamma ".repeat(500));
        Map<Long, Float> counts = counts(features.count(TopicFeatures.ignoring(new long[0]), null, "delta"));

        assertThat(counts).containsOnlyKeys(TopicFeatures.word(hash("delta")));
    }
}
