package io.newsflow.serde;

import io.newsflow.serde.registry.CachingSchemaRegistryClient;
import io.newsflow.serde.registry.MockSchemaRegistry;
import io.newsflow.serde.registry.RestSchemaRegistryClient;
import io.newsflow.serde.registry.SchemaRegistryClient;

/** Builds the registry client a serde config asks for: in-memory for {@code mock://scope}, else REST with caching. */
public final class SchemaRegistryClients {
    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient create(AvroSerdeConfig config) {
        if (config.isMock()) {
            return MockSchemaRegistry.forScope(config.registryUrls().get(0).substring(AvroSerdeConfig.MOCK_SCHEME.length()));
        }
        return new CachingSchemaRegistryClient(
                new RestSchemaRegistryClient(config.registryUrls(), config.timeout(), config.basicAuthUserInfo()));
    }
}
