package io.newsflow.serde;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/**
 * The serde settings, under Confluent's key names so a Confluent client's properties work unchanged.
 *
 * @param registryUrls       {@value #SCHEMA_REGISTRY_URL}: comma-separated base URLs, or {@code mock://scope}
 * @param autoRegister       {@value #AUTO_REGISTER_SCHEMAS} (default true)
 * @param useLatestVersion   {@value #USE_LATEST_VERSION} (default false)
 * @param specificReader     {@value #SPECIFIC_AVRO_READER} (default false)
 * @param subjectStrategy    {@value #KEY_SUBJECT_NAME_STRATEGY} / {@value #VALUE_SUBJECT_NAME_STRATEGY}
 * @param basicAuthUserInfo  {@value #BASIC_AUTH_USER_INFO} when {@value #BASIC_AUTH_CREDENTIALS_SOURCE} is USER_INFO
 * @param timeout            {@value #HTTP_TIMEOUT_MS} (default 10 s)
 */
public record AvroSerdeConfig(List<String> registryUrls, boolean autoRegister, boolean useLatestVersion,
                              boolean specificReader, SubjectNameStrategy subjectStrategy,
                              String basicAuthUserInfo, Duration timeout) {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    public static final String HTTP_TIMEOUT_MS = "http.read.timeout.ms";
    public static final String MOCK_SCHEME = "mock://";

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** Reads the settings for a key serde ({@code isKey}) or a value serde from Kafka-style configs. */
    public static AvroSerdeConfig from(Map<String, ?> configs, boolean isKey) {
        Object url = configs.get(SCHEMA_REGISTRY_URL);
        if (url == null || url.toString().isBlank()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL
                    + "\": set it to your registry's base URL (e.g. http://localhost:8081) or mock://<scope> in tests");
        }
        List<String> urls = Arrays.stream(url.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        String strategyKey = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        String userInfo = null;
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "");
        if (source.equalsIgnoreCase("USER_INFO")) {
            userInfo = string(configs, BASIC_AUTH_USER_INFO, string(configs, "schema.registry." + BASIC_AUTH_USER_INFO, null));
        }
        return new AvroSerdeConfig(urls,
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false),
                SubjectNameStrategy.parse(string(configs, strategyKey, "TopicNameStrategy")),
                userInfo,
                Duration.ofMillis(Long.parseLong(string(configs, HTTP_TIMEOUT_MS, String.valueOf(DEFAULT_TIMEOUT.toMillis())))));
    }

    /** True when the URL names an in-memory test registry. */
    public boolean isMock() {
        return registryUrls.get(0).startsWith(MOCK_SCHEME);
    }

    private static String string(Map<String, ?> configs, String key, String fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : value.toString().trim();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        String value = string(configs, key, null);
        if (value == null) {
            return fallback;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, value, "expected true or false");
        };
    }
}
