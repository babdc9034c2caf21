package io.newsflow.cli.soak;

import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.RawArticle;
import io.newsflow.schema.Topics;
import io.newsflow.serde.KafkaAvroSerializer;
import io.newsflow.cli.JavaChild;
import io.newsflow.stack.LocalStack;
import io.newsflow.cli.SeedShapedArticles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The soak: N articles (one in a hundred undecodable, for the dead-letter path), published at a steady
 * rate, through a real broker,
 * the real registry and {@code newsflow enrich} as a child process, which is killed with SIGKILL and
 * restarted K times while it works; the broker is restarted on its data in between. Then every input id
 * must be found exactly once in the enriched and dead-letter topics (read_committed), and the report
 * says how long output stalled.
 */
public final class Soak {

    /** What to run. */
    public record Plan(int articles, int ratePerSecond, int kills, int brokerRestarts, String enrichHeap, Duration timeout) {
    }

    /**
     * What happened.
     *
     * @param resumedAfterKill      seconds from each kill -9 to the next output record
     * @param resumedAfterBroker    seconds from each broker restart (begun) to the next output record
     * @param longestStallSeconds   longest gap between two output records, first to last
     */
    public record Report(int articles, int ratePerSecond, int undecodable, int enriched, int deadLettered, int missing, int duplicated,
                         List<Double> resumedAfterKill, List<Double> resumedAfterBroker, double longestStallSeconds,
                         double seconds, int kills, int brokerRestarts) {

        public boolean exactlyOnce() {
            return missing == 0 && duplicated == 0 && enriched + deadLettered == articles;
        }
    }

    private final Plan plan;
    private final Path dataDir;
    private final PrintWriter progress;

    public Soak(Plan plan, Path dataDir, PrintWriter progress) {
        this.plan = plan;
        this.dataDir = dataDir;
        this.progress = progress;
    }

    public Report run() throws IOException, InterruptedException {
        try (LocalStack stack = LocalStack.start(dataDir, 0, 0)) {
            progress.println("soak: stack up; enrich runs as a child process (log: " + dataDir.resolve("enrich.log") + ")");
            JavaChild enrich = JavaChild.enrich(plan.enrichHeap(), List.of("--bootstrap-servers", stack.bootstrapServers(),
                    "--schema-registry-url", stack.schemaRegistryUrl(), "--state-dir",
                    Files.createDirectories(dataDir.resolve("enrich-state")).toString(), "--instance-id", "soak-enrich",
                    "--connect-timeout", "60"), dataDir.resolve("enrich.log"), "-XX:+UseSerialGC");
            enrich.start();
            long started = System.nanoTime();
            Set<String> ids = ids(plan.articles());
            int undecodable = (int) ids.stream().filter(id -> id.startsWith("garbage-")).count();
            AtomicReference<Exception> publishing = new AtomicReference<>();
            List<String> events = schedule();
            AtomicInteger eventsDone = new AtomicInteger();
            Thread producer = new Thread(() -> {
                try {
                    produce(stack, plan.articles(), plan.ratePerSecond(), () -> publishingCap(ids.size(), events.size(), eventsDone.get()));
                } catch (Exception e) {
                    publishing.set(e);
                }
            }, "soak-producer");
            producer.setDaemon(true);
            producer.start();
            List<Double> afterKill = new ArrayList<>();
            List<Double> afterBroker = new ArrayList<>();
            try (OutputWatch watch = new OutputWatch(stack.bootstrapServers(), Topics.ENRICHED, Topics.DLQ)) {
                int done = 0;
                long deadline = started + plan.timeout().toNanos();
                long nextProgress = System.nanoTime();
                List<Long> killTimes = new ArrayList<>();
                List<Long> brokerTimes = new ArrayList<>();
                while (watch.distinctIds() < ids.size() && System.nanoTime() < deadline && publishing.get() == null) {
                    int out = watch.distinctIds();
                    if (done < events.size() && out >= threshold(ids.size(), events.size(), done)) {
                        String event = events.get(done++);
                        long at = System.nanoTime();
                        if (event.equals("kill")) {
                            enrich.kill();
                            enrich.start();
                            killTimes.add(at);
                        } else {
                            stack.kafka().restart();
                            brokerTimes.add(at);
                        }
                        eventsDone.set(done);
                        progress.printf("soak: %s at %,d of %,d out%n", event.equals("kill") ? "kill -9 enrich, restarted" : "broker restarted",
                                out, ids.size());
                        progress.flush();
                    }
                    if (System.nanoTime() >= nextProgress) {
                        progress.printf("soak: %,d of %,d ids out (enriched %,d, dead-lettered %,d), %.0f s%n", out, ids.size(),
                                watch.enrichedIds(), watch.deadLetteredIds(), (System.nanoTime() - started) / 1e9);
                        progress.flush();
                        nextProgress = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                    }
                    Thread.sleep(50);
                }
                long finished = System.nanoTime();
                enrich.stop();
                if (publishing.get() != null) {
                    throw new IOException("soak: publishing the articles failed: " + publishing.get().getMessage(), publishing.get());
                }
                killTimes.forEach(at -> afterKill.add(secondsUntilOutput(watch, at)));
                brokerTimes.forEach(at -> afterBroker.add(secondsUntilOutput(watch, at)));
                OutputWatch.Counts counts = OutputWatch.readCommitted(stack.bootstrapServers(), Topics.ENRICHED, Topics.DLQ,
                        Duration.ofMinutes(2));
                return report(ids, plan.ratePerSecond(), undecodable, counts, longestGap(watch.arrivals()), afterKill, afterBroker,
                        (finished - started) / 1e9, killTimes.size(), brokerTimes.size());
            } finally {
                if (enrich.alive()) {
                    enrich.kill();
                }
            }
        }
    }

