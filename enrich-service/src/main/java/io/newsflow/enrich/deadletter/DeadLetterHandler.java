package io.newsflow.enrich.deadletter;

import io.newsflow.enrich.text.RejectedArticle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import io.newsflow.enrich.EnrichMetrics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The enrich topology's one error path, plugged into Kafka Streams' processing and production
 * exception hooks: a record that cannot be decoded, that a step rejects or fails on, or whose enriched article cannot be serialized or
 * written goes to the dead-letter topic ({@code errors.dead.letter.queue.topic.name}) with its original
 * bytes and the reason, in the same transaction as the input offsets, and the stream goes on. Under the
 * {@code fail} policy the same records stop the application instead. Retriable errors (broker or
 * schema registry unavailable, timeouts) are neither: the record is processed again (a retriable step
 * failure ends the stream thread, which {@link io.newsflow.enrich.BoundedThreadReplacement} replaces).
 */
public final class DeadLetterHandler implements ProcessingExceptionHandler, ProductionExceptionHandler {

    /** {@code dead-letter} or {@code fail}. */
    public static final String ERROR_POLICY_CONFIG = "newsflow.error.policy";
    /** The article-size limit: dead-letter values are cut to it. */
    public static final String MAX_ARTICLE_BYTES_CONFIG = "newsflow.max.article.bytes";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private String topic;
    private boolean failFast;
    private int maxValueBytes;
    private EnrichMetrics metrics = EnrichMetrics.none();

    @Override
    public void configure(Map<String, ?> configs) {
        Object dlq = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (dlq == null) {
            throw new IllegalArgumentException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " is not set");
        }
        topic = dlq.toString();
        failFast = "fail".equals(String.valueOf(configs.get(ERROR_POLICY_CONFIG)).toLowerCase(Locale.ROOT));
        maxValueBytes = Integer.parseInt(String.valueOf(configs.get(MAX_ARTICLE_BYTES_CONFIG)));
        if (configs.get(EnrichMetrics.CONFIG) instanceof EnrichMetrics given) {
            metrics = given;
        }
    }

    @Override
    public ProcessingExceptionHandler.Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        if (exception instanceof RetriableException) {
            LOG.warn("{} at {} ({}); it will be processed again", exception.getMessage(), where(context), context.processorNodeId());
            return ProcessingExceptionHandler.Response.fail();
        }
        String stage = context.processorNodeId();
        String reason = exception instanceof RejectedArticle ? exception.getMessage()
                : "step " + context.processorNodeId() + " failed: " + exception;
        if (stop(context, stage, reason)) {
            return ProcessingExceptionHandler.Response.fail();
        }
        if (!(exception instanceof RejectedArticle)) {
            LOG.warn("step {} failed on {}", context.processorNodeId(), where(context), exception);
        }
        Throwable cause = exception instanceof RejectedArticle ? exception.getCause() : exception;
        return ProcessingExceptionHandler.Response.resume(letter(context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                source(context), stage, reason, cause));
    }

    @Override
    @SuppressWarnings("rawtypes") // the interface's own signature
    public ProductionExceptionHandler.Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record,
                                                                        Exception exception, SerializationExceptionOrigin origin) {
        String reason = (exception instanceof RecordTooLargeException ? "enriched article too large: " : "cannot serialize the "
                + origin.toString().toLowerCase(Locale.ROOT) + " for " + record.topic() + ": ") + exception.getMessage();
        if (stop(context, context.processorNodeId(), reason)) {
            return ProductionExceptionHandler.Response.fail();
        }
        return ProductionExceptionHandler.Response.resume(letter(context.sourceRawKey(), context.sourceRawValue(), context.headers(),
                source(context), context.processorNodeId(), reason, exception));
    }

    /**
     * A send the broker refused. Its callback runs after the input record was let go, so the dead letter
     * holds the record that could not be written (key = article id) and no source coordinates.
     */
    @Override
    public ProductionExceptionHandler.Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record,
                                                           Exception exception) {
        if (exception instanceof RetriableException) {
            return ProductionExceptionHandler.Response.retry();
        }
        if (topic.equals(record.topic())) {
            LOG.error("cannot write a dead letter to {}: stopping rather than losing it", topic, exception);
            return ProductionExceptionHandler.Response.fail();
        }
        String reason = "cannot write to " + record.topic() + ": " + exception.getMessage();
        if (failFast) {
            LOG.error("{}; NEWSFLOW_ERROR_POLICY=fail stops here", reason, exception);
            return ProductionExceptionHandler.Response.fail();
        }
        LOG.warn("dead-lettering a record {}", reason);
        byte[] key = context.sourceRawKey() != null ? context.sourceRawKey() : record.key();
        byte[] value = context.sourceRawValue() != null ? context.sourceRawValue() : record.value();
        return ProductionExceptionHandler.Response.resume(letter(key, value, record.headers(), DeadLetter.Source.UNKNOWN, "write",
                reason, exception));
    }

    private boolean stop(ErrorHandlerContext context, String stage, String reason) {
        if (failFast) {
            LOG.error("bad record at {} ({}): {}; NEWSFLOW_ERROR_POLICY=fail stops here", where(context), stage, reason);
            return true;
        }
        LOG.warn("dead-lettering record at {} ({}): {}", where(context), stage, reason);
        return false;
    }

    private List<ProducerRecord<byte[], byte[]>> letter(byte[] key, byte[] value, Headers headers, DeadLetter.Source source,
                                                        String stage, String reason, Throwable cause) {
        metrics.deadLettered(stage);
        return List.of(DeadLetter.of(topic, key, value, headers, source, stage, reason, cause, maxValueBytes));
    }

    private static DeadLetter.Source source(ErrorHandlerContext context) {
        return context.topic() == null ? DeadLetter.Source.UNKNOWN
                : new DeadLetter.Source(context.topic(), context.partition(), context.offset());
    }

    private static String where(ErrorHandlerContext context) {
        return context.topic() + "-" + context.partition() + "@" + context.offset();
    }
}
