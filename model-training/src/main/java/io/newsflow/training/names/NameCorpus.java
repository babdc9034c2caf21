package io.newsflow.training.names;

import io.newsflow.enrich.tag.NameRecogniser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Annotated documents: sentences of tokens with a tag index each (O, B-X, I-X in {@link NameRecogniser#TYPES}' order). */
final class NameCorpus {

    record Sentence(List<String> tokens, int[] tags) {
    }

    record Doc(String language, String source, String id, List<Sentence> sentences) {
    }

    private static final Map<String, Integer> TYPE = Map.of("PER", 0, "LOC", 1, "ORG", 2);

    private NameCorpus() {
    }

    /**
     * Reads a CoNLL-style file: a token and its tag per line (the tag in column {@code tagColumn}, columns split on tabs
     * or spaces), a blank line between sentences, "-DOCSTART-" between documents; every {@code sentencesPerDoc} sentences
     * also make a document where the file has no marks (0: never). IOB1 and IOB2 alike; PER, LOC and ORG kept, any other
     * type (MISC, OTH, derived forms) read as O.
     */
    static List<Doc> read(Path file, String language, String source, int tokenColumn, int tagColumn, int sentencesPerDoc)
            throws IOException {
        List<Doc> docs = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String stripped = line.strip();
            if (stripped.startsWith("#")) {
                continue;
            }
            if (stripped.isEmpty() || stripped.startsWith("-DOCSTART-")) {
                if (!tokens.isEmpty()) {
                    sentences.add(new Sentence(List.copyOf(tokens), tags(tags)));
                    tokens.clear();
                    tags.clear();
                }
                boolean docEnds = stripped.startsWith("-DOCSTART-") || (sentencesPerDoc > 0 && sentences.size() >= sentencesPerDoc);
                if (docEnds && !sentences.isEmpty()) {
                    docs.add(new Doc(language, source, source + "-" + docs.size(), List.copyOf(sentences)));
                    sentences.clear();
                }
                continue;
            }
            String[] cols = stripped.split("[\t ]+");
            if (cols.length <= Math.max(tokenColumn, tagColumn)) {
                continue;
            }
            tokens.add(cols[tokenColumn]);
            tags.add(cols[tagColumn]);
        }
        if (!tokens.isEmpty()) {
            sentences.add(new Sentence(List.copyOf(tokens), tags(tags)));
        }
        if (!sentences.isEmpty()) {
            docs.add(new Doc(language, source, source + "-" + docs.size(), List.copyOf(sentences)));
        }
        return docs;
    }

    /**
     * A run of text without sentence marks (Europeana's newspaper pages) cut into sentences after ".", "!" or "?", and
     * into documents every {@code sentencesPerDoc} sentences.
     */
    static List<Doc> readUnsplit(Path file, String language, String source, int sentencesPerDoc) throws IOException {
        List<Doc> docs = new ArrayList<>();
        List<Sentence> sentences = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cols = line.strip().split("[\t ]+");
            if (cols.length < 2 || cols[0].startsWith("#")) {
                continue;
            }
            String tag = cols[cols.length - 1];
            if (!tag.matches("O|[BI]-[A-Z]+")) {
                tag = "O"; // the few broken tags of the source
            }
            tokens.add(cols[0]);
            tags.add(tag);
            if (cols[0].equals(".") || cols[0].equals("!") || cols[0].equals("?") || tokens.size() >= 60) {
                sentences.add(new Sentence(List.copyOf(tokens), tags(tags)));
                tokens.clear();
                tags.clear();
                if (sentences.size() >= sentencesPerDoc) {
                    docs.add(new Doc(language, source, source + "-" + docs.size(), List.copyOf(sentences)));
                    sentences.clear();
                }
            }
        }
        if (!tokens.isEmpty()) {
            sentences.add(new Sentence(List.copyOf(tokens), tags(tags)));
        }
        if (!sentences.isEmpty()) {
            docs.add(new Doc(language, source, source + "-" + docs.size(), List.copyOf(sentences)));
        }
        return docs;
    }

    /** Tag indexes for tag names, IOB1 made IOB2 (an I- that starts a name is a B-). */
    static int[] tags(List<String> names) {
        int[] tags = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Integer type = name.length() > 2 && (name.startsWith("B-") || name.startsWith("I-")) ? TYPE.get(name.substring(2)) : null;
            if (type == null) {
                tags[i] = NameRecogniser.O;
                continue;
            }
            boolean begins = name.startsWith("B-") || i == 0 || tags[i - 1] == NameRecogniser.O || (tags[i - 1] + 1) / 2 != type + 1;
            tags[i] = 1 + 2 * type + (begins ? 0 : 1);
        }
        return tags;
    }

    /** Writes documents as read by {@link #read} with the tag in column 1. */
    static void write(List<Doc> docs, Path file, String header) throws IOException {
        StringBuilder out = new StringBuilder(header);
        String[] names = {"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"};
        for (Doc doc : docs) {
            out.append("-DOCSTART-\tO\n\n");
            for (Sentence sentence : doc.sentences()) {
                for (int i = 0; i < sentence.tokens().size(); i++) {
                    out.append(sentence.tokens().get(i)).append('\t').append(names[sentence.tags()[i]]).append('\n');
                }
                out.append('\n');
            }
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, out, StandardCharsets.UTF_8);
    }
}
