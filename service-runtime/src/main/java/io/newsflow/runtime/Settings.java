package io.newsflow.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What a list of {@link Setting}s makes: CLI options, the environment with flags laid over it, the docs' table. */
public final class Settings {

    private Settings() {
    }

    /** Adds an option for every setting with a flag of its own; its help says the variable and the default. */
    public static void addOptions(CommandSpec spec, List<Setting> settings) {
        for (Setting setting : settings) {
            if (!setting.ownOption()) {
                continue;
            }
            String shownDefault = setting.defaultText() != null ? setting.defaultText()
                    : setting.defaultValue() != null ? setting.defaultValue() : "none";
            spec.addOption(OptionSpec.builder(setting.flag())
                    .paramLabel(setting.env().replace("NEWSFLOW_", ""))
                    .type(String.class)
                    .description(capitalised(plain(setting.meaning())) + " (env " + setting.env() + "; default " + plain(shownDefault) + ").")
                    .build());
        }
    }

    /** {@code env} with the value of every flag given on the command line laid over its variable: flags win. */
    public static Map<String, String> overlay(CommandSpec spec, List<Setting> settings, Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(env);
        for (Setting setting : settings) {
            if (!setting.ownOption()) {
                continue;
            }
            OptionSpec option = spec.findOption(setting.flag());
            if (option != null && option.getValue() != null) {
                merged.put(setting.env(), option.<String>getValue());
            }
        }
        return merged;
    }

    /** The variable's value, stripped, or the setting's default when it is unset or blank. */
    public static String value(Map<String, String> env, Setting setting) {
        String value = env.get(setting.env());
        return value == null || value.isBlank() ? setting.defaultValue() : value.strip();
    }

    /**
     * The variable's value (or the setting's default) as a whole number from {@code min} to {@code max};
     * otherwise the problem goes to {@code problems} ("expected a whole number >= min" when there is no
     * upper bound) and {@code min} is returned, so that every problem is listed before start-up fails.
     */
    public static int wholeNumber(Map<String, String> env, Setting setting, int min, int max, List<String> problems) {
        String value = value(env, setting);
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        problems.add(setting.env() + "=" + value + ": expected a whole number " + (max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max));
        return min;
    }

    /**
     * The variable's value (or the setting's default) made into a {@code T} by {@code parse}; when it cannot be (parse
     * throws IllegalArgumentException), the problem goes to {@code problems} as {@code VAR=value: expected} and the
     * answer is null, so that every problem is listed before start-up fails and no default is written twice.
     */
    public static <T> T parsed(Map<String, String> env, Setting setting, java.util.function.Function<String, T> parse, String expected,
                               List<String> problems) {
        String value = value(env, setting);
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            problems.add(expected != null ? setting.env() + "=" + value + ": " + expected : setting.env() + ": " + e.getMessage());
            return null;
        }
    }

    /** This machine's host name, fit for an id (anything but letters, digits, '.', '_' and '-' becomes '_'); {@code fallback} if unknown. */
    public static String hostName(String fallback) {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9._-]", "_");
        } catch (java.io.IOException e) {
            return fallback;
        }
    }

    /** The table of these settings in docs/configuration.md, in Markdown. */
    public static String markdownTable(List<Setting> settings) {
        StringBuilder table = new StringBuilder("| variable | flag | default | meaning |\n|---|---|---|---|\n");
        for (Setting setting : settings) {
            String shownDefault = setting.defaultText() != null ? setting.defaultText()
                    : setting.defaultValue() != null ? "`" + setting.defaultValue() + "`" : "";
            table.append("| `").append(setting.env()).append("` | ").append(setting.flag() == null ? "" : "`" + setting.flag() + "`")
                    .append(" | ").append(shownDefault).append(" | ").append(setting.meaning()).append(" |\n");
        }
        return table.toString();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String plain(String markdown) {
        return markdown.replace("`", "");
    }
}
