package io.newsflow.cli.bench;

import io.newsflow.enrich.EnrichConfig;
import io.newsflow.runtime.StopSignals;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The benchmark's yardstick: a Kafka Streams app that copies bytes from the input to the output topic,
 * with exactly the client settings and guarantee newsflow enrich runs with (its {@link EnrichConfig}
 * properties), so the ratio to it measures newsflow's own cost. Arguments are enrich's environment
 * variables as {@code NAME=value}; runs until SIGTERM.
 */
public final class PassThrough {

    private PassThrough() {
    }

    public static void main(String[] args) throws InterruptedException {
        Map<String, String> env = new HashMap<>(System.getenv());
        for (String arg : args) {
            int eq = arg.indexOf('=');
            env.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        EnrichConfig config = EnrichConfig.fromEnv(env);
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(config.inputTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(config.outputTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        KafkaStreams streams = new KafkaStreams(builder.build(), config.streamsProperties());
        StopSignals stop = StopSignals.install();
        streams.start();
        stop.await();
        streams.close(Duration.ofSeconds(30));
    }
}
