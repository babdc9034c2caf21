package io.newsflow.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.ingest.ArticleSources;
import io.newsflow.ingest.Ingester;
import io.newsflow.ingest.InputFormat;
import io.newsflow.schema.ArticleSize;
import io.newsflow.enrich.dedup.MinHash;
import io.newsflow.enrich.step.Fingerprint;
import io.newsflow.enrich.step.TagEvents;
import io.newsflow.enrich.step.ToEnrichedArticle;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.schema.EnrichedArticle;
import io.newsflow.schema.RawArticle;
import io.newsflow.serde.KafkaAvroSerializer;
import io.newsflow.cli.DownstreamReader;
import io.newsflow.cli.JavaChild;
import io.newsflow.cli.SeedShapedArticles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The pipeline benchmark, one run on one cluster, each figure next to its yardstick (measured twice,
 * see {@link #measure}):
 * <ol>
 *   <li>ingest: the real ingest path (JSON Lines parsed, RawArticle, Avro, registry) against a plain
 *       producer sending the same lines as bytes with the same settings;</li>
 *   <li>enrich: the real topology and serdes, as {@code newsflow enrich} in a child process, against a
 *       pass-through Kafka Streams app with the same settings and guarantee, each draining the same
 *       backlog; records/s from the application's first commit on its input to the last output record;</li>
 *   <li>latency: ingest send to enriched record readable under read_committed, at a fixed rate;</li>
 *   <li>the enrich process's peak RSS and peak heap;</li>
 *   <li>the dedup step alone: the ceiling of its one partition ({@link #dedupStep}).</li>
 * </ol>
 */
public final class Bench {

    /** What to run. */
    public record Plan(int articles, int latencyRate, Duration latencyDuration, String enrichHeap, int partitions,
                       int enrichThreads, int enrichInstances) {
    }

    /** What came out; rates in records/s, latencies in ms, sizes in bytes. */
    public record Report(int articles, double articleBytes, double plainProducer, double ingest, double passThrough, double enrich,
                         int latencySamples, double p50, double p95, double p99, long enrichPeakRss, long enrichPeakHeap,
                         String enrichHeap, int latencyRate, long latencySeconds, int instances, int threads, double dedupStep,
                         double coldPlainProducer, double coldIngest) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern GC_LINE = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Plan plan;
    private final ClientSettings settings;
    private final Path dir;
    private final PrintWriter progress;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    public Bench(Plan plan, ClientSettings settings, Path dir, PrintWriter progress) {
        this.plan = plan;
        this.settings = settings;
        this.dir = dir;
        this.progress = progress;
    }

    private String topic(String name) {
        return "bench-" + run + "." + name;
    }

    public Report run() throws Exception {
        List<String> topics = List.of(topic("plain"), topic("raw"), topic("passthrough"), topic("passthrough-2"), topic("enriched"),
                topic("enriched-2"), topic("dlq"), topic("warm-up"));
        createTopics(topics);
        try {
            return measure();
        } finally {
            deleteTopics(topics);
        }
    }

    /**
     * Each comparison runs as A B B A (yardstick, newsflow, newsflow, yardstick) and reports the mean of
     * each side: on a small machine the second of two back-to-back runs pays for the first one's disk
     * writes, so a fixed order would favour one side.
     */
    private Report measure() throws Exception {
        List<String> lines = articles(plan.articles(), 7, "bench-");
        Path jsonl = dir.resolve("articles.jsonl");
        Files.write(jsonl, lines, StandardCharsets.UTF_8);
        // the second ingest run publishes other articles under other ids: the same ids again would be
        // re-deliveries, which the dedup step (rightly) does not emit a second time
        Path jsonl2 = dir.resolve("articles-2.jsonl");
        Files.write(jsonl2, articles(plan.articles(), 8, "bench2-"), StandardCharsets.UTF_8);
        double articleBytes = lines.stream().mapToInt(l -> l.getBytes(StandardCharsets.UTF_8).length).average().orElse(0);

        // one untimed round of each first, to their own topic: the timed rounds then compare code the JIT has compiled,
        // not how fast each warms up (a one-shot `newsflow ingest` of a small file runs cold; see docs/benchmarks.md)
        say("warming up: plain producer and ingest path, %,d articles each, untimed", lines.size());
        double coldPlain = plainProducer(lines, topic("warm-up"));
        double coldIngest = ingestPath(jsonl, topic("warm-up"));
        say("publishing %,d articles: plain producer, ingest path, ingest path, plain producer", lines.size());
        double plain = plainProducer(lines, topic("plain"));
        double ingest = ingestPath(jsonl, topic("raw"));
        ingest = (ingest + ingestPath(jsonl2, topic("raw"))) / 2;
        plain = (plain + plainProducer(lines, topic("plain"))) / 2;
        int backlog = 2 * lines.size();

        double passRate = passThrough(topic("passthrough"), "1", backlog);
        List<JavaChild> first = startEnrich(topic("enriched"), "1");
        double enrichRate;
        long rss;
        try {
            enrichRate = drainRate(topic("enriched"), backlog, "enrich", "bench-enrich-" + run + "-1", topic("raw"));
            rss = first.get(0).peakRssBytes();
        } finally {
            stop(first, "1");
        }
        List<JavaChild> second = startEnrich(topic("enriched-2"), "2");
        double[] latency;
        try {
            enrichRate = (enrichRate + drainRate(topic("enriched-2"), backlog, "enrich", "bench-enrich-" + run + "-2", topic("raw"))) / 2;
            say("latency at %,d articles/s for %d s", plan.latencyRate(), plan.latencyDuration().toSeconds());
            latency = latency(topic("enriched-2"));
            rss = Math.max(rss, second.get(0).peakRssBytes());
        } finally {
            stop(second, "2");
        }
        passRate = (passRate + passThrough(topic("passthrough-2"), "2", backlog)) / 2;
        double dedupStep = dedupStep(plan.articles());
        long heap = Math.max(peakHeap(dir.resolve("enrich-1-0-gc.log")), peakHeap(dir.resolve("enrich-2-0-gc.log")));
        return new Report(lines.size(), articleBytes, plain, ingest, passRate, enrichRate, (int) latency[3], latency[0], latency[1], latency[2],
                rss, heap, plan.enrichHeap(), plan.latencyRate(), plan.latencyDuration().toSeconds(), plan.enrichInstances(),
                plan.enrichThreads(), dedupStep, coldPlain, coldIngest);
    }

    /**
     * The dedup step alone, the one part of enrich that runs on one partition: that partition (the dedup hop's topic,
     * created here as Kafka Streams would) filled beforehand with {@code count} articles as the text steps leave them
     * (enriched by the real text chain, encoded, their signatures in the header), then drained by an enrich process
     * with no raw input. Its rate is the most articles a second any number of instances can deduplicate.
     */
    private double dedupStep(int count) throws Exception {
        String application = "bench-dedup-" + run;
        String hop = application + "-dedup-repartition";
        say("dedup step alone: enriching and encoding %,d articles into %s", count, hop);
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            admin.createTopics(List.of(new NewTopic(hop, 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                    TopicConfig.CLEANUP_POLICY_DELETE, TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    String.valueOf(ArticleSize.topicMaxMessageBytes(ArticleSize.DEFAULT_MAX_BYTES)))))).all().get(60, TimeUnit.SECONDS);
        }
        createTopics(List.of(topic("dedup-raw"), topic("dedup-out")));
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(settings.serdeConfig(), false);
        TextChain chain = TextChain.bundled();
        ToEnrichedArticle toArticle = new ToEnrichedArticle(Clock.systemUTC(), "bench");
        SeedShapedArticles generator = new SeedShapedArticles(13);
        boolean trending = EnrichConfig.fromEnv(System.getenv()).trending().topic().isPresent();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.articleProducerProperties(ArticleSize.DEFAULT_MAX_BYTES),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                String id = String.format(java.util.Locale.ROOT, "dedup-%07d", i);
                EnrichedArticle article = toArticle.apply(chain.run(RawArticle.newBuilder().setId(id).setSource("bench")
                        .setBody(generator.next()).setIngestedAt(Instant.now()).build()));
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(hop, 0, null, id, avro.serialize(topic("dedup-out"), article));
                record.headers().add(Fingerprint.HEADER, MinHash.toBytes(MinHash.signature(article.getBody())));
                if (trending) {
                    TagEvents.write(article, record.headers()); // as carry-tags leaves them: the dedup step's trending work too
                }
                producer.send(record);
            }
            producer.flush();
        }
        say("dedup step alone: draining %s", hop);
        JavaChild enrich = JavaChild.enrich(plan.enrichHeap(), List.of("--bootstrap-servers", settings.bootstrapServers(),
                "--schema-registry-url", settings.schemaRegistryUrl(), "--input-topic", topic("dedup-raw"), "--output-topic", topic("dedup-out"),
                "--dlq-topic", topic("dlq"), "--application-id", application, "--state-dir", dir.resolve("dedup-state").toString()),
                dir.resolve("enrich-dedup-0.log"), "-Xlog:gc:file=" + dir.resolve("enrich-dedup-0-gc.log"));
        enrich.start();
        try {
            return drainRate(topic("dedup-out"), count, "dedup step", application, hop);
        } finally {
            enrich.stop();
            for (String line : problems(dir.resolve("enrich-dedup-0.log"), 10)) {
                say("enrich-dedup-0.log: %s", line);
            }
            deleteTopics(List.of(topic("dedup-raw"), topic("dedup-out"), hop));
        }
    }

    private double passThrough(String output, String tag, int backlog) throws Exception {
        say("pass-through draining %,d records", backlog);
        JavaChild passThrough = new JavaChild(List.of("-Xmx" + plan.enrichHeap(), JavaChild.ENRICH_GC), PassThrough.class.getName(), List.of(
                "KAFKA_BOOTSTRAP_SERVERS=" + settings.bootstrapServers(), "SCHEMA_REGISTRY_URL=" + settings.schemaRegistryUrl(),
                "NEWSFLOW_INPUT_TOPIC=" + topic("raw"), "NEWSFLOW_OUTPUT_TOPIC=" + output,
                "NEWSFLOW_DLQ_TOPIC=" + topic("dlq"), "NEWSFLOW_APPLICATION_ID=bench-passthrough-" + run + "-" + tag,
                "NEWSFLOW_STATE_DIR=" + dir.resolve("passthrough-state-" + tag)), dir.resolve("passthrough-" + tag + ".log"));
        passThrough.start();
        try {
            return drainRate(output, backlog, "pass-through", "bench-passthrough-" + run + "-" + tag, topic("raw"));
        } finally {
            passThrough.stop();
        }
    }

    /** The enrich processes of one run (each with its GC log), started. */
    private List<JavaChild> startEnrich(String output, String tag) throws IOException {
        say("enrich draining into %s", output);
        List<JavaChild> instances = new ArrayList<>();
        for (int i = 0; i < plan.enrichInstances(); i++) {
            JavaChild enrich = JavaChild.enrich(plan.enrichHeap(), List.of("--bootstrap-servers", settings.bootstrapServers(),
                    "--schema-registry-url", settings.schemaRegistryUrl(), "--input-topic", topic("raw"), "--output-topic", output,
                    "--dlq-topic", topic("dlq"), "--application-id", "bench-enrich-" + run + "-" + tag,
                    "--threads", String.valueOf(plan.enrichThreads()), "--state-dir", dir.resolve("enrich-state-" + tag + "-" + i).toString()),
                    dir.resolve("enrich-" + tag + "-" + i + ".log"), "-Xlog:gc:file=" + dir.resolve("enrich-" + tag + "-" + i + "-gc.log"));
            enrich.start();
            instances.add(enrich);
        }
        return instances;
    }

    private void stop(List<JavaChild> instances, String tag) throws IOException, InterruptedException {
        for (JavaChild enrich : instances) {
            enrich.stop();
        }
        reportProblems(tag);
    }

    /**
     * The warnings and errors an enrich run logged (a stream thread replaced, a transaction aborted...), so a run
     * that had one says so: the benchmark's folder, logs and all, is deleted when it ends.
     */
    private void reportProblems(String tag) throws IOException {
        for (int i = 0; i < plan.enrichInstances(); i++) {
            Path log = dir.resolve("enrich-" + tag + "-" + i + ".log");
            for (String line : problems(log, 10)) {
                say("%s: %s", log.getFileName(), line);
            }
        }
    }

    /** The WARN and ERROR lines of a child's log, at most {@code max} of them and then how many more; none if there is no log. */
    static List<String> problems(Path log, int max) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        List<String> problems = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ")).toList();
        if (problems.size() <= max) {
            return problems;
        }
        List<String> shown = new ArrayList<>(problems.subList(0, max));
        shown.add("and " + (problems.size() - max) + " more warnings or errors");
        return shown;
    }

    private List<String> articles(int count, long seed, String prefix) throws IOException {
        SeedShapedArticles generator = new SeedShapedArticles(seed);
        List<String> lines = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            String id = String.format("%s%07d", prefix, i);
            lines.add(JSON.writeValueAsString(Map.of("id", id, "url", "https://bench.example/" + id, "title", "Article " + i,
                    "source", "bench", "body", generator.next())));
        }
        return lines;
    }

    /** The yardstick for ingest: the same JSON lines as bytes, keyed by id, the same producer settings. */
    private double plainProducer(List<String> lines, String topic) {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(settings.articleProducerProperties(ArticleSize.DEFAULT_MAX_BYTES),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            int i = 0;
            for (String line : lines) {
                byte[] key = String.format("bench-%07d", ++i).getBytes(StandardCharsets.UTF_8);
                producer.send(new ProducerRecord<>(topic, key, line.getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
            return lines.size() / ((System.nanoTime() - start) / 1e9);
        }
    }

    private double ingestPath(Path jsonl, String topic) throws Exception {
        try (Ingester ingester = new Ingester(settings, topic, Duration.ofSeconds(30), new java.io.PrintWriter(java.io.Writer.nullWriter()))) {
            int limit = ingester.checkReachable(ArticleSize.DEFAULT_MAX_BYTES);
            ingester.open(limit); // the producer is made before the clock starts, as the plain producer's is
            long start = System.nanoTime();
            Ingester.Result result = ingester.ingest(List.of(jsonl.toString()), new ByteArrayInputStream(new byte[0]),
                    new ArticleSources(InputFormat.AUTO, null, limit, Clock.systemUTC()));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (result.fatal() != null || result.published() != plan.articles()) {
                throw new IOException("ingest published " + result.published() + " of " + plan.articles() + ": " + result.fatal());
            }
            return result.published() / seconds;
        }
    }

    /**
     * Records/s of an application draining a backlog: {@code count} output records, read as a downstream consumer would,
     * over the time from the application's first commit of an offset on {@code input} (its first transaction: it has
     * started working) to the last output record. Not from the first output record: enrich may work through much of
     * its input before the dedup step's first output, and a clock started there would measure only the end of the run.
     */
    private double drainRate(String topic, int count, String what, String group, String input) throws IOException {
        try (KafkaConsumer<byte[], byte[]> consumer = DownstreamReader.open(settings.kafkaProperties(), true, topic);
             FirstCommit started = new FirstCommit(settings.kafkaProperties(), group, input)) {
            long first = 0;
            long last = 0;
            int seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(20);
            long nextSay = System.nanoTime();
            while (seen < count) {
                if (System.nanoTime() > deadline) {
                    throw new IOException(what + " wrote " + seen + " of " + count + " records within 20 minutes; see " + dir);
                }
                for (ConsumerRecord<byte[], byte[]> ignored : consumer.poll(Duration.ofMillis(100))) {
                    last = System.nanoTime();
                    first = seen++ == 0 ? last : first;
                }
                if (System.nanoTime() >= nextSay) {
                    say("%s: %,d of %,d out", what, seen, count);
                    nextSay = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                }
            }
            if (started.at().isEmpty()) {
                say("%s: no commit on %s seen before the last record out; timed from the first record out", what, input);
            }
            long start = Math.min(first, started.at().orElse(first));
            say("%s: first offset committed %.1f s before the first record out", what, (first - start) / 1e9);
            return count / ((last - start) / 1e9);
        }
    }

    /** p50, p95, p99 (ms) and the sample count of ingest send to enriched readable, at the plan's rate. */
    private double[] latency(String enrichedTopic) throws Exception {
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Double> millis = new ArrayList<>();
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(settings.serdeConfig(), false);
        SeedShapedArticles generator = new SeedShapedArticles(11);
        int total = (int) (plan.latencyRate() * plan.latencyDuration().toSeconds());
        try (KafkaConsumer<byte[], byte[]> consumer = DownstreamReader.open(settings.kafkaProperties(), false, enrichedTopic);
             KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings.articleProducerProperties(ArticleSize.DEFAULT_MAX_BYTES),
                     new StringSerializer(), new ByteArraySerializer())) {
            Thread sender = new Thread(() -> {
                long start = System.nanoTime();
                for (int i = 0; i < total; i++) {
                    long due = start + (long) (i * 1e9 / plan.latencyRate());
                    long wait = due - System.nanoTime();
                    if (wait > 1_000_000) {
                        try {
                            Thread.sleep(wait / 1_000_000);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    String id = "latency-" + i;
                    byte[] value = avro.serialize(topic("raw"), RawArticle.newBuilder().setId(id).setSource("bench")
                            .setBody(generator.next()).setIngestedAt(Instant.now()).build());
                    sent.put(id, System.nanoTime());
                    producer.send(new ProducerRecord<>(topic("raw"), id, value));
                }
                producer.flush();
            }, "bench-latency-sender");
            sender.start();
            long deadline = System.nanoTime() + plan.latencyDuration().toNanos() + TimeUnit.SECONDS.toNanos(60);
            long nextSay = System.nanoTime();
            while (millis.size() < total && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(20))) {
                    long now = System.nanoTime();
                    Long at = sent.get(new String(record.key(), StandardCharsets.UTF_8));
                    if (at != null) {
                        millis.add((now - at) / 1e6);
                    }
                }
                if (System.nanoTime() >= nextSay) {
                    say("latency: %,d of %,d out", millis.size(), total);
                    nextSay = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                }
            }
            sender.join();
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new double[] {percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted.length};
    }

    private static double percentile(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)];
    }

    /** The most heap in use before any collection, from the enrich child's GC log (bytes), or -1. */
    private static long peakHeap(Path gcLog) {
        try {
            long peak = -1;
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_LINE.matcher(line);
                if (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)) << 20);
                }
            }
            return peak;
        } catch (IOException e) {
            return -1;
        }
    }

    private void createTopics(List<String> names) throws Exception {
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            Map<String, String> configs = Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                    String.valueOf(ArticleSize.topicMaxMessageBytes(ArticleSize.DEFAULT_MAX_BYTES)));
            admin.createTopics(names.stream().map(name -> new NewTopic(name, java.util.Optional.of(name.endsWith(".dlq") ? 1 : plan.partitions()),
                    java.util.Optional.empty()).configs(configs)).toList()).all().get(60, TimeUnit.SECONDS);
        }
    }

    private void deleteTopics(List<String> names) {
        try (Admin admin = Admin.create(settings.kafkaProperties())) {
            admin.deleteTopics(names).all().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            say("could not delete the benchmark's topics %s: %s", names, e.getMessage());
        }
    }

    private void say(String format, Object... args) {
        progress.printf("bench: " + format + "%n", args);
        progress.flush();
    }

    public static String table(Report r, String where) {
        return String.format(java.util.Locale.ROOT, """
                newsflow bench: %,d seed-shaped articles (%,.0f bytes as JSON), %s, %d cores, %s %s
                | what | records/s | ratio |
                |---|---|---|
                | plain producer (the same JSON lines as bytes, same settings), after a warm-up round | %,.0f | |
                | newsflow ingest path (JSON Lines, RawArticle, Avro, registry), after a warm-up round | %,.0f | %.2fx |
                | the same two, their warm-up rounds (the first in this JVM: the JIT still compiling) | %,.0f / %,.0f | %.2fx |
                | pass-through Kafka Streams (bytes in, bytes out, same settings, exactly_once_v2) | %,.0f | |
                | newsflow enrich (defaults, language detection on; %d instance(s) x %d stream thread(s)) | %,.0f | %.2fx |
                | latency, ingest send to enriched readable (read_committed), %,d/s for %d s | p50 %.0f ms, p95 %.0f ms, p99 %.0f ms | %,d samples |
                | enrich process peak RSS / peak heap (-Xmx%s; the first instance) | %s / %s | |
                | the dedup step alone (its one partition filled beforehand; one enrich process) | %,.0f | %.2fx enrich |
                """, r.articles(), r.articleBytes(), where, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), r.plainProducer(), r.ingest(), r.ingest() / r.plainProducer(),
                r.coldPlainProducer(), r.coldIngest(), r.coldIngest() / r.coldPlainProducer(), r.passThrough(),
                r.instances(), r.threads(), r.enrich(), r.enrich() / r.passThrough(), r.latencyRate(), r.latencySeconds(), r.p50(), r.p95(), r.p99(), r.latencySamples(),
                r.enrichHeap(), megabytes(r.enrichPeakRss()), megabytes(r.enrichPeakHeap()), r.dedupStep(), r.dedupStep() / r.enrich());
    }

    private static String megabytes(long bytes) {
        return bytes < 0 ? "n/a" : String.format(java.util.Locale.ROOT, "%,d MB", bytes >> 20);
    }
}
