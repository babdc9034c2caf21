package io.newsflow.enrich;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class EnrichConfigTest {

    @Test
    void defaultsAreExactlyOnceWithBatchingSizedForArticles() {
        EnrichConfig config = EnrichConfig.fromEnv(Map.of());
        Properties props = config.streamsProperties();

        assertThat(config.client().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(config.errorPolicy()).isEqualTo(EnrichConfig.ErrorPolicy.DEAD_LETTER);
        assertThat(props.getProperty("processing.guarantee")).isEqualTo("exactly_once_v2");
        assertThat(props.getProperty("producer.batch.size")).isEqualTo("262144");
        assertThat(props.getProperty("producer.linger.ms")).isEqualTo("5");
        assertThat(props.getProperty("consumer.max.partition.fetch.bytes")).isEqualTo("1048576");
        assertThat(props.getProperty("application.id")).isEqualTo("newsflow-enrich");
        assertThat(props.getProperty("commit.interval.ms")).isEqualTo("50");
        assertThat(EnrichConfig.fromEnv(Map.of("NEWSFLOW_PROCESSING_GUARANTEE", "at_least_once")).streamsProperties())
                .as("at-least-once keeps Kafka Streams' own commit interval").doesNotContainKey("commit.interval.ms");
        assertThat(EnrichConfig.fromEnv(Map.of("KAFKA_COMMIT_INTERVAL_MS", "200")).streamsProperties().getProperty("commit.interval.ms"))
                .isEqualTo("200");
    }

    @Test
    void theHttpServerBindsLoopbackByDefaultAndTheTokenIsNeverPrinted() {
        EnrichConfig defaults = EnrichConfig.fromEnv(Map.of());
        assertThat(defaults.http().host()).isEqualTo("127.0.0.1");
        assertThat(defaults.http().token()).isNull();
        assertThat(defaults.http().serving()).isTrue();

        EnrichConfig exposed = EnrichConfig.fromEnv(Map.of(EnrichConfig.HTTP_HOST, "0.0.0.0", EnrichConfig.HTTP_TOKEN, "s3cret"));
        assertThat(exposed.http().admits("Bearer s3cret")).isTrue();
        assertThat(exposed.http().admits(null)).isFalse();
        assertThat(exposed.toString()).doesNotContain("s3cret");
        assertThat(EnrichConfig.fromEnv(Map.of(EnrichConfig.HTTP_HOST, "0.0.0.0")).http().serving()).isFalse();
    }

    @Test
    void rawKafkaVariablesPassThroughAndWinOverOurDefaults() {
        EnrichConfig config = EnrichConfig.fromEnv(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", "broker:29092",
                "KAFKA_SASL_MECHANISM", "PLAIN",
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_PRODUCER_LINGER_MS", "20",
                "KAFKA_HEAP_OPTS", "-Xmx1g"));
        Properties props = config.streamsProperties();

        assertThat(props.getProperty("bootstrap.servers")).isEqualTo("broker:29092");
        assertThat(props.getProperty("sasl.mechanism")).isEqualTo("PLAIN");
        assertThat(props.getProperty("security.protocol")).isEqualTo("SASL_SSL");
        assertThat(props.getProperty("producer.linger.ms")).isEqualTo("20");
        assertThat(props).doesNotContainKey("heap.opts");
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> EnrichConfig.fromEnv(Map.of(
                "NEWSFLOW_ERROR_POLICY", "ignore",
                "NEWSFLOW_STREAM_THREADS", "many",
                "NEWSFLOW_PROCESSING_GUARANTEE", "exactly_once",
                "NEWSFLOW_OUTPUT_TOPIC", "news.articles.raw",
                "SCHEMA_REGISTRY_URL", "localhost:8081",
                "NEWSFLOW_GAZETTEER", "/no/such/file.tsv")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NEWSFLOW_ERROR_POLICY=ignore")
                .hasMessageContaining("NEWSFLOW_STREAM_THREADS=many")
                .hasMessageContaining("NEWSFLOW_PROCESSING_GUARANTEE=exactly_once")
                .hasMessageContaining("topics must differ")
                .hasMessageContaining("SCHEMA_REGISTRY_URL=localhost:8081")
                .hasMessageContaining("NEWSFLOW_GAZETTEER=/no/such/file.tsv");
    }

    @Test
    void failPolicyParsesInAnyCase() {
        assertThat(EnrichConfig.fromEnv(Map.of("NEWSFLOW_ERROR_POLICY", "FAIL")).errorPolicy()).isEqualTo(EnrichConfig.ErrorPolicy.FAIL);
        assertThat(EnrichConfig.fromEnv(Map.of("NEWSFLOW_ERROR_POLICY", "Dead-Letter")).errorPolicy())
                .isEqualTo(EnrichConfig.ErrorPolicy.DEAD_LETTER);
    }

    @Test
    void serdeConfigCarriesTheRegistryAndItsAuth() {
        EnrichConfig config = EnrichConfig.fromEnv(Map.of("SCHEMA_REGISTRY_URL", "https://sr:8081",
                "KAFKA_BASIC_AUTH_CREDENTIALS_SOURCE", "USER_INFO", "KAFKA_BASIC_AUTH_USER_INFO", "u:p"));

        assertThat(config.serdeConfig()).containsEntry("schema.registry.url", "https://sr:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "u:p");
    }

    @Test
    void everyFailureGoesToOurDeadLetterHandlerAndTheGlobalTableFlagIsNotSet() {
        Properties props = EnrichConfig.fromEnv(Map.of("NEWSFLOW_DLQ_TOPIC", "my.dlq")).streamsProperties();

        assertThat(props.getProperty("processing.exception.handler"))
                .isEqualTo("io.newsflow.enrich.deadletter.DeadLetterHandler");
        assertThat(props.getProperty("production.exception.handler"))
                .isEqualTo("io.newsflow.enrich.deadletter.DeadLetterHandler");
        assertThat(props.getProperty("errors.dead.letter.queue.topic.name")).isEqualTo("my.dlq");
        assertThat(props).doesNotContainKey("processing.exception.handler.global.enabled");
    }

    @Test
    void theArticleSizeLimitSetsTheProducersRequestSizeWithHeadroom() {
        Properties defaults = EnrichConfig.fromEnv(Map.of()).streamsProperties();
        Properties custom = EnrichConfig.fromEnv(Map.of("NEWSFLOW_MAX_ARTICLE_BYTES", "4194304")).streamsProperties();

        assertThat(defaults.getProperty("producer.max.request.size")).isEqualTo(String.valueOf((8 << 20) + 65536));
        assertThat(defaults.getProperty("newsflow.max.article.bytes")).isEqualTo(String.valueOf(8 << 20));
        assertThat(EnrichConfig.fromEnv(Map.of()).maxEnrichedBytes()).isEqualTo(1 << 20);
        assertThat(custom.getProperty("producer.max.request.size")).isEqualTo(String.valueOf((4 << 20) + 65536));
        assertThatThrownBy(() -> EnrichConfig.fromEnv(Map.of("NEWSFLOW_MAX_ARTICLE_BYTES", "100")))
                .hasMessageContaining("NEWSFLOW_MAX_ARTICLE_BYTES=100: expected a whole number >= 16384");
    }

    @Test
    void staticMembershipIdIsStablePerStateDirectoryAndAnExplicitIdWins() {
        EnrichConfig one = EnrichConfig.fromEnv(Map.of("NEWSFLOW_STATE_DIR", "/var/lib/newsflow/a"));
        EnrichConfig again = EnrichConfig.fromEnv(Map.of("NEWSFLOW_STATE_DIR", "/var/lib/newsflow/a"));
        EnrichConfig other = EnrichConfig.fromEnv(Map.of("NEWSFLOW_STATE_DIR", "/var/lib/newsflow/b"));
        EnrichConfig named = EnrichConfig.fromEnv(Map.of("NEWSFLOW_INSTANCE_ID", "enrich-7"));

        assertThat(one.groupInstanceId()).isEqualTo(again.groupInstanceId()).isNotEqualTo(other.groupInstanceId());
        assertThat(one.streamsProperties().getProperty("consumer.group.instance.id")).isEqualTo(one.groupInstanceId());
        assertThat(named.streamsProperties().getProperty("consumer.group.instance.id")).isEqualTo("enrich-7");
        assertThat(named.streamsProperties().getProperty("consumer.session.timeout.ms")).isEqualTo("15000");
        assertThatThrownBy(() -> EnrichConfig.fromEnv(Map.of("NEWSFLOW_INSTANCE_ID", "a b")))
                .hasMessageContaining("NEWSFLOW_INSTANCE_ID=a b");
    }
}
