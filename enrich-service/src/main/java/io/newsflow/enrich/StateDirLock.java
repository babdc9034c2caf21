package io.newsflow.enrich;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds an exclusive lock on an instance's state directory for as long as it runs. Kafka Streams needs
 * a state directory per instance, and newsflow derives the instance's group identity from it, so a
 * second instance on the same directory would fence the first: it is refused at start with one line.
 */
final class StateDirLock implements AutoCloseable {

    static final String FILE = "newsflow-enrich.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StateDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir/application-id}; throws {@link IllegalStateException} saying what to do if another instance holds it. */
    static StateDirLock acquire(Path stateDir, String applicationId) {
        Path dir = stateDir.resolve(applicationId);
        try {
            Files.createDirectories(dir);
            FileChannel channel = FileChannel.open(dir.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("state directory " + dir + " is in use by another enrich instance: give each instance "
                        + "on a machine its own --state-dir (NEWSFLOW_STATE_DIR)");
            }
            return new StateDirLock(channel, lock);
        } catch (IOException e) {
            throw new IllegalStateException("cannot use state directory " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException ignored) {
            // the lock goes with the process anyway
        }
    }
}
