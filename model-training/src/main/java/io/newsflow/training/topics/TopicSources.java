package io.newsflow.training.topics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the sources train.sh extracted into a work folder, each text mapped to its IPTC label by labels.tsv (a text whose
 * source label the table does not name is left out).
 */
final class TopicSources {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Languages of the Wikinews (MewsC-16) and SIB-200 files. */
    static final Map<String, String> SIB_LANGUAGES = Map.of("eng_Latn", "en", "deu_Latn", "de", "fra_Latn", "fr", "spa_Latn", "es");
    /** Headlines kept per UCI story cluster: its clusters hold up to hundreds of near-identical headlines of one story. */
    static final int UCI_PER_STORY = 12;

    private final Path work;
    private final Map<String, String> labels = new HashMap<>();

    TopicSources(Path work, Path labelTable) throws IOException {
        this.work = work;
        for (String line : Files.readAllLines(labelTable, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t");
            labels.put(fields[0] + "\t" + fields[1], fields[2]);
        }
    }

    private String label(String source, String sourceLabel) {
        return labels.get(source + "\t" + sourceLabel);
    }

    /** Every training source: UCI, HuffPost (both cuts) and Wikinews in four languages. */
    List<Example> training() throws IOException {
        List<Example> all = new ArrayList<>();
        all.addAll(uci());
        all.addAll(huffpost());
        all.addAll(huffpostBao());
        for (String language : List.of("en", "de", "fr", "es")) {
            all.addAll(wikinews(language));
        }
        return all;
    }

    /** UCI News Aggregator: headlines, at most {@link #UCI_PER_STORY} per story cluster (grouped by it). */
    List<Example> uci() throws IOException {
        List<Example> out = new ArrayList<>();
        Map<String, Integer> perStory = new HashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(work.resolve("uci").resolve("rawData"))) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f.length < 8) {
                    continue;
                }
                String label = label("uci", f[4]);
                if (label == null || perStory.merge(f[5], 1, Integer::sum) > UCI_PER_STORY) {
                    continue;
                }
                out.add(new Example("en", "uci", "headline", f[1], "", label, "uci:" + f[5]));
            }
        }
        return out;
    }

    /** HuffPost News Category Dataset, first 10,000 records: headline and short description. */
    List<Example> huffpost() throws IOException {
        List<Example> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(work.resolve("huffpost").resolve("News_Category_Dataset_v3.json"))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode record = JSON.readTree(line);
                String label = label("huffpost", record.path("category").asText());
                if (label != null) {
                    String headline = record.path("headline").asText();
                    out.add(new Example("en", "huffpost", "headline+description", headline, record.path("short_description").asText(),
                            label, "hp:" + normalised(headline)));
                }
            }
        }
        return out;
    }

    /** The HuffPost selection of Bao et al.: lowercased, tokenised headlines. */
    List<Example> huffpostBao() throws IOException {
        List<Example> out = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(work.resolve("huffpost-bao").resolve("data_huffpost.json"))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode record = JSON.readTree(line);
                String label = label("huffpost-bao", record.path("label").asText());
                if (label != null) {
                    String headline = record.path("raw").asText();
                    out.add(new Example("en", "huffpost-bao", "headline", headline, "", label, "hp:" + normalised(headline)));
                }
            }
        }
        return out;
    }

    /** A headline's words, lowercased, one space between: the two HuffPost cuts write the same headline differently. */
    static String normalised(String headline) {
        return headline.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }

    /** Wikinews (MewsC-16): an article's title run into its first sentence, one per line, its category on the same line of the other file. */
    List<Example> wikinews(String language) throws IOException {
        Path folder = work.resolve("wikinews");
        String prefix = "downstreams_text-clustering_data_mewsc16_" + language;
        List<String> texts = Files.readAllLines(folder.resolve(prefix + "_sentences.txt"), StandardCharsets.UTF_8);
        List<String> categories = Files.readAllLines(folder.resolve(prefix + "_categories.txt"), StandardCharsets.UTF_8);
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < Math.min(texts.size(), categories.size()); i++) {
            String label = label("wikinews", categories.get(i).strip());
            String text = texts.get(i).strip();
            if (label != null && text.length() >= 40) {
                out.add(new Example(language, "wikinews", "lead", null, text, label, "wn:" + language + ":" + text));
            }
        }
        return out;
    }

    /** SIB-200's test sentences in one language (evaluation only). */
    List<Example> sib200(String file) throws IOException {
        String language = SIB_LANGUAGES.get(file);
        List<Example> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(work.resolve("sib200").resolve("data_annotated_" + file + "_test.tsv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", 3);
            String label = f.length == 3 ? label("sib200", f[1]) : null;
            if (label != null) {
                out.add(new Example(language, "sib200", "sentence", null, f[2], label, f[0]));
            }
        }
        return out;
    }
}
