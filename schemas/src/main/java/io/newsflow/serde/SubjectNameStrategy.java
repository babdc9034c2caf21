package io.newsflow.serde;

import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * Confluent's subject naming strategies. Configured by short name or by Confluent's class name, so
 * {@code io.confluent.kafka.serializers.subject.RecordNameStrategy} works unchanged.
 */
public enum SubjectNameStrategy {
    /** {@code <topic>-key} / {@code <topic>-value}: the default. */
    TOPIC_NAME,
    /** The record's full name. */
    RECORD_NAME,
    /** {@code <topic>-<record full name>}. */
    TOPIC_RECORD_NAME;

    public String subject(String topic, boolean isKey, Schema schema) {
        return switch (this) {
            case TOPIC_NAME -> topic + (isKey ? "-key" : "-value");
            case RECORD_NAME -> schema.getFullName();
            case TOPIC_RECORD_NAME -> topic + "-" + schema.getFullName();
        };
    }

    static SubjectNameStrategy parse(String value) {
        String simple = value.substring(value.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        return switch (simple) {
            case "topicnamestrategy" -> TOPIC_NAME;
            case "recordnamestrategy" -> RECORD_NAME;
            case "topicrecordnamestrategy" -> TOPIC_RECORD_NAME;
            default -> throw new ConfigException("subject.name.strategy", value,
                    "expected TopicNameStrategy, RecordNameStrategy or TopicRecordNameStrategy");
        };
    }
}
