package io.newsflow.enrich;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;

/** Streams properties for a TopologyTestDriver: the config's own, with a fresh state directory (the dedup stores are on disk). */
final class TestDrivers {

    private TestDrivers() {
    }

    static Properties properties(EnrichConfig config) {
        Properties props = config.streamsProperties();
        try {
            props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("newsflow-ttd").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
