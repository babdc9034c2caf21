package io.newsflow.enrich.live;

import io.newsflow.deadletter.DeadLetterGroups;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The dead letters the live page shows: every one seen counted by stage and reason ({@link DeadLetterGroups}, as
 * {@code newsflow dlq summary} counts them), and the latest few with their whole reason. Thread-safe.
 */
public final class DeadLetterBoard {

    /** One dead letter: where it is in the dead-letter topic ({@code partition:offset}), its key, stage, reason and time. */
    public record Letter(String at, String key, String stage, String reason, Instant time) {
    }

    /** What the page gets: the total, the groups, the latest letters newest first. */
    public record Snapshot(long total, List<DeadLetterGroups.Group> groups, List<Letter> latest) {
    }

    private final int latestKept;
    private final DeadLetterGroups groups = new DeadLetterGroups();
    private final Deque<Letter> latest = new ArrayDeque<>();

    public DeadLetterBoard(int latestKept) {
        this.latestKept = latestKept;
    }

    public synchronized void add(Letter letter) {
        groups.add(letter.stage(), DeadLetterGroups.reasonKind(letter.reason(), letter.key()), letter.time().toEpochMilli());
        latest.addFirst(letter);
        while (latest.size() > latestKept) {
            latest.removeLast();
        }
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(groups.total(), groups.groups(), new ArrayList<>(latest));
    }
}
