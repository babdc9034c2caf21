package io.newsflow.runtime;

/**
 * One setting of a service, declared once: its environment variable, its flag (null: environment
 * only, or a flag another option group owns), its default (null: none), what the docs show as the
 * default when that is not the value itself, and what it means. The CLI options, the environment
 * parsing and the settings tables in docs/configuration.md are all made from these ({@link Settings}).
 *
 * @param ownOption false when the flag belongs to a shared option group (the connection options), so
 *                  no option is made for it here
 */
public record Setting(String env, String flag, String defaultValue, String defaultText, String meaning, boolean ownOption) {

    /** A setting with a flag of its own. */
    public static Setting of(String env, String flag, String defaultValue, String meaning) {
        return new Setting(env, flag, defaultValue, null, meaning, flag != null);
    }

    /** The same, with the docs showing {@code defaultText} for a default that is computed at start. */
    public Setting shownAs(String text) {
        return new Setting(env, flag, defaultValue, text, meaning, ownOption);
    }

    /** The same, its flag made by a shared option group. */
    public Setting sharedFlag() {
        return new Setting(env, flag, defaultValue, defaultText, meaning, false);
    }
}
