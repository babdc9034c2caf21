package io.newsflow.enrich;

import io.newsflow.ops.Access;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.runtime.Durations;
import io.newsflow.runtime.Setting;
import io.newsflow.runtime.Settings;
import io.newsflow.runtime.SharedSettings;
import io.newsflow.enrich.deadletter.DeadLetterHandler;
import io.newsflow.enrich.tag.Tagger;
import io.newsflow.enrich.text.TextChain;
import io.newsflow.schema.ArticleSize;
import io.newsflow.schema.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;

/**
 * Every enrich-service setting, read once at start from environment-style keys ({@link #fromEnv}):
 * main passes {@code System.getenv()} with CLI flags laid over it; tests pass a map. Invalid settings
 * fail start-up with every problem listed at once.
 *
 * <p>Any other {@code KAFKA_*} variable passes through as a raw client property
 * ({@code KAFKA_SASL_MECHANISM} becomes {@code sasl.mechanism}), so SASL/SSL needs no code change.
 */
public record EnrichConfig(
        ClientSettings client,
        String applicationId,
        String inputTopic,
        String outputTopic,
        String deadLetterTopic,
        ErrorPolicy errorPolicy,
        String processingGuarantee,
        int streamThreads,
        int maxThreadReplacements,
        Optional<Path> stateDir,
        Optional<Path> gazetteer,
        Optional<Path> noiseRules,
        int maxTags,
        boolean detectLanguage,
        int maxArticleBytes,
        int maxEnrichedBytes,
        String groupInstanceId,
        Optional<Integer> metricsPort,
        Duration dedupWindow,
        NearDuplicates nearDuplicates,
        Duration stallTimeout,
        TrendingConfig trending,
        Access http) {

    public static final String BOOTSTRAP_SERVERS = ClientSettings.BOOTSTRAP_SERVERS_ENV;
    public static final String SCHEMA_REGISTRY_URL = ClientSettings.SCHEMA_REGISTRY_URL_ENV;
    public static final String APPLICATION_ID = "NEWSFLOW_APPLICATION_ID";
    public static final String INPUT_TOPIC = "NEWSFLOW_INPUT_TOPIC";
    public static final String OUTPUT_TOPIC = "NEWSFLOW_OUTPUT_TOPIC";
    public static final String DLQ_TOPIC = "NEWSFLOW_DLQ_TOPIC";
    public static final String ERROR_POLICY = "NEWSFLOW_ERROR_POLICY";
    public static final String PROCESSING_GUARANTEE = "NEWSFLOW_PROCESSING_GUARANTEE";
    public static final String STREAM_THREADS = "NEWSFLOW_STREAM_THREADS";
    public static final String MAX_THREAD_REPLACEMENTS = "NEWSFLOW_MAX_THREAD_REPLACEMENTS";
    public static final String STATE_DIR = "NEWSFLOW_STATE_DIR";
    public static final String GAZETTEER = "NEWSFLOW_GAZETTEER";
    public static final String NOISE_RULES = "NEWSFLOW_NOISE_RULES";
    public static final String MAX_TAGS = "NEWSFLOW_MAX_TAGS";
    public static final String DETECT_LANGUAGE = "NEWSFLOW_DETECT_LANGUAGE";
    public static final String MAX_ARTICLE_BYTES = ArticleSize.ENV;
    public static final String MAX_ENRICHED_BYTES = ArticleSize.ENRICHED_ENV;
    public static final String INSTANCE_ID = "NEWSFLOW_INSTANCE_ID";
    public static final String METRICS_PORT = "NEWSFLOW_METRICS_PORT";
    public static final String DEDUP_WINDOW = "NEWSFLOW_DEDUP_WINDOW";
    public static final String NEAR_DUPLICATES = "NEWSFLOW_NEAR_DUPLICATES";
    public static final String STALL_TIMEOUT = "NEWSFLOW_STALL_TIMEOUT";
    public static final String HTTP_HOST = "NEWSFLOW_HTTP_HOST";
    public static final String HTTP_TOKEN = "NEWSFLOW_HTTP_TOKEN";

    /**
     * Every setting, declared once: {@code newsflow enrich}'s flags ({@link EnrichCommand}), the defaults
     * {@link #fromEnv} applies, and the table in docs/configuration.md (checked by a test) are all made from this list.
     */
    public static final List<Setting> SETTINGS = List.of(
            SharedSettings.BOOTSTRAP_SERVERS,
            SharedSettings.SCHEMA_REGISTRY_URL,
            SharedSettings.CONNECT_TIMEOUT,
            Setting.of(APPLICATION_ID, "--application-id", "newsflow-enrich",
                    "Kafka Streams application id: instances with the same id share the work"),
            Setting.of(INPUT_TOPIC, "--input-topic", Topics.RAW, "raw articles"),
            Setting.of(OUTPUT_TOPIC, "--output-topic", Topics.ENRICHED, "enriched articles"),
            Setting.of(DLQ_TOPIC, "--dlq-topic", Topics.DLQ, "dead letters"),
            Setting.of(ERROR_POLICY, "--error-policy", "dead-letter", "`dead-letter`: a bad record goes to the DLQ and the stream goes on; "
                    + "`fail`: stop on the first bad record (never on a transient broker or registry error, which is retried)"),
            Setting.of(PROCESSING_GUARANTEE, null, StreamsConfig.EXACTLY_ONCE_V2, "or `at_least_once`"),
            Setting.of(STREAM_THREADS, "--threads", "1", "stream threads in this instance"),
            Setting.of(MAX_THREAD_REPLACEMENTS, null, "3", "stream threads that died of a non-transient error replaced before the "
                    + "instance shuts down (exit 1); deaths from an unavailable broker or registry are always replaced, after 1 s"),
            Setting.of(STATE_DIR, "--state-dir", null, "Kafka Streams state directory; one per instance on a machine (a second "
                    + "instance on the same one is refused, exit 78)").shownAs("Kafka's default"),
            Setting.of(INSTANCE_ID, "--instance-id", null, "this instance's stable identity in the group (static membership, "
                    + "`group.instance.id`) and in its transactional ids, so a restart takes its partitions back and fences its old "
                    + "transactions at once").shownAs("host name + hash of the state dir"),
            SharedSettings.MAX_ARTICLE_BYTES,
            Setting.of(MAX_ENRICHED_BYTES, "--max-enriched-bytes", String.valueOf(ArticleSize.DEFAULT_MAX_ENRICHED_BYTES),
                    "largest enriched article record in bytes (at least " + ArticleSize.MIN_BYTES + "): a larger one is dead-lettered "
                    + "with the raw record; lowered, with a warning, to what the output topic takes"),
            Setting.of(GAZETTEER, "--gazetteer", null, "your own gazetteer TSV (`canonical<TAB>TYPE<TAB>alias\\|alias`)").shownAs("bundled"),
            Setting.of(NOISE_RULES, "--noise-rules", null, "your own noise catalogue TSV "
                    + "([format](../enrich-service/src/main/resources/noise-rules.tsv))").shownAs("bundled"),
            Setting.of(MAX_TAGS, "--max-tags", String.valueOf(Tagger.DEFAULT_MAX_TAGS),
                    "most tags per article: footer tags, then topics, then entities by importance; footer tags are always kept"),
            Setting.of(DETECT_LANGUAGE, null, "true", "set `language` (ISO 639-1) when the input has none"),
            Setting.of(DEDUP_WINDOW, "--dedup-window", "7d", "an article id seen again within this time (record time) is not emitted "
                    + "again, and near-duplicates are looked for among the articles of this time; the dedup state stores keep this much "
                    + "(`30s`, `12h`, `7d` or ISO-8601); `off`: no dedup step at all, every article is emitted (for producers "
                    + "that never repeat themselves: the step's one-partition hop costs throughput and latency)"),
            Setting.of(NEAR_DUPLICATES, "--near-duplicates", "mark", "`mark`: a near-duplicate is emitted with `duplicateOf` = the id "
                    + "of the first copy seen; `suppress`: it is not emitted (both counted in `newsflow_duplicates_total`)"),
            TrendingConfig.TOPIC, TrendingConfig.GRACE, TrendingConfig.BASELINE_DAYS, TrendingConfig.SMOOTHING, TrendingConfig.MIN_COUNT, TrendingConfig.EMIT_INTERVAL, TrendingConfig.ADVERTISED,
            Setting.of(STALL_TIMEOUT, "--stall-timeout", "60s", "records waiting on the input topic or in the dedup hop with nothing "
                    + "taken, or processed records not committed, for longer than this: the instance is stalled (logged, "
                    + "`newsflow_stalled{check}` = 1, `/readyz` 503)"),
            Setting.of(METRICS_PORT, "--metrics-port", null, "serve `/metrics` (Prometheus), `/healthz` and `/readyz` (ready = "
                    + "the Streams state is RUNNING and nothing is stalled), and the live page `/` with its data under `/v1/live/`, "
                    + "on this port, 0 for any free one").shownAs("off"),
            Setting.of(HTTP_HOST, "--http-host", "127.0.0.1", "address the metrics port listens on; on an address other than "
                    + "loopback with no `NEWSFLOW_HTTP_TOKEN`, only `/healthz`, `/readyz` and `/metrics` are served (the rest answer 403)"),
            Setting.of(HTTP_TOKEN, null, null, "when set, the live page's data needs `Authorization: Bearer <token>` (compared in "
                    + "constant time; the page: open it once with `?token=<token>`); 401 without it; `/healthz`, `/readyz`, "
                    + "`/metrics` need none").shownAs("none: no token needed"));

    /** Every environment variable this service reads by name (any other KAFKA_* passes through as a client property). */
    public static final List<String> VARIABLES = SETTINGS.stream().map(Setting::env).toList();
    private static final Map<String, Setting> BY_ENV = SETTINGS.stream()
            .collect(java.util.stream.Collectors.toMap(Setting::env, setting -> setting));
    /**
     * Consumer group session timeout: how long the partitions of an instance that died without a restart
     * wait before they move (Kafka's default is 45 s). A restarted instance gets them back at once
     * through static membership, whatever this is.
     */
    public static final int DEFAULT_SESSION_TIMEOUT_MS = 15_000;
    /**
     * Transaction commit interval under exactly-once (Kafka Streams' default is 100 ms): halves the time
     * an enriched record waits to become readable; measured with ./newsflow bench, p99 ingest-to-enriched
     * went from 152-159 ms to 104 ms at 1,000 articles/s with no loss of throughput.
     */
    public static final int EXACTLY_ONCE_COMMIT_INTERVAL_MS = 50;
    /**
     * Consumer fetch per partition: 1 MiB (Kafka's default; a larger record still comes whole). At 8 MiB, a raw backlog
     * filled the stream thread's consumer with thousands of articles per partition at a time and the dedup hop's partition,
     * read by the same consumer, waited: with 40,000 articles waiting, enrich wrote its first article 25 s after starting
     * work, against 5 s at 1 MiB (./newsflow bench, 2026-12-03), and drained no slower.
     */
    static final int CONSUMER_MAX_PARTITION_FETCH_BYTES = 1024 * 1024;
    static final int CONSUMER_MAX_POLL_RECORDS = 2_000;

    /** What to do with a near-duplicate: emit it marked with {@code duplicateOf} (default), or not at all. */
    public enum NearDuplicates {
        MARK, SUPPRESS;

        static NearDuplicates parse(String value) {
            return NearDuplicates.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }

    /** What to do with a record that cannot be decoded or is invalid. */
    public enum ErrorPolicy {
        /** Write it to the dead-letter topic with the reason in headers, and go on (default). */
        DEAD_LETTER,
        /** Stop the application on the first bad record. */
        FAIL;

        static ErrorPolicy parse(String value) {
            return ErrorPolicy.valueOf(value.strip().replace('-', '_').toUpperCase(Locale.ROOT));
        }
    }

    /** Reads and validates the settings from the environment alone. */
    public static EnrichConfig fromEnv(Map<String, String> env) {
        return fromEnv(env, ClientSettings.fromEnv(env));
    }

    /**
     * Reads and validates the service settings from {@code env}, with connection settings already
     * resolved (flags over environment); throws {@link IllegalArgumentException} listing every problem.
     */
    public static EnrichConfig fromEnv(Map<String, String> env, ClientSettings client) {
        List<String> problems = new ArrayList<>();
        String registry = client.schemaRegistryUrl();
        if (!(registry.startsWith("http://") || registry.startsWith("https://") || registry.startsWith("mock://"))) {
            problems.add(SCHEMA_REGISTRY_URL + "=" + registry + ": expected an http(s):// URL");
        }
        String input = get(env, INPUT_TOPIC);
        String output = get(env, OUTPUT_TOPIC);
        String dlq = get(env, DLQ_TOPIC);
        if (input.equals(output) || input.equals(dlq) || output.equals(dlq)) {
            problems.add("input, output and dead-letter topics must differ (got " + input + ", " + output + ", " + dlq + ")");
        }
        ErrorPolicy policy = parsed(env, ERROR_POLICY, ErrorPolicy::parse, "expected dead-letter or fail", problems);
        String guarantee = parsed(env, PROCESSING_GUARANTEE, EnrichConfig::guarantee, "expected exactly_once_v2 or at_least_once", problems);
        int threads = wholeNumber(env, STREAM_THREADS, 1, Integer.MAX_VALUE, problems);
        int replacements = wholeNumber(env, MAX_THREAD_REPLACEMENTS, 0, Integer.MAX_VALUE, problems);
        Optional<Path> gazetteer = readableFile(env, GAZETTEER, problems);
        Optional<Path> noiseRules = readableFile(env, NOISE_RULES, problems);
        int maxTags = wholeNumber(env, MAX_TAGS, 0, Integer.MAX_VALUE, problems);
        Boolean detectLanguage = parsed(env, DETECT_LANGUAGE, EnrichConfig::trueOrFalse, "expected true or false", problems);
        int maxArticleBytes = SharedSettings.maxArticleBytes(env, problems);
        int maxEnrichedBytes = wholeNumber(env, MAX_ENRICHED_BYTES, ArticleSize.MIN_BYTES, Integer.MAX_VALUE, problems);
        Optional<Integer> metricsPort = Optional.empty();
        if (get(env, METRICS_PORT) != null) {
            metricsPort = Optional.of(wholeNumber(env, METRICS_PORT, 0, 65535, problems));
        }
        Duration dedupWindow = parsed(env, DEDUP_WINDOW, EnrichConfig::window, null, problems);
        NearDuplicates nearDuplicates = parsed(env, NEAR_DUPLICATES, NearDuplicates::parse, "expected mark or suppress", problems);
        Duration stallTimeout = parsed(env, STALL_TIMEOUT, Durations::parse, null, problems);
        TrendingConfig trending = TrendingConfig.fromEnv(env, problems);
        trending.topic().filter(t -> t.equals(input) || t.equals(output) || t.equals(dlq))
                .ifPresent(t -> problems.add(TrendingConfig.TOPIC_ENV + "=" + t + ": must differ from the input, output and dead-letter topics"));
        String httpHost = get(env, HTTP_HOST);
        Optional<String> instanceId = Optional.ofNullable(env.get(INSTANCE_ID)).map(String::strip).filter(s -> !s.isEmpty());
        instanceId.filter(id -> !id.matches("[A-Za-z0-9._-]{1,200}"))
                .ifPresent(id -> problems.add(INSTANCE_ID + "=" + id + ": expected letters, digits, '.', '_' or '-'"));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid enrich-service configuration: " + String.join("; ", problems));
        }
        String applicationId = get(env, APPLICATION_ID);
        Optional<Path> stateDir = Optional.ofNullable(env.get(STATE_DIR)).filter(s -> !s.isBlank()).map(Path::of);
        return new EnrichConfig(client, applicationId, input, output, dlq, policy, guarantee, threads, replacements, stateDir,
                gazetteer, noiseRules, maxTags, detectLanguage, maxArticleBytes, maxEnrichedBytes,
                instanceId.orElseGet(() -> derivedInstanceId(stateDirOrDefault(stateDir), applicationId)), metricsPort, dedupWindow,
                nearDuplicates, stallTimeout, trending, new Access(httpHost, env.get(HTTP_TOKEN), HTTP_TOKEN));
    }

    /** What the text chain is built from. */
    public TextChain.Settings text() {
        return new TextChain.Settings(noiseRules, gazetteer, maxTags, detectLanguage);
    }

    /** Kafka Streams properties: our tuned defaults, with raw client properties winning. */
    public Properties streamsProperties() {
        Properties props = client.kafkaProperties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        if (StreamsConfig.EXACTLY_ONCE_V2.equals(props.getProperty(StreamsConfig.PROCESSING_GUARANTEE_CONFIG))) {
            // a record is readable (read_committed) only once its transaction commits: this bounds the wait
            props.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, String.valueOf(EXACTLY_ONCE_COMMIT_INTERVAL_MS));
        }
        props.putIfAbsent(StreamsConfig.NUM_STREAM_THREADS_CONFIG, String.valueOf(streamThreads));
        props.put(StreamsConfig.STATE_DIR_CONFIG, effectiveStateDir().toString());
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, deadLetterTopic);
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandler.class.getName());
        props.put(DeadLetterHandler.ERROR_POLICY_CONFIG, errorPolicy == ErrorPolicy.FAIL ? "fail" : "dead-letter");
        props.put(DeadLetterHandler.MAX_ARTICLE_BYTES_CONFIG, String.valueOf(maxArticleBytes));
        // Static membership: a restarted instance (same id) takes its partitions back without waiting out the session.
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG), groupInstanceId());
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), String.valueOf(DEFAULT_SESSION_TIMEOUT_MS));
        ClientSettings.ARTICLE_PRODUCER_DEFAULTS.forEach((key, value) -> props.putIfAbsent(StreamsConfig.producerPrefix(key), value));
        props.putIfAbsent(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                String.valueOf(ArticleSize.maxRequestSize(Math.max(maxArticleBytes, maxEnrichedBytes))));
        // the dedup repartition topic and the changelogs carry whole articles: they take what the output topic takes
        props.putIfAbsent(StreamsConfig.topicPrefix(TopicConfig.MAX_MESSAGE_BYTES_CONFIG), String.valueOf(ArticleSize.maxRequestSize(Math.max(maxArticleBytes, maxEnrichedBytes))));
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG),
                String.valueOf(CONSUMER_MAX_PARTITION_FETCH_BYTES));
        props.putIfAbsent(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), String.valueOf(CONSUMER_MAX_POLL_RECORDS));
        return props;
    }

    /** These settings with another article-size limit (lowered to what the topics take). */
    public EnrichConfig withMaxArticleBytes(int limit) {
        return new EnrichConfig(client, applicationId, inputTopic, outputTopic, deadLetterTopic, errorPolicy, processingGuarantee,
                streamThreads, maxThreadReplacements, stateDir, gazetteer, noiseRules, maxTags, detectLanguage, limit,
                Math.min(limit, maxEnrichedBytes), groupInstanceId, metricsPort, dedupWindow, nearDuplicates, stallTimeout, trending, http);
    }

    /** These settings with another enriched-article limit (lowered to what the output topic takes). */
    public EnrichConfig withMaxEnrichedBytes(int limit) {
        return new EnrichConfig(client, applicationId, inputTopic, outputTopic, deadLetterTopic, errorPolicy, processingGuarantee,
                streamThreads, maxThreadReplacements, stateDir, gazetteer, noiseRules, maxTags, detectLanguage, maxArticleBytes, limit,
                groupInstanceId, metricsPort, dedupWindow, nearDuplicates, stallTimeout, trending, http);
    }

    /** The state directory: the configured one, else Kafka Streams' default ({@code java.io.tmpdir/kafka-streams}). */
    public Path effectiveStateDir() {
        return stateDirOrDefault(stateDir);
    }

    private static Path stateDirOrDefault(Optional<Path> stateDir) {
        return stateDir.orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams")).toAbsolutePath().normalize();
    }

    /**
     * The default identity of an instance in the consumer group ({@code group.instance.id}, suffixed by
     * Kafka Streams with the thread number) when {@code NEWSFLOW_INSTANCE_ID} is not set: the host name
     * and a hash of the state directory, stable across restarts and different between instances on one
     * machine (each needs its own state directory, see {@link StateDirLock}). Resolved once, at start.
     */
    private static String derivedInstanceId(Path stateDir, String applicationId) {
        String path = stateDir.resolve(applicationId).toString();
        return Settings.hostName("host") + "-" + Integer.toHexString(path.hashCode());
    }

    /** Settings for the schema-registry serdes (Confluent key names). */
    public Map<String, Object> serdeConfig() {
        return client.serdeConfig();
    }

    private static <T> T parsed(Map<String, String> env, String key, java.util.function.Function<String, T> parse, String expected,
                                List<String> problems) {
        return Settings.parsed(env, BY_ENV.get(key), parse, expected, problems);
    }

    private static String guarantee(String value) {
        if (!value.equals(StreamsConfig.EXACTLY_ONCE_V2) && !value.equals(StreamsConfig.AT_LEAST_ONCE)) {
            throw new IllegalArgumentException();
        }
        return value;
    }

    private static Boolean trueOrFalse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException();
        };
    }

    /** A dedup window: a duration, or {@code off} (zero: no dedup step). */
    private static Duration window(String value) {
        try {
            return value.strip().equalsIgnoreCase("off") ? Duration.ZERO : Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + ", or off");
        }
    }

    /** The variable's value, or its declared default (null when it has none). */
    private static String get(Map<String, String> env, String key) {
        return Settings.value(env, BY_ENV.get(key));
    }

    private static Optional<Path> readableFile(Map<String, String> env, String key, List<String> problems) {
        Optional<Path> file = Optional.ofNullable(env.get(key)).filter(s -> !s.isBlank()).map(Path::of);
        file.filter(p -> !Files.isReadable(p)).ifPresent(p -> problems.add(key + "=" + p + ": file not found or not readable"));
        return file;
    }

    private static int wholeNumber(Map<String, String> env, String key, int min, int max, List<String> problems) {
        return Settings.wholeNumber(env, BY_ENV.get(key), min, max, problems);
    }
}
