package io.newsflow.enrich.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The extractor on the golden set (src/test/resources/extract/golden, made by tools/html-golden/generate.py):
 * 43 pages in fifteen shapes of news site, eight languages, each with the body a reader would call the
 * article. Prints precision, recall and F1 per page and overall, and holds a floor under them.
 */
class ExtractionGoldenTest {

    /** Mean token F1 over the set must stay at or above this; each page at or above {@link #PAGE_FLOOR}. */
    private static final double MEAN_FLOOR = 0.97;
    private static final double PAGE_FLOOR = 0.85;

    private static final HtmlExtractor EXTRACTOR = new HtmlExtractor();
    private static final List<Case> CASES = new ArrayList<>();

    record Case(String file, String title, Instant publishedAt, String language, String shape, String html, String expected) {
    }

    @BeforeAll
    static void load() throws IOException {
        for (String row : read("index.tsv").split("\n")) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] cols = row.split("\t", -1);
            CASES.add(new Case(cols[0], cols[1], cols[2].isEmpty() ? null : Instant.parse(cols[2]), cols[3], cols[4], read(cols[0]),
                    read(cols[0].replace(".html", ".txt"))));
        }
    }

    @Test
    void theGoldenSetIsBigAndVariedEnoughToMeanSomething() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(40);
        assertThat(CASES.stream().map(Case::shape).distinct()).hasSizeGreaterThanOrEqualTo(12);
        assertThat(CASES.stream().map(Case::language).distinct()).hasSizeGreaterThanOrEqualTo(6);
    }

    @Test
    void extractsEachPagesArticleTextAboveTheFloor() {
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        List<String> below = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-34s %-14s %6s %6s %6s%n", "page", "shape", "P", "R", "F1"));
        for (Case page : CASES) {
            TextOverlap score = TextOverlap.of(EXTRACTOR.extract(page.html()).body(), page.expected());
            precision += score.precision();
            recall += score.recall();
            f1 += score.f1();
            table.append(String.format("%-34s %-14s %6.3f %6.3f %6.3f%n", page.file(), page.shape(), score.precision(), score.recall(), score.f1()));
            if (score.f1() < PAGE_FLOOR) {
                below.add(page.file() + " F1 " + String.format("%.3f", score.f1()));
            }
        }
        int n = CASES.size();
        table.append(String.format("%-49s %6.3f %6.3f %6.3f%n", "mean of " + n + " pages (token P/R/F1)", precision / n, recall / n, f1 / n));
        System.out.print(table);

        assertThat(below).as("pages under the per-page floor").isEmpty();
        assertThat(f1 / n).isGreaterThanOrEqualTo(MEAN_FLOOR);
    }

    @Test
    void keepsTheArticlesParagraphsInTheirOrderOnePerLine() {
        for (Case page : CASES) {
            List<String> lines = List.of(EXTRACTOR.extract(page.html()).body().split("\n"));
            List<String> expected = List.of(page.expected().strip().split("\n"));
            assertThat(lines).as(page.file()).containsSubsequence(expected);
        }
    }

    @Test
    void readsTitlePublicationTimeAndLanguageFromWhateverThePageDeclares() {
        for (Case page : CASES) {
            ExtractedPage extracted = EXTRACTOR.extract(page.html());
            assertThat(extracted.title()).as(page.file() + " title").isEqualTo(page.title());
            assertThat(extracted.publishedAt()).as(page.file() + " publishedAt").isEqualTo(page.publishedAt());
            assertThat(extracted.language()).as(page.file() + " language").isEqualTo(page.language());
        }
    }

    private static String read(String name) throws IOException {
        try (InputStream in = ExtractionGoldenTest.class.getResourceAsStream("/extract/golden/" + name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name + ": run python3 tools/html-golden/generate.py");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
