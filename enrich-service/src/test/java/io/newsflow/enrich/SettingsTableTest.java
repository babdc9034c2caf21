package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.runtime.Cli;
import io.newsflow.runtime.Setting;
import io.newsflow.runtime.Settings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The settings are declared once (EnrichConfig.SETTINGS): the flags, the defaults and the docs' table must all agree with it. */
class SettingsTableTest {

    static final String START = "<!-- settings: enrich (made from EnrichConfig.SETTINGS; SettingsTableTest checks it) -->\n";
    static final String END = "<!-- /settings: enrich -->";

    @Test
    void theDocsTableIsTheDeclaredSettings() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"), StandardCharsets.UTF_8);
        String expected = Settings.markdownTable(EnrichConfig.SETTINGS);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("docs/configuration.md has the marker " + START.strip()).isNotNegative();
        assertThat(doc.substring(start + START.length(), end))
                .as("the enrich settings table in docs/configuration.md differs from EnrichConfig.SETTINGS; it should read:%n%s", expected)
                .isEqualTo(expected);
    }

    /**
     * The defaults come from the declarations and nowhere else: the config made from no variables at all is the config
     * made from every variable set to its declared default. A fallback written again in fromEnv that differs from the
     * declaration fails here.
     */
    @Test
    void everyDeclaredDefaultIsTheDefaultInEffect() {
        Map<String, String> declared = new java.util.HashMap<>();
        for (Setting setting : EnrichConfig.SETTINGS) {
            if (setting.defaultValue() != null) {
                declared.put(setting.env(), setting.defaultValue());
            }
        }

        assertThat(EnrichConfig.fromEnv(Map.of())).isEqualTo(EnrichConfig.fromEnv(declared));
        assertThat(declared).as("every setting but the computed ones has a declared default")
                .containsKeys(EnrichConfig.DEDUP_WINDOW, EnrichConfig.ERROR_POLICY, EnrichConfig.STALL_TIMEOUT, EnrichConfig.MAX_ARTICLE_BYTES);
    }

    @Test
    void everySettingWithAFlagIsAnOptionWhoseHelpNamesItsVariableAndDefault() {
        CommandLine cli = Cli.commandLine(new EnrichCommand());
        for (Setting setting : EnrichConfig.SETTINGS) {
            if (setting.flag() == null) {
                continue;
            }
            CommandLine.Model.OptionSpec option = cli.getCommandSpec().findOption(setting.flag());
            assertThat(option).as(setting.flag()).isNotNull();
            if (setting.ownOption()) {
                assertThat(String.join(" ", option.description())).as(setting.flag()).contains("env " + setting.env());
            }
        }
    }

    @Test
    void aFlagWinsOverItsVariableWhichWinsOverTheDeclaredDefault() throws Exception {
        EnrichCommand command = new EnrichCommand();
        Cli.commandLine(command).parseArgs("--input-topic", "from-flag", "--schema-registry-url", "mock://settings");

        EnrichConfig config = command.config(Map.of(EnrichConfig.INPUT_TOPIC, "from-env", EnrichConfig.OUTPUT_TOPIC, "out-from-env"));

        assertThat(config.inputTopic()).isEqualTo("from-flag");
        assertThat(config.outputTopic()).isEqualTo("out-from-env");
        assertThat(config.deadLetterTopic()).isEqualTo(EnrichConfig.SETTINGS.stream()
                .filter(s -> s.env().equals(EnrichConfig.DLQ_TOPIC)).findFirst().orElseThrow().defaultValue());
        assertThat(config.metricsPort()).isEmpty();
    }
}
