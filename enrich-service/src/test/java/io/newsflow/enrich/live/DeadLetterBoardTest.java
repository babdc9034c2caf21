package io.newsflow.enrich.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsflow.deadletter.DeadLetterGroups;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterBoardTest {

    private static DeadLetterBoard.Letter letter(int offset, String key, String stage, String reason) {
        return new DeadLetterBoard.Letter("0:" + offset, key, stage, reason, Instant.ofEpochMilli(offset * 1_000L));
    }

    @Test
    void groupsByStageAndReasonAsTheDlqSummaryDoesAndKeepsTheLatestWhole() {
        DeadLetterBoard board = new DeadLetterBoard(2);
        board.add(letter(1, "a-1", "require-content", "nothing left after cleaning article a-1: all 3 non-blank lines"));
        board.add(letter(2, "b-22", "require-content", "nothing left after cleaning article b-22: all 14 non-blank lines"));
        board.add(letter(3, "c", "validate", "empty body"));

        DeadLetterBoard.Snapshot snapshot = board.snapshot();
        assertThat(snapshot.total()).isEqualTo(3);
        assertThat(snapshot.groups()).containsExactly(
                new DeadLetterGroups.Group("require-content", "nothing left after cleaning article <id>: all N non-blank lines", 2,
                        Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(2_000)),
                new DeadLetterGroups.Group("validate", "empty body", 1, Instant.ofEpochMilli(3_000), Instant.ofEpochMilli(3_000)));
        assertThat(snapshot.latest()).extracting(DeadLetterBoard.Letter::at).containsExactly("0:3", "0:2");
        assertThat(snapshot.latest().get(1).reason()).isEqualTo("nothing left after cleaning article b-22: all 14 non-blank lines");
    }
}
