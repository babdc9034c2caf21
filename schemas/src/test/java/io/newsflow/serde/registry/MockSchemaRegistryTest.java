package io.newsflow.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsflow.schema.RawArticle;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

    private final String scopeA = "a-" + UUID.randomUUID();
    private final String scopeB = "b-" + UUID.randomUUID();

    private static final Schema V1 = SchemaBuilder.record("Thing").namespace("io.newsflow.test").fields()
            .requiredString("name").endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Thing").namespace("io.newsflow.test").fields()
            .requiredString("name").name("size").type().intType().intDefault(0).endRecord();
    private static final Schema V2_WITHOUT_DEFAULT = SchemaBuilder.record("Thing").namespace("io.newsflow.test").fields()
            .requiredString("name").requiredInt("size").endRecord();

    @AfterEach
    void drop() {
        MockSchemaRegistry.dropScope(scopeA);
        MockSchemaRegistry.dropScope(scopeB);
    }

    @Test
    void registeringTheSameSchemaTwiceGivesTheSameId() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scopeA);

        int first = registry.register("things-value", V1);
        int second = registry.register("things-value", V1);

        assertThat(second).isEqualTo(first);
        assertThat(registry.getLatest("things-value").version()).isEqualTo(1);
    }

    @Test
    void theSameSchemaUnderAnotherSubjectKeepsItsId() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scopeA);

        int id = registry.register("one-value", V1);

        assertThat(registry.register("two-value", V1)).isEqualTo(id);
        assertThat(registry.getById(id)).isEqualTo(V1);
    }

    @Test
    void scopesAreIsolated() {
        MockSchemaRegistry.forScope(scopeA).register("things-value", V1);

        assertThatThrownBy(() -> MockSchemaRegistry.forScope(scopeB).getLatest("things-value"))
                .isInstanceOf(SchemaRegistryException.class)
                .extracting(e -> ((SchemaRegistryException) e).kind())
                .isEqualTo(SchemaRegistryException.Kind.NOT_FOUND);
        assertThat(MockSchemaRegistry.forScope(scopeA).getLatest("things-value").schema()).isEqualTo(V1);
    }

    @Test
    void addingAFieldWithADefaultIsBackwardCompatible() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scopeA);
        registry.register("things-value", V1);

        int id = registry.register("things-value", V2_WITH_DEFAULT);

        assertThat(registry.getLatest("things-value").id()).isEqualTo(id);
        assertThat(registry.getLatest("things-value").version()).isEqualTo(2);
    }

    @Test
    void addingAFieldWithoutADefaultIsRefusedAsIncompatible() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scopeA);
        registry.register("things-value", V1);

        assertThatThrownBy(() -> registry.register("things-value", V2_WITHOUT_DEFAULT))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("incompatible schema")
                .hasMessageContaining("size")
                .extracting(e -> ((SchemaRegistryException) e).status())
                .isEqualTo(409);
        assertThat(registry.getLatest("things-value").schema()).isEqualTo(V1);
    }

    @Test
    void compatibilityTestExplainsTheProblem() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scopeA);
        registry.register("things-value", V1);

        SchemaRegistryClient.CompatibilityResult result = registry.testCompatibility("things-value", V2_WITHOUT_DEFAULT);

        assertThat(result.compatible()).isFalse();
        assertThat(result.messages()).anySatisfy(m -> assertThat(m).contains("READER_FIELD_MISSING_DEFAULT_VALUE"));
    }

    @Test
    void ourOwnContractsRegisterCleanly() {
        MockSchemaRegistry registry = MockSchemaRegistry.forScope(scopeA);

        int id = registry.register("news.articles.raw-value", RawArticle.getClassSchema());

        assertThat(registry.lookupId("news.articles.raw-value", RawArticle.getClassSchema())).isEqualTo(id);
    }
}
