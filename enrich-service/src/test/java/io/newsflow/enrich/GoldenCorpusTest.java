package io.newsflow.enrich;

import io.newsflow.enrich.text.Tagged;
import io.newsflow.enrich.text.TestArticles;
import io.newsflow.enrich.text.TextChain;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.clean.CleanText;
import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.tag.FoundTag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hand-labelled golden corpus (src/test/resources/corpus, see its README): the cleaner must give
 * the exact clean body of every article, and tag precision and recall must each reach 0.9. Prints the
 * figures, with every missed and every extra tag, so a change that moves them shows where.
 */
class GoldenCorpusTest {

    private static final Logger LOG = LoggerFactory.getLogger(GoldenCorpusTest.class);
    private static final double TAG_FLOOR = 0.9;
    private static final TextChain CHAIN = TextChain.bundled();
    private static final List<Article> CORPUS = new ArrayList<>();

    /** One labelled article: its raw text, expected clean body, noise line count and expected tags ("Name|TYPE"). */
    private record Article(String name, String raw, String expectedBody, List<String> rawLines, Set<Integer> noiseLines,
                           Set<String> expectedTags) {
    }

    @BeforeAll
    static void load() throws IOException {
        String index;
        try (InputStream in = GoldenCorpusTest.class.getResourceAsStream("/corpus/index.txt")) {
            index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String name : index.lines().filter(l -> !l.isBlank()).toList()) {
            try (InputStream in = GoldenCorpusTest.class.getResourceAsStream("/corpus/" + name)) {
                CORPUS.add(parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
    }

    private static Article parse(String name, String source) {
        String eol = source.lines().anyMatch(l -> l.equals("#crlf")) ? "\r\n" : "\n";
        StringBuilder raw = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        List<String> rawLines = new ArrayList<>();
        Set<Integer> noise = new HashSet<>();
        Set<String> tags = new TreeSet<>();
        for (String line : source.lines().toList()) {
            if (line.equals("#crlf")) {
                continue;
            }
            if (line.startsWith("#tags:")) {
                for (String tag : line.substring("#tags:".length()).split(";")) {
                    tags.add(tag.strip());
                }
                continue;
            }
            String content = line.startsWith("~") || line.startsWith("^") ? line.substring(1) : line;
            if (line.startsWith("~")) {
                noise.add(rawLines.size());
            } else if (!line.startsWith("^")) {
                expected.append(content).append(eol);
            }
            rawLines.add(content);
            raw.append(content).append(eol);
        }
        return new Article(name, raw.toString(), expected.toString(), rawLines, noise, tags);
    }

    private record Result(CleanText clean, List<FoundTag> tags) {
    }

    private static Result run(Article article) {
        Tagged tagged = CHAIN.run(TestArticles.text(article.raw()));
        return new Result(tagged.cleaned().clean(), tagged.tags());
    }

    @Test
    void theCorpusHasAtLeastThirtyLabelledArticles() {
        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(30);
        assertThat(CORPUS).allSatisfy(a -> {
            assertThat(a.noiseLines()).as(a.name() + " has noise").isNotEmpty();
            assertThat(a.expectedTags()).as(a.name() + " has tags").isNotEmpty();
        });
    }

    @Test
    void everyCleanBodyIsExact() {
        for (Article article : CORPUS) {
            assertThat(run(article).clean().text()).as(article.name()).isEqualTo(article.expectedBody());
        }
    }

    @Test
    void noiseAndTagPrecisionAndRecallReachTheirFloors() {
        int noiseTruePositive = 0;
        int noisePredicted = 0;
        int noiseExpected = 0;
        int tagTruePositive = 0;
        int tagPredicted = 0;
        int tagExpected = 0;
        List<String> misses = new ArrayList<>();
        for (Article article : CORPUS) {
            Result result = run(article);
            Set<Integer> removed = removedLines(article.rawLines(), result.clean().text());
            removed.remove(article.rawLines().size() - 1); // the footer line: scored as tags, not as noise
            noisePredicted += removed.size();
            noiseExpected += article.noiseLines().size();
            noiseTruePositive += (int) removed.stream().filter(article.noiseLines()::contains).count();

            Set<String> predicted = result.tags().stream().map(t -> t.name() + "|" + t.type()).collect(Collectors.toCollection(TreeSet::new));
            Set<String> hit = new TreeSet<>(predicted);
            hit.retainAll(article.expectedTags());
            tagPredicted += predicted.size();
            tagExpected += article.expectedTags().size();
            tagTruePositive += hit.size();
            Set<String> extra = new TreeSet<>(predicted);
            extra.removeAll(article.expectedTags());
            Set<String> missed = new TreeSet<>(article.expectedTags());
            missed.removeAll(predicted);
            if (!extra.isEmpty() || !missed.isEmpty()) {
                misses.add(article.name() + ": extra " + extra + ", missed " + missed);
            }
        }
        double noisePrecision = ratio(noiseTruePositive, noisePredicted);
        double noiseRecall = ratio(noiseTruePositive, noiseExpected);
        double tagPrecision = ratio(tagTruePositive, tagPredicted);
        double tagRecall = ratio(tagTruePositive, tagExpected);
        LOG.info(String.format("golden corpus, %d articles: noise precision %.3f recall %.3f (%d lines); "
                        + "tag precision %.3f recall %.3f (%d expected, %d predicted)",
                CORPUS.size(), noisePrecision, noiseRecall, noiseExpected, tagPrecision, tagRecall, tagExpected, tagPredicted));
        misses.forEach(m -> LOG.info("golden corpus {}", m));

        assertThat(noisePrecision).as("noise precision").isEqualTo(1.0);
        assertThat(noiseRecall).as("noise recall").isEqualTo(1.0);
        assertThat(tagPrecision).as("tag precision").isGreaterThanOrEqualTo(TAG_FLOOR);
        assertThat(tagRecall).as("tag recall").isGreaterThanOrEqualTo(TAG_FLOOR);
    }

    /** Raw line numbers missing from the clean text (kept lines keep their order and bytes). */
    private static Set<Integer> removedLines(List<String> rawLines, String clean) {
        List<String> kept = clean.lines().toList();
        Set<Integer> removed = new HashSet<>();
        int k = 0;
        for (int i = 0; i < rawLines.size(); i++) {
            if (k < kept.size() && kept.get(k).equals(rawLines.get(i))) {
                k++;
            } else {
                removed.add(i);
            }
        }
        return removed;
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 1.0 : (double) part / whole;
    }
}
