package io.newsflow.enrich.lang;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The language step's accuracy: paragraphs written for newsflow in 20 languages
 * ({@code languages/paragraphs.tsv}) and every English article of the golden corpus.
 */
class LanguageDetectionTest {

    private static final NgramLanguageDetector DETECTOR = new NgramLanguageDetector();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en | Thousands of pensioners marched through the capital on Saturday after the government defended its plans.",
        "de | Tausende Rentner zogen am Samstag durch die Hauptstadt, nachdem die Regierung ihre Pläne verteidigt hatte.",
        "fr | Des milliers de retraités ont défilé samedi dans la capitale après que le gouvernement a défendu ses projets.",
        "es | Miles de jubilados marcharon el sábado por la capital después de que el gobierno defendiera sus planes.",
        "it | Migliaia di pensionati hanno sfilato sabato nella capitale dopo che il governo ha difeso i suoi piani.",
        "ru | Тысячи пенсионеров прошли в субботу по столице после того, как правительство защитило свои планы.",
        "ja | 東京都議会は木曜日、北部にある古い路面電車の車庫を閉鎖することを決めた。住民は長年騒音に苦情を言っていた。",
        "zh | 北京市政府周四宣布关闭城市北部的旧电车车库，居民多年来一直抱怨噪音问题。",
        "ko | 서울시 의회는 목요일 도시 북쪽에 있는 오래된 전차 차고를 폐쇄하기로 결정했다. 주민들은 수년간 소음에 대해 불평해 왔다.",
    })
    void namesTheLanguageOfAParagraph(String expected, String text) {
        assertThat(DETECTOR.guess(text)).contains(expected);
    }

    @Test
    void tooLittleTextIsNoGuess() {
        assertThat(DETECTOR.guess("Advert")).isEmpty();
        assertThat(DETECTOR.guess("")).isEmpty();
        assertThat(DETECTOR.guess(null)).isEmpty();
        assertThat(DETECTOR.guess("12345 67890 !!! ??? 2026-11-26")).isEmpty();
    }

    @Test
    void atLeast99PercentOfParagraphsIn20LanguagesAreRight() throws IOException {
        List<String[]> paragraphs = new ArrayList<>();
        for (String line : resource("/languages/paragraphs.tsv").lines().toList()) {
            if (!line.startsWith("#") && !line.isBlank()) {
                paragraphs.add(line.split("\t", 2));
            }
        }
        Map<String, String> misses = new TreeMap<>();
        for (String[] paragraph : paragraphs) {
            String guessed = DETECTOR.guess(paragraph[1]).orElse("none");
            if (!guessed.equals(paragraph[0])) {
                misses.put(paragraph[0] + ": " + paragraph[1].substring(0, 40), guessed);
            }
        }
        double accuracy = 1.0 - (double) misses.size() / paragraphs.size();
        System.out.printf("language detection: %d paragraphs in %d languages, %.3f right; misses %s%n", paragraphs.size(),
                paragraphs.stream().map(p -> p[0]).distinct().count(), accuracy, misses);

        assertThat(paragraphs.stream().map(p -> p[0]).distinct().count()).isGreaterThanOrEqualTo(15);
        assertThat(accuracy).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void everyEnglishArticleOfTheGoldenCorpusIsEnglish() throws IOException {
        List<String> names = resource("/corpus/index.txt").lines().filter(l -> !l.isBlank()).toList();
        List<String> notEnglish = List.of("27-mayor-anzeige.article", "28-paris-publicite.article");
        int checked = 0;
        for (String name : names) {
            if (notEnglish.contains(name)) {
                continue;
            }
            StringBuilder body = new StringBuilder();
            resource("/corpus/" + name).lines().filter(l -> !l.startsWith("#") && !l.startsWith("~") && !l.startsWith("^"))
                    .forEach(l -> body.append(l).append('\n'));
            assertThat(DETECTOR.guess(body.toString())).as(name).contains("en");
            checked++;
        }
        assertThat(checked).isEqualTo(30);
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = LanguageDetectionTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
