package io.newsflow.bench;

import io.newsflow.enrich.clean.CleanText;
import io.newsflow.enrich.clean.FooterTags;
import io.newsflow.enrich.extract.ExtractedPage;
import io.newsflow.enrich.extract.HtmlExtractor;
import io.newsflow.enrich.lang.NgramLanguageDetector;
import io.newsflow.enrich.tag.TermMatcher;
import io.newsflow.enrich.text.Tagged;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.schema.RawArticle;
import io.newsflow.enrich.tag.FoundTag;
import io.newsflow.enrich.tag.Gazetteer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.ahocorasick.trie.Emit;
import org.ahocorasick.trie.Trie;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Throughput of the enrich text steps on one thread, on articles of the reference article's size, with
 * the full bundled gazetteer and topic model; and, in the same run, org.ahocorasick (whole words) over
 * the same dictionary and text as the baseline. {@link #main} runs them all and prints MB/s (UTF-8
 * bytes of input) and articles/s, the ratio to the baseline, and bytes allocated per article.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar [--quick] [BENCHMARK...]</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
public class TextBenchmarks {

    static final int ARTICLES = 256;
    static final long SEED = 20_260_921L;

    private List<String> articles;
    private List<RawArticle> rawArticles;
    private List<String> pages;
    private HtmlExtractor extractor;
    private List<String> cleaned;
    private List<List<String>> footers;
    private TextChain chain;
    private io.newsflow.enrich.clean.NoiseStripper stripper;
    private FooterTags footer;
    private io.newsflow.enrich.tag.Tagger tagger;
    private TermMatcher matcher;
    private TermMatcher.Hits hits;
    private NgramLanguageDetector languages;
    private OptimaizeBaseline optimaize;
    private Trie baseline;
    private int next;

