package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.lang.LanguageGuesser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LanguageGuesserTest {

    private static final LanguageGuesser GUESSER = new LanguageGuesser();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en | Thousands of pensioners marched through the capital on Saturday after the government defended its plans.",
        "de | Tausende Rentner zogen am Samstag durch die Hauptstadt, nachdem die Regierung ihre Pläne verteidigt hatte.",
        "fr | Des milliers de retraités ont défilé samedi dans la capitale après que le gouvernement a défendu ses projets.",
        "es | Miles de jubilados marcharon el sábado por la capital después de que el gobierno defendiera sus planes.",
        "it | Migliaia di pensionati hanno sfilato sabato nella capitale dopo che il governo ha difeso i suoi piani.",
        "ru | Тысячи пенсионеров прошли в субботу по столице после того, как правительство защитило свои планы.",
    })
    void guessesTheLanguageOfAParagraph(String expected, String text) {
        assertThat(GUESSER.guess(text)).contains(expected);
    }

    @Test
    void tooLittleTextIsNoGuess() {
        assertThat(GUESSER.guess("Advert")).isEmpty();
        assertThat(GUESSER.guess("")).isEmpty();
        assertThat(GUESSER.guess(null)).isEmpty();
        assertThat(GUESSER.guess("12345 67890 !!! ??? 2026-11-26")).isEmpty();
    }
}
