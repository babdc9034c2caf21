package io.newsflow.it;

import io.newsflow.stack.LocalStack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.newsflow.runtime.ClientSettings;
import io.newsflow.enrich.EnrichConfig;
import io.newsflow.schema.Topics;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * There is no Docker engine where this is built, so docker-compose.yml is kept honest here: its
 * services, topics and environment variable names are checked against the code's own names.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of(System.getProperty("newsflow.home", "..")).toAbsolutePath().normalize();
    private static JsonNode compose;

    @BeforeAll
    static void read() throws Exception {
        compose = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
    }

    private static JsonNode service(String name) {
        return compose.path("services").path(name);
    }

    private static List<String> envNames(String serviceName) {
        List<String> names = new ArrayList<>();
        service(serviceName).path("environment").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void hasTheBrokerTheRegistryTheTopicsAndBothServices() {
        assertThat(compose.path("services").fieldNames()).toIterable()
                .contains("kafka", "schema-registry", "create-topics", "enrich", "ingest");
        assertThat(service("kafka").path("image").asText()).startsWith("apache/kafka:");
        assertThat(service("kafka").path("environment").path("KAFKA_PROCESS_ROLES").asText()).isEqualTo("broker,controller");
        assertThat(service("schema-registry").path("image").asText()).startsWith("confluentinc/cp-schema-registry:");
    }

    @Test
    void createsEveryTopicTheCodeUsesWithRoomToScaleOut() {
        String script = service("create-topics").path("command").toString();

        assertThat(script).contains(Topics.RAW + ":" + LocalStack.DATA_PARTITIONS + ":", Topics.ENRICHED + ":" + LocalStack.DATA_PARTITIONS + ":",
                Topics.DLQ + ":1:");
        assertThat(script).contains("--topic " + Topics.SEEN, "cleanup.policy=compact");
        assertThat(script).contains("--topic " + Topics.TRENDING + " --partitions 1 --replication-factor 1 --config cleanup.policy=compact");
    }

    @Test
    void topicsTakeRecordsOfTheArticleSizeLimitsTheServicesAreGiven() {
        String script = service("create-topics").path("command").toString();
        int raw = Integer.parseInt(service("enrich").path("environment").path(io.newsflow.schema.ArticleSize.ENV).asText());
        int enriched = Integer.parseInt(service("enrich").path("environment").path(io.newsflow.schema.ArticleSize.ENRICHED_ENV).asText());

        assertThat(service("ingest").path("environment").path(io.newsflow.schema.ArticleSize.ENV).asText()).isEqualTo(String.valueOf(raw));
        assertThat(script).contains(Topics.RAW + ":" + LocalStack.DATA_PARTITIONS + ":" + io.newsflow.schema.ArticleSize.topicMaxMessageBytes(raw),
                Topics.DLQ + ":1:" + io.newsflow.schema.ArticleSize.topicMaxMessageBytes(raw),
                Topics.ENRICHED + ":" + LocalStack.DATA_PARTITIONS + ":" + io.newsflow.schema.ArticleSize.topicMaxMessageBytes(enriched));
        assertThat(raw).isGreaterThan(enriched);
    }

    @Test
    void enrichEnvironmentUsesOnlyNamesTheConfigReads() {
        List<String> names = envNames("enrich");

        assertThat(names).contains(ClientSettings.BOOTSTRAP_SERVERS_ENV, ClientSettings.SCHEMA_REGISTRY_URL_ENV);
        assertThat(names).allSatisfy(name -> assertThat(EnrichConfig.VARIABLES).contains(name));
        EnrichConfig parsed = EnrichConfig.fromEnv(textMap(service("enrich").path("environment")));
        assertThat(parsed.client().bootstrapServers()).isEqualTo("kafka:9092");
    }

    @Test
    void ingestFilesEnvironmentUsesOnlyTheConnectionNames() {
        assertThat(envNames("ingest-files")).containsExactlyInAnyOrder(ClientSettings.BOOTSTRAP_SERVERS_ENV, ClientSettings.SCHEMA_REGISTRY_URL_ENV,
                io.newsflow.schema.ArticleSize.ENV);
    }

    @Test
    void theIngestServiceUsesOnlyNamesItsSettingsDeclareAndIsHealthChecked() {
        List<String> declared = io.newsflow.ingest.serve.ServeSettings.SETTINGS.stream().map(io.newsflow.runtime.Setting::env).toList();
        assertThat(envNames("ingest")).allSatisfy(name -> assertThat(declared).contains(name));
        String port = service("ingest").path("environment").path(io.newsflow.ingest.serve.ServeSettings.PORT).asText();
        assertThat(service("ingest").path("healthcheck").path("test").toString()).contains("/dev/tcp/127.0.0.1/" + port, "/readyz");
        assertThat(service("ingest").path("ports").get(0).asText()).isEqualTo(port + ":" + port);
    }

    @Test
    void enrichServesMetricsOnThePortItExposesAndIsHealthChecked() {
        String port = service("enrich").path("environment").path(EnrichConfig.METRICS_PORT).asText();
        assertThat(port).isNotEmpty();
        assertThat(service("enrich").path("expose").get(0).asText()).isEqualTo(port);
        assertThat(service("enrich").path("healthcheck").path("test").toString()).contains("/dev/tcp/127.0.0.1/" + port, "/readyz");
        // Prometheus scrapes it from another container: all interfaces (the default is loopback only)
        assertThat(service("enrich").path("environment").path(EnrichConfig.HTTP_HOST).asText()).isEqualTo("0.0.0.0");
    }

    @Test
    void servicesPointAtServicesThatExist() {
        for (String name : List.of("enrich", "ingest", "ingest-files")) {
            JsonNode env = service(name).path("environment");
            String brokerHost = env.path(ClientSettings.BOOTSTRAP_SERVERS_ENV).asText().split(":")[0];
            String registryHost = URI.create(env.path(ClientSettings.SCHEMA_REGISTRY_URL_ENV).asText()).getHost();
            assertThat(service(brokerHost).isMissingNode()).as(name + " broker host " + brokerHost).isFalse();
            assertThat(service(registryHost).isMissingNode()).as(name + " registry host " + registryHost).isFalse();
        }
    }

    @Test
    void enrichCanBeScaledOut() {
        assertThat(service("enrich").has("container_name")).isFalse();
        assertThat(service("enrich").has("ports")).isFalse();
    }

    @Test
    void dockerfilesExistAndCopyTheJarsTheBuildMakes() throws Exception {
        for (String name : List.of("enrich", "ingest")) {
            Path dockerfile = ROOT.resolve(service(name).path("build").path("dockerfile").asText());
            String text = Files.readString(dockerfile);
            Matcher copy = Pattern.compile("/src/([a-z-]+)/target/([a-z-]+)-\\*-all\\.jar").matcher(text);
            assertThat(copy.find()).as(dockerfile + " copies a shaded jar").isTrue();
            assertThat(copy.group(1)).isEqualTo(name + "-service");
            String pom = Files.readString(ROOT.resolve(copy.group(1)).resolve("pom.xml"));
            assertThat(pom).contains("<artifactId>" + copy.group(2) + "</artifactId>", "maven-shade-plugin");
            assertThat(text).as(dockerfile + ": a service image needs nothing of the local stack").doesNotContain("local-stack");
            assertThat(pom).as("the logging configuration comes in the jar, from service-runtime").contains("<artifactId>service-runtime</artifactId>");
            assertThat(ROOT.resolve("service-runtime/src/main/resources/log4j2.xml")).exists();
        }
    }

    private static java.util.Map<String, String> textMap(JsonNode node) {
        java.util.Map<String, String> map = new java.util.HashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
