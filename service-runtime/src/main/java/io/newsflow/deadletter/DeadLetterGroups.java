package io.newsflow.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dead letters counted by stage and kind of reason, with when each group was first and last written: what
 * {@code newsflow dlq summary} prints and enrich's live page shows. Plain Java; not thread-safe.
 */
public final class DeadLetterGroups {

    /** Longest reason kept in a group's name. */
    static final int MAX_REASON_CHARS = 120;

    /** One group: its stage, its normalised reason, how many, first and last record time. */
    public record Group(String stage, String reason, long count, Instant first, Instant last) {
    }

    private final Map<String, long[]> groups = new TreeMap<>(); // stage \t reason -> count, first, last
    private long total;

    /**
     * The reason with what varies between articles taken out (the article's id, numbers), so letters that failed for
     * the same reason group together.
     *
     * @param key the dead letter's key (the article id), or null
     */
    public static String reasonKind(String reason, String key) {
        String kind = reason == null ? "" : reason;
        if (key != null && !key.isEmpty()) {
            kind = kind.replace(key, "<id>");
        }
        kind = kind.replaceAll("\\d+", "N");
        return kind.length() > MAX_REASON_CHARS ? kind.substring(0, MAX_REASON_CHARS - 3) + "..." : kind;
    }

    /** Counts one dead letter. */
    public void add(String stage, String reasonKind, long epochMillis) {
        long[] g = groups.computeIfAbsent(stage + "\t" + reasonKind, k -> new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE});
        g[0]++;
        g[1] = Math.min(g[1], epochMillis);
        g[2] = Math.max(g[2], epochMillis);
        total++;
    }

    /** Every dead letter counted. */
    public long total() {
        return total;
    }

    /** The groups, by stage then reason. */
    public List<Group> groups() {
        List<Group> list = new ArrayList<>(groups.size());
        groups.forEach((key, g) -> {
            String[] parts = key.split("\t", 2);
            list.add(new Group(parts[0], parts[1], g[0], Instant.ofEpochMilli(g[1]), Instant.ofEpochMilli(g[2])));
        });
        return list;
    }
}
