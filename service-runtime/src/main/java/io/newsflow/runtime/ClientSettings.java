package io.newsflow.runtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Where Kafka and the schema registry are, and any raw client properties (SASL, SSL, tuning). Every
 * newsflow command resolves these the same way: CLI flags, then a properties file, then the
 * environment ({@code KAFKA_BOOTSTRAP_SERVERS}, {@code SCHEMA_REGISTRY_URL}, any other {@code KAFKA_*}),
 * then defaults.
 */
public record ClientSettings(String bootstrapServers, String schemaRegistryUrl, Map<String, String> clientProperties) {

    public static final String BOOTSTRAP_SERVERS_ENV = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String SCHEMA_REGISTRY_URL_ENV = "SCHEMA_REGISTRY_URL";
    public static final String KAFKA_ENV_PREFIX = "KAFKA_";
    public static final String DEFAULT_BOOTSTRAP_SERVERS = "localhost:9092";
    public static final String DEFAULT_SCHEMA_REGISTRY_URL = "http://localhost:8081";

    /**
     * Producer batching sized for ~3 KB articles, for every newsflow producer (ingest and the enrich
     * topology): with Kafka's defaults a producer loses 2-3x on records this size.
     */
    public static final Map<String, String> ARTICLE_PRODUCER_DEFAULTS = Map.of(
            "batch.size", "262144",
            "linger.ms", "5",
            "compression.type", "lz4");

    /** KAFKA_* variables that are not client properties (ours, or the Kafka scripts' JVM options). */
    private static final Set<String> NOT_CLIENT_PROPERTIES = Set.of(BOOTSTRAP_SERVERS_ENV,
            "KAFKA_HEAP_OPTS", "KAFKA_OPTS", "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_DEBUG", "KAFKA_JMX_OPTS");

    public ClientSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    /** Settings from the environment alone. */
    public static ClientSettings fromEnv(Map<String, String> env) {
        return new ClientSettings(
                nonBlank(env.get(BOOTSTRAP_SERVERS_ENV), DEFAULT_BOOTSTRAP_SERVERS),
                nonBlank(env.get(SCHEMA_REGISTRY_URL_ENV), DEFAULT_SCHEMA_REGISTRY_URL),
                passThrough(env));
    }

    /** These settings with explicit values laid over them (null means "not given"). */
    public ClientSettings overriddenBy(String bootstrap, String registryUrl, Map<String, String> properties) {
        Map<String, String> merged = new LinkedHashMap<>(clientProperties);
        merged.putAll(properties);
        String mergedBootstrap = merged.containsKey("bootstrap.servers") ? merged.remove("bootstrap.servers") : bootstrapServers;
        String mergedRegistry = merged.containsKey("schema.registry.url") ? merged.remove("schema.registry.url") : schemaRegistryUrl;
        return new ClientSettings(nonBlank(bootstrap, mergedBootstrap), nonBlank(registryUrl, mergedRegistry), merged);
    }

    /** Properties for a Kafka client: the raw properties plus bootstrap servers. */
    public Properties kafkaProperties() {
        Properties props = new Properties();
        props.putAll(clientProperties);
        props.put("bootstrap.servers", bootstrapServers);
        return props;
    }

    /**
     * Properties for a producer of articles up to {@code maxArticleBytes}: {@code acks=all}, idempotent,
     * {@link #ARTICLE_PRODUCER_DEFAULTS}, and {@code max.request.size} of the limit plus the headroom;
     * explicit client properties win.
     */
    public Properties articleProducerProperties(int maxArticleBytes) {
        Properties props = kafkaProperties();
        props.putIfAbsent("acks", "all");
        props.putIfAbsent("enable.idempotence", "true");
        ARTICLE_PRODUCER_DEFAULTS.forEach(props::putIfAbsent);
        props.putIfAbsent("max.request.size", String.valueOf(io.newsflow.schema.ArticleSize.maxRequestSize(maxArticleBytes)));
        return props;
    }

    /** Settings for the schema-registry serdes (Confluent key names). */
    public Map<String, Object> serdeConfig() {
        Map<String, Object> serde = new LinkedHashMap<>();
        clientProperties.forEach((k, v) -> {
            if (k.startsWith("schema.registry.") || k.startsWith("basic.auth.") || k.equals("auto.register.schemas")
                    || k.equals("use.latest.version")) {
                serde.put(k, v);
            }
        });
        serde.put("schema.registry.url", schemaRegistryUrl);
        return serde;
    }

    /** {@code KAFKA_SASL_MECHANISM=PLAIN} becomes {@code sasl.mechanism=PLAIN}; our own keys are not passed. */
    public static Map<String, String> passThrough(Map<String, String> env) {
        Map<String, String> props = new LinkedHashMap<>();
        env.forEach((key, value) -> {
            if (key.startsWith(KAFKA_ENV_PREFIX) && key.length() > KAFKA_ENV_PREFIX.length() && !NOT_CLIENT_PROPERTIES.contains(key)) {
                props.put(key.substring(KAFKA_ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return props;
    }

    private static String nonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
