package io.newsflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.deadletter.DeadLetterRecord;
import io.newsflow.schema.DeadLetterHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    private static DeadLetterRecord letter(int offset, String key, String stage, String reason, long time, String... more) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetterHeaders.STAGE, stage.getBytes(StandardCharsets.UTF_8));
        headers.add(DeadLetterHeaders.REASON, reason.getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < more.length; i += 2) {
            headers.add(more[i], more[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return new DeadLetterRecord(new ConsumerRecord<>("dlq", 0, offset, time, TimestampType.CREATE_TIME, 0, 0,
                key.getBytes(StandardCharsets.UTF_8), new byte[] {0}, headers, Optional.empty()));
    }

    @Test
    void lettersThatFailedForTheSameReasonGroupTogether() {
        DeadLetterRecord a = letter(0, "ads-1", "require-content", "nothing left after cleaning article ads-1: all 3 non-blank lines", 0);
        DeadLetterRecord b = letter(1, "ads-22", "require-content", "nothing left after cleaning article ads-22: all 14 non-blank lines", 0);

        assertThat(a.reasonKind()).isEqualTo(b.reasonKind()).isEqualTo("nothing left after cleaning article <id>: all N non-blank lines");
    }

    @Test
    void aSelectionNarrowsByStageReasonTimeIdAndPosition() {
        DeadLetterRecord early = letter(3, "x-1", "decode", "schema registry unavailable", 1_000);
        DeadLetterRecord late = letter(4, "x-2", "validate", "empty body in article x-2", 5_000);

        assertThat(new DeadLetters.Selection(Set.of("decode"), null, null, null, null, null).test(early)).isTrue();
        assertThat(new DeadLetters.Selection(Set.of("decode"), null, null, null, null, null).test(late)).isFalse();
        assertThat(new DeadLetters.Selection(null, Pattern.compile("empty body"), null, null, null, null).test(late)).isTrue();
        assertThat(new DeadLetters.Selection(null, null, Instant.ofEpochMilli(2_000), null, null, null).test(early)).isFalse();
        assertThat(new DeadLetters.Selection(null, null, null, Instant.ofEpochMilli(2_000), null, null).test(early)).isTrue();
        assertThat(new DeadLetters.Selection(null, null, null, null, Set.of("x-2"), null).test(late)).isTrue();
        assertThat(new DeadLetters.Selection(null, null, null, null, null, Set.of("0:3")).test(early)).isTrue();
        assertThat(new DeadLetters.Selection(null, null, null, null, null, null).everything()).isTrue();
    }

    @Test
    void theReplayCountAndTruncationAreReadFromTheHeaders() {
        assertThat(letter(0, "k", "tag", "r", 0).replays()).isZero();
        assertThat(letter(0, "k", "tag", "r", 0, DeadLetterHeaders.REPLAY_COUNT, "2").replays()).isEqualTo(2);
        assertThat(letter(0, "k", "tag", "r", 0, DeadLetterHeaders.TRUNCATED_FROM, "9000000").truncated()).isTrue();
    }
}
