package io.newsflow.enrich.tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Given names ({@value #BUNDLED}: the en, de, fr and es person data of @faker-js/faker 9.9.0, MIT; made by
 * tools/topic-classifier/first-names.mjs). The topic models leave them out (a first name says who, not what); the name
 * recogniser reads "is a first name" as a sign of a person.
 */
public final class FirstNames {

    public static final String BUNDLED = "/first-names.txt";

    private FirstNames() {
    }

    /** The bundled names, one per entry, as written (capitalised). */
    public static List<String> bundled() {
        return Holder.NAMES;
    }

    private static final class Holder {
        static final List<String> NAMES = load();
    }

    private static List<String> load() {
        try (InputStream in = FirstNames.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException(BUNDLED + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
