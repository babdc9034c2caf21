package io.newsflow.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    @Test
    void articleProducersAreIdempotentBatchedAndSizedForTheLimitWithExplicitPropertiesWinning() {
        Properties defaults = ClientSettings.fromEnv(Map.of()).articleProducerProperties(1 << 20);
        Properties tuned = ClientSettings.fromEnv(Map.of("KAFKA_COMPRESSION_TYPE", "zstd", "KAFKA_ACKS", "1"))
                .articleProducerProperties(1 << 20);

        assertThat(defaults).containsEntry("acks", "all").containsEntry("enable.idempotence", "true")
                .containsEntry("batch.size", "262144").containsEntry("linger.ms", "5").containsEntry("compression.type", "lz4")
                .containsEntry("max.request.size", String.valueOf((1 << 20) + 65536))
                .containsEntry("bootstrap.servers", "localhost:9092");
        assertThat(tuned).containsEntry("compression.type", "zstd").containsEntry("acks", "1");
    }
}
