package io.newsflow.serde.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;

/**
 * An in-memory registry behind {@code mock://<scope>} URLs, for TopologyTestDriver tests only (the
 * convention of Confluent's serdes). Each scope is an isolated registry; ids are global within a scope,
 * the same schema gets the same id in every subject, and every subject enforces a compatibility level
 * (BACKWARD unless set otherwise), so an incompatible change fails a test the way it would fail in
 * production.
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    /** Compatibility levels this registry enforces, with Confluent's meanings. */
    public enum Compatibility { NONE, BACKWARD, FORWARD, FULL }

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<Integer, Schema> schemaById = new HashMap<>();
    private final Map<Schema, Integer> idBySchema = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private Compatibility compatibility = Compatibility.BACKWARD;

    private MockSchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry of one scope, created on first use. */
    public static MockSchemaRegistry forScope(String scope) {
        return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
    }

    /** Forgets a scope; tests call this in teardown so scopes do not leak between tests. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    public synchronized void setCompatibility(Compatibility level) {
        this.compatibility = level;
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer known = idBySchema.get(schema);
        if (known != null && versions.contains(known)) {
            return known;
        }
        CompatibilityResult check = testCompatibility(subject, schema);
        if (!check.compatible()) {
            throw new SchemaRegistryException(SchemaRegistryException.Kind.INCOMPATIBLE, 409, 409,
                    "incompatible schema: could not register schema under subject '" + subject + "' at mock://"
                            + scope + " (" + compatibility + "): " + String.join("; ", check.messages()), null);
        }
        int id = known != null ? known : schemaById.size() + 1;
        schemaById.put(id, schema);
        idBySchema.put(schema, id);
        versions.add(id);
        return id;
    }

    @Override
    public synchronized int lookupId(String subject, Schema schema) {
        Integer id = idBySchema.get(schema);
        if (id == null || !versionsBySubject.getOrDefault(subject, List.of()).contains(id)) {
            throw new SchemaRegistryException(SchemaRegistryException.Kind.NOT_FOUND, 404, 40403,
                    "schema not found under subject '" + subject + "' at mock://" + scope, null);
        }
        return id;
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = schemaById.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(SchemaRegistryException.Kind.NOT_FOUND, 404, 40403,
                    "schema id " + id + " not found at mock://" + scope, null);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema getLatest(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(SchemaRegistryException.Kind.NOT_FOUND, 404, 40401,
                    "subject '" + subject + "' not found at mock://" + scope, null);
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, id, versions.size(), schemaById.get(id));
    }

    @Override
    public synchronized CompatibilityResult testCompatibility(String subject, Schema schema) {
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        if (versions.isEmpty() || compatibility == Compatibility.NONE) {
            return new CompatibilityResult(true, List.of());
        }
        Schema latest = schemaById.get(versions.get(versions.size() - 1));
        List<String> messages = new ArrayList<>();
        if (compatibility == Compatibility.BACKWARD || compatibility == Compatibility.FULL) {
            check(schema, latest, "new schema cannot read data written with the latest", messages);
        }
        if (compatibility == Compatibility.FORWARD || compatibility == Compatibility.FULL) {
            check(latest, schema, "latest schema cannot read data written with the new", messages);
        }
        return new CompatibilityResult(messages.isEmpty(), List.copyOf(messages));
    }

    private static void check(Schema reader, Schema writer, String what, List<String> messages) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            for (SchemaCompatibility.Incompatibility i : result.getResult().getIncompatibilities()) {
                messages.add(what + ": " + i.getType() + " at " + i.getLocation() + " (" + i.getMessage() + ")");
            }
        }
    }
}
