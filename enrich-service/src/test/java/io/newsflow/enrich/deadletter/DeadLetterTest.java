package io.newsflow.enrich.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.enrich.step.Fingerprint;
import io.newsflow.enrich.step.TagEvents;
import io.newsflow.schema.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A dead letter keeps the record's own headers, not those enrich's steps added on the way, and says why. */
class DeadLetterTest {

    @Test
    void aDeadLetterKeepsTheRecordsHeadersButNotEnrichsInternalOnes() {
        RecordHeaders original = new RecordHeaders();
        original.add("trace", "t-1".getBytes(StandardCharsets.UTF_8));
        original.add(TagEvents.HEADER, "PLACE\u0000Oslo".getBytes(StandardCharsets.UTF_8));
        original.add(Fingerprint.HEADER, new byte[] {1, 2, 3, 4});

        ProducerRecord<byte[], byte[]> letter = DeadLetter.of("dlq", new byte[] {1}, new byte[] {2}, original,
                new DeadLetter.Source("raw", 0, 42), "encode", "too large", null, 1_000);

        assertThat(letter.headers().toArray()).extracting(Header::key)
                .contains("trace", DeadLetterHeaders.STAGE, DeadLetterHeaders.REASON)
                .doesNotContain(TagEvents.HEADER, Fingerprint.HEADER);
        assertThat(original.toArray()).as("the record's headers as they were").hasSize(3);
    }
}
