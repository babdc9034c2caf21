package io.newsflow.schema;

/**
 * Header names on records in {@link Topics#DLQ}. Values are UTF-8 strings. The value of a dead-letter
 * record is the original value bytes, untouched, so it can be replayed once the cause is fixed (unless
 * it was over the article-size limit: see {@link #TRUNCATED_FROM}).
 */
public final class DeadLetterHeaders {
    /** Why the record was rejected, one line, e.g. "missing id" or "undecodable value". */
    public static final String REASON = "newsflow.error.reason";
    /** Fully-qualified class of the exception behind the rejection, if there was one. */
    public static final String EXCEPTION_CLASS = "newsflow.error.exception.class";
    /** Message of that exception. */
    public static final String EXCEPTION_MESSAGE = "newsflow.error.exception.message";
    /** Topic the rejected record was read from. */
    public static final String SOURCE_TOPIC = "newsflow.error.source.topic";
    /** Partition it was read from (decimal). */
    public static final String SOURCE_PARTITION = "newsflow.error.source.partition";
    /** Offset it was read from (decimal). */
    public static final String SOURCE_OFFSET = "newsflow.error.source.offset";
    /** The topology step that rejected it or failed on it, by name: "decode", "validate", "require-content", ... */
    public static final String STAGE = "newsflow.error.stage";
    /**
     * Present only when the value is a truncated copy (the original was over the article-size limit):
     * the original value's size in bytes (decimal). The value then holds the original's first bytes.
     */
    public static final String TRUNCATED_FROM = "newsflow.error.truncated.from.bytes";

    /**
     * On a record {@code newsflow dlq replay} wrote back to the raw topic (and so on its dead letter, should it fail
     * again): how many times it has been replayed (decimal). Replay stops at {@link #MAX_REPLAYS}.
     */
    public static final String REPLAY_COUNT = "newsflow.replay.count";
    /** On a replayed record: the dead letter it was replayed from, {@code topic/partition/offset}. */
    public static final String REPLAY_OF = "newsflow.replay.of";
    /** A dead letter replayed this many times is not replayed again: it needs a fix, not another try. */
    public static final int MAX_REPLAYS = 3;

    private DeadLetterHeaders() {
    }
}