    /** Kills and broker restarts, spread over the run: the broker restart in the middle. */
    List<String> schedule() {
        List<String> events = new ArrayList<>();
        for (int i = 0; i < plan.kills(); i++) {
            events.add("kill");
        }
        for (int i = 0; i < plan.brokerRestarts(); i++) {
            events.add(Math.min(events.size(), (events.size() + 1) / 2 + i), "broker");
        }
        return events;
    }

    /** Event {@code k} (0-based) happens once this many ids are out: the events split the run evenly. */
    static long threshold(int ids, int events, int k) {
        return (long) ids * (k + 1) / (events + 1);
    }

    /**
     * How far the producer may get while event {@code done} has not happened: half a segment past its
     * threshold. Without the cap a backlog built while enrich was down comes out in one burst that can
     * jump over the next event's threshold, and the run ends with that kill never made.
     */
    static long publishingCap(int ids, int events, int done) {
        if (done >= events) {
            return Long.MAX_VALUE;
        }
        return threshold(ids, events, done) + Math.max(1, ids / (events + 1) / 2);
    }

    private static double secondsUntilOutput(OutputWatch watch, long from) {
        Long next = watch.firstArrivalAfter(from);
        return next == null ? Double.NaN : (next - from) / 1e9;
    }

    private static String id(int i) {
        return String.format(i % 100 == 0 ? "garbage-%06d" : "soak-%06d", i);
    }

    private static Set<String> ids(int count) {
        Set<String> ids = new HashSet<>();
        for (int i = 1; i <= count; i++) {
            ids.add(id(i));
        }
        return ids;
    }

    /** Publishes {@code count} articles at about {@code rate} per second, so output flows while kills and restarts happen. */
    private void produce(LocalStack stack, int count, int rate, LongSupplier cap) throws IOException, InterruptedException {
        KafkaAvroSerializer avro = new KafkaAvroSerializer();
        avro.configure(stack.clientSettings().serdeConfig(), false);
        Properties props = stack.clientSettings().articleProducerProperties(ArticleSize.DEFAULT_MAX_BYTES);
        SeedShapedArticles articles = new SeedShapedArticles(42);
        AtomicReference<Exception> failed = new AtomicReference<>();
        AtomicInteger acked = new AtomicInteger();
        long start = System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 1; i <= count; i++) {
                if (i > cap.getAsLong()) {
                    producer.flush();
                    while (i > cap.getAsLong()) {
                        Thread.sleep(20);
                    }
                    start = System.nanoTime() - (long) (i * 1e9 / rate);
                }
                long due = start + (long) (i * 1e9 / rate);
                long wait = due - System.nanoTime();
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
                String id = id(i);
                byte[] value = i % 100 == 0 ? ("not an article " + i).getBytes(StandardCharsets.UTF_8)
                        : avro.serialize(Topics.RAW, RawArticle.newBuilder().setId(id).setSource("soak")
                                .setUrl("https://soak.example/" + id).setBody(articles.next()).setIngestedAt(Instant.now()).build());
                producer.send(new ProducerRecord<>(Topics.RAW, id, value), (metadata, exception) -> {
                    if (exception != null) {
                        failed.compareAndSet(null, exception);
                    } else {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IOException("soak: publishing the articles failed: " + failed.get().getMessage(), failed.get());
        }
        progress.printf("soak: published %,d articles (%,d undecodable)%n", acked.get(), count / 100);
    }

    private static double longestGap(List<Long> arrivals) {
        long longest = 0;
        for (int i = 1; i < arrivals.size(); i++) {
            longest = Math.max(longest, arrivals.get(i) - arrivals.get(i - 1));
        }
        return longest / 1e9;
    }

    private static Report report(Set<String> ids, int rate, int undecodable, OutputWatch.Counts counts, double longestStall, List<Double> afterKill,
                                 List<Double> afterBroker, double seconds, int kills, int brokerRestarts) {
        Map<String, Integer> enriched = counts.enriched();
        Map<String, Integer> dead = counts.deadLettered();
        int missing = 0;
        int duplicated = 0;
        for (String id : ids) {
            int times = enriched.getOrDefault(id, 0) + dead.getOrDefault(id, 0);
            if (times == 0) {
                missing++;
            } else if (times > 1) {
                duplicated++;
            }
        }
        return new Report(ids.size(), rate, undecodable, enriched.size(), dead.size(), missing, duplicated, afterKill, afterBroker,
                longestStall, seconds, kills, brokerRestarts);
    }
}
