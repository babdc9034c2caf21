package io.newsflow.cli.bench;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches a consumer group and notes when it first commits an offset past the start of a topic: the moment a Kafka
 * Streams application under exactly-once has finished its first transaction on that input. Polls every 20 ms on its own
 * thread until closed.
 */
final class FirstCommit implements AutoCloseable {

    private final Admin admin;
    private final Thread watcher;
    private volatile long at = -1;

    FirstCommit(Properties client, String group, String topic) {
        this.admin = Admin.create(client);
        this.watcher = new Thread(() -> {
            while (at < 0) {
                try {
                    Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                            .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                    long now = System.nanoTime();
                    if (offsets.entrySet().stream().anyMatch(e -> e.getKey().topic().equals(topic) && e.getValue() != null
                            && e.getValue().offset() > 0)) {
                        at = now;
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // no such group yet, or the broker is slow to answer: ask again
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-first-commit");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** When (System.nanoTime) the first commit was seen, if it was. */
    OptionalLong at() {
        long seen = at;
        return seen < 0 ? OptionalLong.empty() : OptionalLong.of(seen);
    }

    @Override
    public void close() {
        watcher.interrupt();
        admin.close();
    }
}
