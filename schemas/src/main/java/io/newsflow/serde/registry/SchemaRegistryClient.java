package io.newsflow.serde.registry;

import org.apache.avro.Schema;

/**
 * The subset of Confluent's Schema Registry REST API that Avro serdes need. Implementations: {@link
 * RestSchemaRegistryClient} (any Confluent-compatible registry over HTTP), {@link MockSchemaRegistry}
 * (in memory, for {@code mock://} URLs in tests), and {@link CachingSchemaRegistryClient} in front of
 * either.
 */
public interface SchemaRegistryClient {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** Returns the id of {@code schema} if it is already registered under {@code subject}. */
    int lookupId(String subject, Schema schema);

    /** Returns the schema with the given global id. */
    Schema getById(int id);

    /** Returns the latest version registered under {@code subject}. */
    RegisteredSchema getLatest(String subject);

    /** Tests {@code schema} against the latest version of {@code subject} under the subject's compatibility level. */
    CompatibilityResult testCompatibility(String subject, Schema schema);

    /** A schema as registered: global id, version within its subject, and the schema itself. */
    record RegisteredSchema(String subject, int id, int version, Schema schema) {
    }

    /** Answer to a compatibility test; {@code messages} says why when it is not compatible. */
    record CompatibilityResult(boolean compatible, java.util.List<String> messages) {
    }
}
