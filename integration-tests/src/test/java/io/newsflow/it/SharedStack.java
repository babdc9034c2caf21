package io.newsflow.it;

import io.newsflow.stack.Folders;
import io.newsflow.stack.LocalStack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real broker and one real schema registry for every integration test in the JVM, started on
 * first use and stopped when the test run ends. Tests isolate themselves with their own topics
 * ({@link #topics(String)}) and application ids.
 */
public final class SharedStack implements BeforeAllCallback, AutoCloseable {

    private static LocalStack stack;
    private static Path dir;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (SharedStack.class) {
            if (stack == null) {
                dir = Files.createTempDirectory("newsflow-it-");
                stack = LocalStack.start(dir, 0, 0);
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(SharedStack.class.getName(), this);
            }
        }
    }

    @Override
    public void close() {
        synchronized (SharedStack.class) {
            if (stack != null) {
                stack.close();
                Folders.deleteQuietly(dir);
                stack = null;
            }
        }
    }

    public static LocalStack stack() {
        return stack;
    }

    /** Fresh raw / enriched / dead-letter topics for one test: names suffixed with {@code tag} and a random id. */
    static Topics topics(String tag, int rawPartitions) throws Exception {
        String suffix = tag + "-" + UUID.randomUUID().toString().substring(0, 8);
        Topics topics = new Topics("raw-" + suffix, "enriched-" + suffix, "dlq-" + suffix);
        stack.kafka().createTopics(Map.of(topics.raw(), rawPartitions, topics.enriched(), rawPartitions, topics.dlq(), 1));
        return topics;
    }

    record Topics(String raw, String enriched, String dlq) {
    }
}
