package io.newsflow.enrich;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Which Kafka cluster, and which incarnation of the input and changelog topics, an instance's local state
 * belongs to: the cluster id and each topic's id, kept in {@value #FILE} in the application's state
 * directory.
 *
 * <p>Why: Kafka Streams checks local state against its changelog by offset only. When the changelog is empty
 * (a new cluster, or the topic deleted and created again), it restores nothing and keeps the local stores as
 * they are, unless the restore consumer happens to see "offset out of range" first; which of the two wins is a
 * race. State from another cluster then answers for this one: the dedup step finds every id it saw there and
 * drops the articles as re-deliveries. So before Kafka Streams opens the state directory, its origin is
 * compared with the cluster's, and state of another origin (or of none recorded) is deleted, with one log line
 * saying why; the changelogs are the source of truth, so deleting local state only costs a restore.
 */
final class LocalStateOrigin {

    static final String FILE = "newsflow-state-origin.properties";
    private static final String CLUSTER = "cluster.id";
    private static final String TOPIC = "topic.";
    private static final long ADMIN_TIMEOUT_MS = 30_000;

    /** The cluster's id and the id of each named topic that exists now (a missing topic has none). */
    record Origin(String clusterId, Map<String, String> topicIds) {
        Origin {
            topicIds = Map.copyOf(new TreeMap<>(topicIds));
        }

        /** Why local state of {@code recorded} origin cannot be used on this one, or empty when it can. */
        Optional<String> mismatch(Origin recorded, Collection<String> topics) {
            if (!clusterId.equals(recorded.clusterId)) {
                return Optional.of("it belongs to Kafka cluster " + recorded.clusterId + ", not " + clusterId);
            }
            for (String topic : topics) {
                String then = recorded.topicIds.get(topic);
                String now = topicIds.get(topic);
                if (then == null) {
                    return Optional.of("the id of topic " + topic + " was not recorded with it");
                }
                if (!then.equals(now)) {
                    return Optional.of("topic " + topic + (now == null ? " no longer exists" : " was created again") + " since it was written");
                }
            }
            return Optional.empty();
        }
    }

    private LocalStateOrigin() {
    }

    /** The origin the cluster behind {@code admin} gives now to state built from {@code topics}. */
    static Origin current(Admin admin, Collection<String> topics) {
        try {
            String cluster = admin.describeCluster().clusterId().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, String> ids = new TreeMap<>();
            var described = admin.describeTopics(topics).topicNameValues();
            for (String topic : topics) {
                try {
                    TopicDescription description = described.get(topic).get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
                    ids.put(topic, description.topicId().toString());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                        throw e;
                    }
                }
            }
            return new Origin(cluster, ids);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("interrupted while asking Kafka which cluster this is", e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new KafkaException("cannot ask Kafka which cluster this is (needed to check the local state): " + cause, cause);
        }
    }

    /**
     * Keeps the state in {@code appDir} if it was recorded with this origin; otherwise deletes it and returns why.
     * Then records {@code now} as the directory's origin. {@code topics} are those whose ids must match.
     */
    static Optional<String> claim(Path appDir, Origin now, Collection<String> topics) {
        Optional<String> why = hasState(appDir) ? read(appDir).map(recorded -> now.mismatch(recorded, topics))
                .orElse(Optional.of("it has no record of the cluster it belongs to")) : Optional.empty();
        why.ifPresent(reason -> deleteState(appDir));
        record(appDir, now);
        return why;
    }

    /** Records {@code origin} as the origin of the state in {@code appDir} (atomically: a crash leaves the old record or the new). */
    static void record(Path appDir, Origin origin) {
        Properties props = new Properties();
        props.setProperty(CLUSTER, origin.clusterId());
        origin.topicIds().forEach((topic, id) -> props.setProperty(TOPIC + topic, id));
        try {
            Files.createDirectories(appDir);
            Path temp = appDir.resolve(FILE + ".tmp");
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                props.store(out, "Where the state in this directory comes from; newsflow enrich deletes state of another origin at start");
            }
            Files.move(temp, appDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the origin of the state in " + appDir, e);
        }
    }

    static Optional<Origin> read(Path appDir) {
        Path file = appDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String cluster = props.getProperty(CLUSTER);
        if (cluster == null) {
            return Optional.empty();
        }
        Map<String, String> ids = new TreeMap<>();
        props.stringPropertyNames().stream().filter(key -> key.startsWith(TOPIC))
                .forEach(key -> ids.put(key.substring(TOPIC.length()), props.getProperty(key)));
        return Optional.of(new Origin(cluster, ids));
    }

    /** Whether Kafka Streams keeps any task state here (a task directory such as {@code 1_0}). */
    static boolean hasState(Path appDir) {
        if (!Files.isDirectory(appDir)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(appDir)) {
            return entries.anyMatch(LocalStateOrigin::isTaskDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the state directory " + appDir, e);
        }
    }

    private static boolean isTaskDirectory(Path entry) {
        return Files.isDirectory(entry) && entry.getFileName().toString().matches("\\d+_\\d+");
    }

    private static void deleteState(Path appDir) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(appDir, LocalStateOrigin::isTaskDirectory)) {
            for (Path task : entries) {
                deleteTree(task);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the state in " + appDir, e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
