package io.newsflow.training.names;

import io.newsflow.enrich.tag.FoundTag;
import io.newsflow.enrich.tag.Gazetteer;
import io.newsflow.enrich.tag.NameRecogniser;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.tag.TopicClassifier;
import io.newsflow.schema.TagOrigin;
import io.newsflow.schema.TagType;
import io.newsflow.training.names.NameCorpus.Doc;
import io.newsflow.training.names.NameCorpus.Sentence;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Entity tags measured as the project is measured from outside: each document of an evaluation set goes through the
 * {@link Tagger} as enrich runs it (bundled gazetteer, name and topic models, the default cap), and its PERSON, PLACE and
 * ORGANIZATION tags are scored at the document level against the names a human marked ({@link DocScore}); a known
 * entity's tag carries its canonical name, and matches a marked name through any of its gazetteer names ("United States"
 * a marked "USA", "Vienna" a marked "Wien"). Sets: the
 * held-out test documents of the recogniser's training data ({@code heldout-<language>.bio}) and the project's own
 * annotated articles ({@code newsflow-<language>.articles}). Also printed: how often tags are right by origin and by score
 * (what {@link io.newsflow.enrich.tag.EntityFinder#GAZETTEER_PROBABILITY} and the calibration rest on).
 *
 * <pre>EvaluateNames NAMES_DIR [--gazetteer-only] [--errors]</pre>
 * {@code --gazetteer-only}: the same without the name recogniser, as entity tags were made before it; {@code --errors}:
 * also each document's wrong tags and missed names.
 */
public final class EvaluateNames {

    private static final Pattern NO_SPACE_BEFORE = Pattern.compile(" ([.,;:!?)\\]}%]|'s|n't|'re|'ve|'ll|'d|'m)(?= |$)");
    private static final Pattern NO_SPACE_AFTER = Pattern.compile("([(\\[{$]) ");
    private static final List<TagType> TYPES = List.of(TagType.PERSON, TagType.PLACE, TagType.ORGANIZATION);

    /** A document to tag: its language, text and marked names ("TYPE\tname"). */
    record Marked(String id, String language, String text, Set<String> names) {
    }

    /** What one set scored: document level, and the tags by origin and score band. */
    record Result(String set, DocScore score, Map<String, int[]> byOrigin, int[][] byBand) {
    }

    private static boolean errors;

    private EvaluateNames() {
    }

    public static void main(String[] args) throws Exception {
        List<String> flags = List.of(args).subList(Math.min(1, args.length), args.length);
        if (args.length < 1 || !List.of("--gazetteer-only", "--errors").containsAll(flags)) {
            System.err.println("usage: EvaluateNames NAMES_DIR [--gazetteer-only] [--errors]");
            System.exit(64);
        }
        errors = flags.contains("--errors");
        Tagger tagger = flags.contains("--gazetteer-only")
                ? new Tagger(Gazetteer.bundled(), TopicClassifier.bundled(), Optional.empty(), Tagger.DEFAULT_MAX_TAGS)
                : new Tagger(Gazetteer.bundled());
        PrintStream out = System.out;
        out.println("Entity tags at the document level (a tag matches a marked name of its type when the words of one contain"
                + " the other's)");
        DocScore all = new DocScore("all sets");
        Map<String, int[]> origins = new LinkedHashMap<>();
        int[][] bands = new int[10][2];
        for (Path file : sets(Path.of(args[0]))) {
            Result result = evaluate(tagger, file.getFileName().toString(), read(file));
            result.score().print(out);
            result.score().addTo(all);
            result.byOrigin().forEach((k, v) -> add(origins.computeIfAbsent(k, x -> new int[2]), v));
            for (int b = 0; b < bands.length; b++) {
                add(bands[b], result.byBand()[b]);
            }
        }
        all.print(out);
        out.printf(Locale.ROOT, "%nTags right by origin (all sets)%n%-12s %9s %7s%n", "origin", "right", "tags");
        origins.forEach((origin, c) -> out.printf(Locale.ROOT, "%-12s %9.3f %7d%n", origin, c[1] == 0 ? 0 : (double) c[0] / c[1], c[1]));
        out.printf(Locale.ROOT, "%nRecognised names: score against how often right (all sets)%n%-12s %9s %7s%n", "score", "right", "tags");
        for (int b = 0; b < bands.length; b++) {
            if (bands[b][1] > 0) {
                out.printf(Locale.ROOT, "%.1f-%.1f      %9.3f %7d%n", b / 10.0, (b + 1) / 10.0, (double) bands[b][0] / bands[b][1], bands[b][1]);
            }
        }
    }

    private static void add(int[] to, int[] from) {
        to[0] += from[0];
        to[1] += from[1];
    }

    /** The evaluation files of a folder, held-out sets first, each in name order. */
    static List<Path> sets(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (var list = Files.list(dir)) {
            list.filter(p -> p.getFileName().toString().matches("(heldout-[a-z]{2}\\.bio|newsflow-[a-z]{2}\\.articles)"))
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).forEach(files::add);
        }
        return files;
    }

    /** The gazetteer's names of each known entity ("TYPE\tcanonical"), read once for every set. */
    private static final class KnownNames {
        static final Map<String, List<String>> ALIASES = aliases();

        private static Map<String, List<String>> aliases() {
            Map<String, List<String>> aliases = new java.util.HashMap<>();
            for (Gazetteer.Entry entry : Gazetteer.bundled().entries()) {
                aliases.putIfAbsent(entry.type() + "\t" + entry.canonical(), entry.aliases());
            }
            return Map.copyOf(aliases);
        }
    }

    /** Tags every document and scores its entity tags. */
    static Result evaluate(Tagger tagger, String set, List<Marked> docs) {
        DocScore score = new DocScore(set + " (" + docs.size() + " documents)");
        Map<String, List<String>> aliases = KnownNames.ALIASES;
        Map<String, int[]> byOrigin = new LinkedHashMap<>();
        int[][] byBand = new int[10][2];
        for (Marked doc : docs) {
            Set<String> found = new LinkedHashSet<>();
            List<FoundTag> entityTags = new ArrayList<>();
            for (FoundTag tag : tagger.tag(doc.language(), null, doc.text(), List.of())) {
                if (TYPES.contains(tag.type()) && found.add(tag.type() + "\t" + tag.name())) {
                    entityTags.add(tag);
                }
            }
            // a known entity counts as the name it was written with, when that one matches
            Set<String> written = new LinkedHashSet<>();
            for (String f : found) {
                String match = aliases.getOrDefault(f, List.of()).stream().map(a -> f.substring(0, f.indexOf('\t') + 1) + a)
                        .filter(a -> doc.names().stream().anyMatch(m -> DocScore.matches(a, m))).findFirst().orElse(f);
                written.add(match);
            }
            found = written;
            score.add(doc.names(), found);
            if (errors) {
                Set<String> foundNow = found;
                List<String> wrong = entityTags.stream().filter(t -> foundNow.stream().filter(f -> f.startsWith(t.type() + "\t"))
                        .noneMatch(f -> doc.names().stream().anyMatch(m -> DocScore.matches(f, m))
                                && (f.equals(t.type() + "\t" + t.name()) || aliases.getOrDefault(t.type() + "\t" + t.name(), List.of())
                                        .contains(f.substring(f.indexOf('\t') + 1)))))
                        .map(t -> t.type() + "|" + t.name() + "|" + t.origin() + "|" + t.score()).toList();
                List<String> missed = doc.names().stream().filter(m -> foundNow.stream().noneMatch(f -> DocScore.matches(f, m)))
                        .map(m -> m.replace('\t', '|')).toList();
                System.out.println("# " + set + " " + doc.id() + " wrong " + wrong + " missed " + missed);
            }
            for (FoundTag tag : entityTags) {
                String key = tag.type() + "\t" + tag.name();
                List<String> names = new ArrayList<>(aliases.getOrDefault(key, List.of(tag.name())));
                names.add(tag.name());
                boolean right = names.stream().anyMatch(n -> doc.names().stream().anyMatch(m -> DocScore.matches(tag.type() + "\t" + n, m)));
                int[] origin = byOrigin.computeIfAbsent(tag.origin().name(), k -> new int[2]);
                origin[0] += right ? 1 : 0;
                origin[1]++;
                if (tag.origin() == TagOrigin.MODEL) {
                    int band = Math.min(9, (int) Math.floor(tag.score() * 10));
                    byBand[band][0] += right ? 1 : 0;
                    byBand[band][1]++;
                }
            }
        }
        return new Result(set, score, byOrigin, byBand);
    }

    /** The documents of a {@code .bio} or {@code .articles} file; the language is in its name ({@code heldout-en.bio}). */
    static List<Marked> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String language = name.replaceAll("^[a-z]+-([a-z]{2})\\..*$", "$1");
        return name.endsWith(".bio") ? readBio(file, language) : readArticles(file, language);
    }

    private static List<Marked> readBio(Path file, String language) throws IOException {
        List<Marked> docs = new ArrayList<>();
        for (Doc doc : NameCorpus.read(file, language, file.getFileName().toString(), 0, 1, 0)) {
            docs.add(marked(doc));
        }
        return docs;
    }

    /** An annotated document as running text (a sentence a line) and its marked names. */
    static Marked marked(Doc doc) {
        StringBuilder text = new StringBuilder();
        Set<String> names = new LinkedHashSet<>();
        for (Sentence s : doc.sentences()) {
            text.append(detokenize(s.tokens())).append('\n');
            for (int[] span : NameRecogniser.spans(s.tags())) {
                names.add(NameRecogniser.TYPES.get(span[2]) + "\t" + detokenize(s.tokens().subList(span[0], span[1] + 1)));
            }
        }
        return new Marked(doc.id(), doc.language(), text.toString(), names);
    }

    /** Tokens as running text: no space before closing punctuation and clitics, none after an opening bracket. */
    static String detokenize(List<String> tokens) {
        String text = String.join(" ", tokens);
        text = NO_SPACE_BEFORE.matcher(text).replaceAll("$1");
        text = NO_SPACE_BEFORE.matcher(text).replaceAll("$1");
        return NO_SPACE_AFTER.matcher(text).replaceAll("$1");
    }

    /**
     * The project's own annotated articles: {@code === id desk}, the article's lines, then {@code #names: TYPE|name; ...}.
     */
    static List<Marked> readArticles(Path file, String language) throws IOException {
        List<Marked> docs = new ArrayList<>();
        String id = null;
        StringBuilder text = new StringBuilder();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("=== ")) {
                id = line.substring(4).strip();
                text.setLength(0);
            } else if (line.startsWith("#names:") && id != null) {
                Set<String> names = new LinkedHashSet<>();
                for (String entry : line.substring("#names:".length()).split(";")) {
                    String[] parts = entry.strip().split("\\|", 2);
                    if (parts.length == 2 && !parts[1].isBlank()) {
                        names.add(TagType.valueOf(parts[0].strip()) + "\t" + parts[1].strip());
                    }
                }
                docs.add(new Marked(id, language, text.toString(), names));
                id = null;
            } else if (id != null && !line.startsWith("#")) {
                text.append(line).append('\n');
            }
        }
        return docs;
    }
}
