package io.newsflow.enrich;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The enrich-service version stamped on every EnrichedArticle, from the build. */
final class EnricherVersion {
    private static final String VERSION = load();

    private EnricherVersion() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EnricherVersion.class.getResourceAsStream("/newsflow-enrich.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return "enrich-service/" + props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
