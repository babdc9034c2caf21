package io.newsflow.serde.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * Caches what never changes in a registry: the id of a (subject, schema) pair and the schema of an id.
 * The latest version of a subject can change, so it is always asked for.
 */
public final class CachingSchemaRegistryClient implements SchemaRegistryClient {

    private record SubjectSchema(String subject, Schema schema) {
    }

    private final SchemaRegistryClient delegate;
    private final Map<SubjectSchema, Integer> idBySubjectSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemaById = new ConcurrentHashMap<>();

    public CachingSchemaRegistryClient(SchemaRegistryClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public int register(String subject, Schema schema) {
        return idBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), k -> remember(delegate.register(subject, schema), schema));
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        return idBySubjectSchema.computeIfAbsent(new SubjectSchema(subject, schema), k -> remember(delegate.lookupId(subject, schema), schema));
    }

    @Override
    public Schema getById(int id) {
        return schemaById.computeIfAbsent(id, delegate::getById);
    }

    @Override
    public RegisteredSchema getLatest(String subject) {
        RegisteredSchema latest = delegate.getLatest(subject);
        remember(latest.id(), latest.schema());
        return latest;
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, Schema schema) {
        return delegate.testCompatibility(subject, schema);
    }

    private int remember(int id, Schema schema) {
        schemaById.putIfAbsent(id, schema);
        return id;
    }
}
