package io.newsflow.training.topics;

import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.clean.NoiseRules;
import io.newsflow.enrich.clean.NoiseStripper;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.enrich.lang.NgramLanguageDetector;
import io.newsflow.enrich.tag.FoundTag;
import io.newsflow.enrich.tag.Gazetteer;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.tag.TopicClassifier;
import io.newsflow.enrich.text.RejectedArticle;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.schema.ContentTypes;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.TagType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * The topic evaluation the project owns, printed per set as accuracy of the best topic, coverage, per-label precision and
 * recall and a confusion matrix. Every text goes through {@link TextChain#run}, as in enrich (language detected, then
 * tagged), and the best topic is its first MODEL topic tag. Sets:
 * <ul>
 *   <li>the held-out samples of each language (enrich-service/src/test/resources/topics/heldout-*.tsv), by shape;</li>
 *   <li>the golden corpus (enrich-service/src/test/resources/corpus: any of its TOPIC tags counts as right);</li>
 *   <li>real news pages labelled by hand (tools/topic-eval/*-pages.tsv), read from a git dir of their repository;</li>
 *   <li>SIB-200's test sentences, from train.sh's work folder.</li>
 * </ul>
 * The page sets and the golden corpus were used while designing the tagger, so their figures are optimistic.
 *
 * <pre>EvaluateTopics ROOT [--model FILE.bin.gz] [--pages NAME=GIT_DIR]... [--sib WORK_DIR]</pre>
 */
public final class EvaluateTopics {

    /** A set of real pages: its commit and where a case's page is in its repository. */
    private record PageSet(String commit, String path) {
    }

    private static final java.util.Map<String, PageSet> PAGE_SETS = java.util.Map.of(
            "readability", new PageSet("ab4027a8b37669745016869a37a504727992b2ba", "test/test-pages/%s/source.html"),
            "postlight", new PageSet("e8ba7ece291efa4d915d50dd4deeec17d54359f2", "fixtures/%s.html"));

    private EvaluateTopics() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        TopicClassifier classifier = TopicClassifier.bundled();
        List<String[]> pages = new ArrayList<>();
        Path sib = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--model" -> {
                    try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(args[++i])))) {
                        classifier = TopicClassifier.read(in);
                    }
                }
                case "--pages" -> pages.add(args[++i].split("=", 2));
                case "--sib" -> sib = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        TextChain chain = new TextChain(new HtmlExtractor(), new NoiseStripper(NoiseRules.bundled()), new FooterTags(),
                new Tagger(Gazetteer.bundled(), classifier, Optional.empty(), Tagger.DEFAULT_MAX_TAGS), Optional.of(new NgramLanguageDetector()));

        Path heldOut = root.resolve("enrich-service/src/test/resources/topics");
        for (String language : TrainTopics.LANGUAGES) {
            Path file = heldOut.resolve("heldout-" + language + ".tsv");
            if (!Files.exists(file)) {
                continue;
            }
            java.util.Map<String, Scorecard> byShape = new java.util.TreeMap<>();
            Scorecard all = new Scorecard("held out, " + language + ", every shape");
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t", 5);
                // a headline alone is a feed item's whole text
                FoundTag predicted = best(chain, f[4].isEmpty() ? raw(null, f[3], null) : raw(f[3].isEmpty() ? null : f[3], f[4], null));
                add(all, Set.of(f[0]), predicted);
                add(byShape.computeIfAbsent(f[2], s -> new Scorecard("held out, " + language + ", " + s)), Set.of(f[0]), predicted);
            }
            all.print(System.out);
            byShape.values().forEach(card -> card.print(System.out));
        }

        Scorecard golden = new Scorecard("golden corpus (development set)");
        Path corpus = root.resolve("enrich-service/src/test/resources/corpus");
        for (String name : Files.readAllLines(corpus.resolve("index.txt"))) {
            if (name.isBlank()) {
                continue;
            }
            StringBuilder text = new StringBuilder();
            Set<String> topics = new LinkedHashSet<>();
            for (String line : Files.readAllLines(corpus.resolve(name), StandardCharsets.UTF_8)) {
                if (line.startsWith("#tags:")) {
                    for (String tag : line.substring(6).split(";")) {
                        if (tag.strip().endsWith("|TOPIC")) {
                            topics.add(tag.strip().substring(0, tag.strip().length() - "|TOPIC".length()));
                        }
                    }
                } else if (!line.equals("#crlf")) {
                    text.append(line.startsWith("~") || line.startsWith("^") ? line.substring(1) : line).append('\n');
                }
            }
            if (!topics.isEmpty()) {
                add(golden, topics, best(chain, raw(null, text.toString(), null)));
            }
        }
        golden.print(System.out);

        for (String[] set : pages) {
            PageSet pageSet = PAGE_SETS.get(set[0]);
            Scorecard card = new Scorecard("real pages: " + set[0] + " (development set)");
            for (String line : Files.readAllLines(root.resolve("tools/topic-eval/" + set[0] + "-pages.tsv"), StandardCharsets.UTF_8)) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split("\t");
                Set<String> accepted = new LinkedHashSet<>(List.of(f[1].split("\\|")));
                String html = gitShow(set[1], pageSet.commit() + ":" + String.format(pageSet.path(), f[0]));
                add(card, accepted, best(chain, raw(null, html, ContentTypes.HTML)));
            }
            card.print(System.out);
        }

        if (sib != null) {
            TopicSources sources = new TopicSources(sib, root.resolve("tools/topic-classifier/labels.tsv"));
            for (String file : TopicSources.SIB_LANGUAGES.keySet().stream().sorted().toList()) {
                Scorecard card = new Scorecard("SIB-200 " + file + " (sentences, language given)");
                for (Example e : sources.sib200(file)) {
                    RawArticle article = raw(null, e.body(), null);
                    article.setLanguage(e.language());
                    add(card, Set.of(e.label()), best(chain, article));
                }
                card.print(System.out);
            }
        }
    }

    private static RawArticle raw(String title, String body, String contentType) {
        RawArticle.Builder builder = RawArticle.newBuilder().setId("eval").setSource("eval").setTitle(title).setBody(body)
                .setIngestedAt(Instant.EPOCH);
        if (contentType != null) {
            builder.setContentType(contentType);
        }
        return builder.build();
    }

    /** The first MODEL topic newsflow gives the article, or null. */
    private static FoundTag best(TextChain chain, RawArticle article) {
        try {
            return chain.run(article).tags().stream().filter(t -> t.type() == TagType.TOPIC).findFirst().orElse(null);
        } catch (RejectedArticle e) {
            return null;
        }
    }

    private static void add(Scorecard card, Set<String> accepted, FoundTag best) {
        card.add(accepted, accepted.iterator().next(), best == null ? null : best.name(), best == null ? Double.NaN : best.score());
    }

    private static String gitShow(String gitDir, String object) throws IOException, InterruptedException {
        Path dir = Path.of(gitDir);
        if (Files.isDirectory(dir.resolve(".git"))) {
            dir = dir.resolve(".git");
        }
        Process git = new ProcessBuilder("git", "--git-dir", dir.toString(), "show", object).redirectErrorStream(false).start();
        byte[] bytes = git.getInputStream().readAllBytes();
        if (git.waitFor() != 0) {
            throw new IOException("git show " + object + " failed in " + gitDir);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
