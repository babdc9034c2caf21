package io.newsflow.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract stays BACKWARD and FORWARD compatible with every released version kept in the repo. */
class SchemaEvolutionTest {

    /** The schemas of this build, by full name. */
    private static final Map<String, Schema> CURRENT = Map.of(
            RawArticle.getClassSchema().getFullName(), RawArticle.getClassSchema(),
            EnrichedArticle.getClassSchema().getFullName(), EnrichedArticle.getClassSchema(),
            Tag.getClassSchema().getFullName(), Tag.getClassSchema(),
            NoiseReport.getClassSchema().getFullName(), NoiseReport.getClassSchema());

    record Released(String version, Schema schema) {
        @Override
        public String toString() {
            return schema.getName() + " " + version;
        }
    }

    static List<Released> released() throws IOException, URISyntaxException {
        Path root = Path.of(SchemaEvolutionTest.class.getResource("/released").toURI());
        List<Released> all = new ArrayList<>();
        try (Stream<Path> versions = Files.list(root)) {
            for (Path version : versions.filter(Files::isDirectory).sorted().toList()) {
                Schema.Parser parser = new Schema.Parser();
                // named types first: the articles refer to Tag and NoiseReport by name
                for (String name : List.of("Tag", "NoiseReport", "RawArticle", "EnrichedArticle")) {
                    Path file = version.resolve(name + ".avsc");
                    if (Files.exists(file)) {
                        try (InputStream in = Files.newInputStream(file)) {
                            all.add(new Released(version.getFileName().toString(), parser.parse(in)));
                        }
                    }
                }
            }
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("released")
    void newReadersReadReleasedDataAndReleasedReadersReadNewData(Released old) {
        Schema current = CURRENT.get(old.schema().getFullName());
        assertThat(current).as("%s was released and must still exist", old.schema().getFullName()).isNotNull();

        assertThat(compatibility(current, old.schema())).as("BACKWARD: this build reads %s", old)
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        assertThat(compatibility(old.schema(), current)).as("FORWARD: %s reads this build's data", old)
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    @Test
    void releasedVersionsAreThere() throws Exception {
        assertThat(released()).extracting(r -> r.schema().getName())
                .contains("RawArticle", "EnrichedArticle", "Tag", "NoiseReport");
    }

    @Test
    void theCheckCatchesATypeChangeAndARequiredFieldWithoutDefault() {
        Schema tag = Tag.getClassSchema();
        Schema retyped = new Schema.Parser().parse(tag.toString().replace("\"type\":\"float\"", "\"type\":\"long\"")
                .replace("\"default\":0.0", "\"default\":0"));
        Schema required = new Schema.Parser().parse(tag.toString().replace("\"fields\":[",
                "\"fields\":[{\"name\":\"weight\",\"type\":\"double\"},"));

        assertThat(retyped).isNotEqualTo(tag);
        assertThat(compatibility(retyped, tag)).as("a long cannot be read from a float").isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(compatibility(required, tag)).as("a new reader cannot fill a field old data lacks")
                .isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
        assertThat(compatibility(tag, required)).as("an old reader skips the new field").isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }

    private static SchemaCompatibilityType compatibility(Schema reader, Schema writer) {
        return SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType();
    }
}
