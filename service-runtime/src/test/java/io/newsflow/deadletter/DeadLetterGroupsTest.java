package io.newsflow.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadLetterGroupsTest {

    @Test
    void theArticleIdAndNumbersAreTakenOutOfAReason() {
        assertThat(DeadLetterGroups.reasonKind("nothing left after cleaning article ads-22: all 14 non-blank lines", "ads-22"))
                .isEqualTo(DeadLetterGroups.reasonKind("nothing left after cleaning article x: all 3 non-blank lines", "x"))
                .isEqualTo("nothing left after cleaning article <id>: all N non-blank lines");
        assertThat(DeadLetterGroups.reasonKind(null, null)).isEmpty();
        assertThat(DeadLetterGroups.reasonKind("x".repeat(500), null)).hasSize(DeadLetterGroups.MAX_REASON_CHARS).endsWith("...");
    }

    @Test
    void lettersAreCountedByStageAndReasonWithTheirFirstAndLastTime() {
        DeadLetterGroups groups = new DeadLetterGroups();
        groups.add("validate", "empty body", 5_000);
        groups.add("require-content", "nothing left", 3_000);
        groups.add("validate", "empty body", 1_000);
        groups.add("validate", "missing id", 2_000);

        assertThat(groups.total()).isEqualTo(4);
        assertThat(groups.groups()).containsExactly(
                new DeadLetterGroups.Group("require-content", "nothing left", 1, Instant.ofEpochMilli(3_000), Instant.ofEpochMilli(3_000)),
                new DeadLetterGroups.Group("validate", "empty body", 2, Instant.ofEpochMilli(1_000), Instant.ofEpochMilli(5_000)),
                new DeadLetterGroups.Group("validate", "missing id", 1, Instant.ofEpochMilli(2_000), Instant.ofEpochMilli(2_000)));
    }
}