    @Setup
    public void setUp() {
        Gazetteer gazetteer = Gazetteer.bundled();
        articles = SyntheticArticles.generate(ARTICLES, SEED, gazetteer);
        pages = SyntheticPages.wrap(articles, SEED);
        extractor = new HtmlExtractor();
        chain = TextChain.bundled();
        stripper = new io.newsflow.enrich.clean.NoiseStripper(io.newsflow.enrich.clean.NoiseRules.bundled());
        footer = new FooterTags();
        tagger = new io.newsflow.enrich.tag.Tagger(gazetteer);
        rawArticles = new ArrayList<>();
        cleaned = new ArrayList<>();
        footers = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            rawArticles.add(RawArticle.newBuilder().setId("bench-" + i).setSource("bench").setBody(articles.get(i))
                    .setIngestedAt(java.time.Instant.EPOCH).build());
            FooterTags.Result result = footer.extract(stripper.strip(articles.get(i)));
            cleaned.add(result.clean().text());
            footers.add(result.tags());
        }
        matcher = new TermMatcher(gazetteer.entries());
        hits = matcher.newHits();
        languages = new NgramLanguageDetector();
        optimaize = new OptimaizeBaseline();
        List<String> keywords = new ArrayList<>();
        gazetteer.entries().forEach(e -> keywords.addAll(e.aliases()));
        baseline = Trie.builder().onlyWholeWords().addKeywords(keywords).build();
        setUpDedup();
    }

    private int index() {
        int i = next;
        next = (next + 1) % ARTICLES;
        return i;
    }

    private final io.newsflow.enrich.tag.TopicClassifier classifier = io.newsflow.enrich.tag.TopicClassifier.bundled();

    /**
     * The whole text chain, as the topology runs it ({@link TextChain#run}): validate, extract-html (text articles pass),
     * strip-noise, extract-footer, require-content, tag (entities from the gazetteer and the name recogniser, topics), detect-language.
     */
    @Benchmark
    public Tagged cleanAndTag() {
        return chain.run(rawArticles.get(index()));
    }

    /** The trained topic classifier alone, English model (budget: at most 20 us per 3 KB article). */
    @Benchmark
    public Object classifyTopics() {
        return classifier.classify("en", null, cleaned.get(index())).orElse(null);
    }

    /** The MinHash signature the dedup step needs for each article. */
    private final io.newsflow.enrich.tag.NameRecogniser recogniser = io.newsflow.enrich.tag.NameRecogniser.bundled();
    private final io.newsflow.enrich.tag.EntityFinder entities = new io.newsflow.enrich.tag.EntityFinder(
            io.newsflow.enrich.tag.Gazetteer.bundled(), java.util.Optional.of(recogniser));

    /** The name recogniser alone, English model: tokens cut and names found (budget: at most 200 us per 3 KB article). */
    @Benchmark
    public Object recogniseNames() {
        return recogniser.recognise("en", io.newsflow.enrich.tag.NameTokens.cut(cleaned.get(index())));
    }

    /** People, places and organisations of an article: gazetteer, recogniser, short forms, ambiguous names. */
    @Benchmark
    public Object findEntities() {
        return entities.find("en", cleaned.get(index()));
    }

    @Benchmark
    public int[] minHash() {
        return io.newsflow.enrich.dedup.MinHash.signature(cleaned.get(index()));
    }

    /** Band keys of the articles' MinHash signatures, and a band index holding one window of other articles. */
    static final long DEDUP_WINDOW = 100_000;
    private long[][] bandKeys;
    private io.newsflow.enrich.dedup.BandIndex bandIndex;
    private final Map<String, Long> candidates = new java.util.HashMap<>();
    private long dedupClock;

    private void setUpDedup() {
        bandKeys = new long[ARTICLES][];
        for (int i = 0; i < ARTICLES; i++) {
            bandKeys[i] = io.newsflow.enrich.dedup.MinHash.bands(io.newsflow.enrich.dedup.MinHash.signature(cleaned.get(i)));
        }
        bandIndex = new io.newsflow.enrich.dedup.BandIndex(DEDUP_WINDOW);
        for (dedupClock = 0; dedupClock < DEDUP_WINDOW; dedupClock++) {
            bandIndex.add("prefill-" + dedupClock, dedupClock, distinctStory(bandKeys[(int) (dedupClock % ARTICLES)], dedupClock));
        }
    }

    /** The same bands made another story's: keys no earlier article has (the common case: a new story). */
    private static long[] distinctStory(long[] bands, long salt) {
        long[] keys = new long[bands.length];
        long mix = io.newsflow.enrich.clean.WordHashes.mix(salt);
        for (int b = 0; b < keys.length; b++) {
            keys[b] = bands[b] ^ mix;
        }
        return keys;
    }

    /**
     * The dedup step's in-memory work per new story: its 32 band keys looked up in a band index holding a window
     * of about 100,000 other articles (one per ms of a 100 s window), then added. The RocksDB signature read and
     * write are not in it.
     */
    @Benchmark
    public int dedupBands() {
        long time = ++dedupClock;
        long[] keys = distinctStory(bandKeys[index()], time);
        candidates.clear();
        bandIndex.candidates(keys, time - DEDUP_WINDOW, time + DEDUP_WINDOW, candidates);
        bandIndex.add("article-" + time, time, keys);
        return candidates.size();
    }

    /** The extract-html step: a news page of typical size (about 40 KB of HTML) to its main text and metadata. */
    @Benchmark
    public ExtractedPage extractHtml() {
        return extractor.extract(pages.get(index()));
    }

    /** Noise stripping and footer extraction alone. */
    @Benchmark
    public CleanText clean() {
        return footer.extract(stripper.strip(articles.get(index()))).clean();
    }

    /** Tagging alone (entities, role cues, topics, ranking) on clean text. */
    @Benchmark
    public List<FoundTag> tag() {
        int i = index();
        return tagger.tag(cleaned.get(i), footers.get(i));
    }

    /** The gazetteer matcher alone: the part the Aho-Corasick baseline does. */
    @Benchmark
    public int entityMatch() {
        hits.reset();
        matcher.match(articles.get(index()), hits);
        return hits.found();
    }

    /** Baseline: org.ahocorasick, whole words, the same aliases, the same text. */
    @Benchmark
    public int ahoCorasickBaseline() {
        Collection<Emit> emits = baseline.parseText(articles.get(index()));
        return emits.size();
    }

    /** Language detection (newsflow's trigram detector on a bounded sample), measured on its own. */
    @Benchmark
    public Object detectLanguage() {
        return languages.guess(cleaned.get(index())).orElse(null);
    }

    /** The detection it replaced: optimaize language-detector on the first 2,000 characters. */
    @Benchmark
    public Object detectLanguageOptimaize() {
        return optimaize.guess(cleaned.get(index()));
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        List<String> only = List.of(args).stream().filter(a -> !a.startsWith("--")).toList();
        ChainedOptionsBuilder options = new OptionsBuilder().addProfiler(GCProfiler.class);
        if (only.isEmpty()) {
            options.include(TextBenchmarks.class.getName() + "\\.");
        }
        only.forEach(name -> options.include(TextBenchmarks.class.getName() + "\\." + name + "$"));
        if (quick) {
            options.warmupIterations(1).measurementIterations(2);
        }
        Collection<RunResult> results = new Runner(options.build()).run();

        TextBenchmarks sizes = new TextBenchmarks();
        sizes.setUp();
        double bytesPerArticle = sizes.articles.stream().mapToInt(a -> a.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
        double bytesPerPage = sizes.pages.stream().mapToInt(p -> p.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);
        Map<String, double[]> rows = new TreeMap<>();
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            Result<?> primary = result.getPrimaryResult();
            Result<?> alloc = result.getSecondaryResults().get("gc.alloc.rate.norm");
            rows.put(name, new double[] {primary.getScore(), primary.getScoreError(), alloc == null ? Double.NaN : alloc.getScore()});
        }
        double baseline = rows.containsKey("ahoCorasickBaseline") ? rows.get("ahoCorasickBaseline")[0] : Double.NaN;
        System.out.printf(Locale.ROOT, "%nnewsflow text benchmarks: %d synthetic articles of %.0f UTF-8 bytes (seed %d), one thread, %d cores, %s%n",
                ARTICLES, bytesPerArticle, SEED, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.printf(Locale.ROOT, "extractHtml: the same articles in news pages of %.0f bytes of HTML each (MB/s of HTML)%n", bytesPerPage);
        System.out.printf(Locale.ROOT, "%-22s %14s %10s %12s %16s%n", "benchmark", "articles/s", "MB/s", "x baseline", "bytes alloc/op");
        for (Map.Entry<String, double[]> row : rows.entrySet()) {
            double[] v = row.getValue();
            System.out.printf(Locale.ROOT, "%-22s %,9.0f ±%-5.0f %9.1f %11.2fx %16.0f%n", row.getKey(), v[0], v[1],
                    v[0] * (row.getKey().equals("extractHtml") ? bytesPerPage : bytesPerArticle) / 1e6, v[0] / baseline, v[2]);
        }
    }
}
