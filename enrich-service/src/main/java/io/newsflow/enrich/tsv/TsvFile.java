package io.newsflow.enrich.tsv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tab-separated resources the text steps are configured with (gazetteer, noise catalogue, topic
 * model): blank lines and {@code #} comments skipped, each row numbered for error messages, and a
 * parser that lists every problem at once.
 */
public final class TsvFile {

    /** One data row: where it is ({@code name:line}) and its tab-separated fields. */
    public record Row(String where, String[] fields) {
    }

    /** Turns the rows of one file into a value, adding one message per bad row to {@code problems}. */
    public interface Parser<T> {
        T parse(List<Row> rows, List<String> problems);
    }

    private TsvFile() {
    }

    /** Reads {@code source} (named {@code name} in messages); throws listing every bad row. */
    public static <T> T parse(Reader source, String name, String what, Parser<T> parser) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (!line.isBlank() && !line.stripLeading().startsWith("#")) {
                rows.add(new Row(name + ":" + number, line.split("\t", -1)));
            }
        }
        List<String> problems = new ArrayList<>();
        T value = parser.parse(rows, problems);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid " + what + ": " + String.join("; ", problems));
        }
        return value;
    }

    /** A file a user maintains. */
    public static <T> T load(Path file, String what, Parser<T> parser) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString(), what, parser);
        }
    }

    /** A resource that ships in the jar; its absence is a packaging bug. */
    public static <T> T bundled(String resource, String what, Parser<T> parser) {
        InputStream in = TsvFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("bundled " + what + " " + resource + " is missing from the classpath");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(reader, resource, what, parser);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
