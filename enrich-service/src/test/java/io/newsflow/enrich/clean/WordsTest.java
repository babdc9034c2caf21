package io.newsflow.enrich.clean;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0",
        "one|1",
        "'  two   words '|2",
        "'a - b'|2",
        "'It''s 300,000 people.'|3",
        "'Москва и Киев'|3"})
    void countsWhitespaceSeparatedWords(String text, int expected) {
        assertThat(Words.count(text)).isEqualTo(expected);
    }
}
