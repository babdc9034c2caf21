package io.newsflow.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsflow.schema.RawArticle;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local stack's registry answers the endpoints standard clients use as Confluent Schema Registry
 * documents them (docs.confluent.io, Schema Registry API reference), status and error_code included.
 */
@ExtendWith(SharedStack.class)
class RegistryConformanceIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String RECORD_V1 = "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";
    private static final String RECORD_INCOMPATIBLE = "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";
    private static final String RECORD_V2 = "{\"type\":\"record\",\"name\":\"Probe\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"},"
            + "{\"name\":\"b\",\"type\":\"string\",\"default\":\"\"}]}";

    private record Reply(int status, JsonNode json, String text) {
    }

    private final String subject = "probe-" + UUID.randomUUID().toString().substring(0, 8) + "-value";

    @Test
    void subjectConfigWithoutItsOwnLevelIs40408AndTheGlobalLevelWithDefaultToGlobal() throws Exception {
        register(subject, RECORD_V1);

        Reply own = call("GET", "/config/" + subject, null);
        assertThat(own.status()).isEqualTo(404);
        assertThat(own.json().get("error_code").asInt()).isEqualTo(40408);
        assertThat(own.json().get("message").asText())
                .isEqualTo("Subject '" + subject + "' does not have subject-level compatibility configured");

        Reply global = call("GET", "/config/" + subject + "?defaultToGlobal=true", null);
        assertThat(global.status()).isEqualTo(200);
        assertThat(global.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
    }

    /** What @kafkajs/confluent-schema-registry does on register with default options: read, set on 404, register. */
    @Test
    void aSubjectLevelSetWithPutIsReadBackAndRegistrationThenWorks() throws Exception {
        assertThat(call("GET", "/config/" + subject, null).status()).isEqualTo(404);

        Reply put = call("PUT", "/config/" + subject, "{\"compatibility\":\"BACKWARD\"}");
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().get("compatibility").asText()).isEqualTo("BACKWARD");
        Reply read = call("GET", "/config/" + subject, null);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");

        Reply registered = call("POST", "/subjects/" + subject + "/versions", schemaBody(RawArticle.getClassSchema().toString()));
        assertThat(registered.status()).isEqualTo(200);
        assertThat(registered.json().get("id").asInt()).isPositive();
    }

    @Test
    void anIncompatibleRegistrationIs409WithErrorCode409() throws Exception {
        register(subject, RECORD_V1);

        Reply reply = call("POST", "/subjects/" + subject + "/versions", schemaBody(RECORD_INCOMPATIBLE));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().get("error_code").asInt()).isEqualTo(409);
        assertThat(reply.json().get("message").asText()).startsWith("Schema being registered is incompatible with an earlier schema");
    }

    @Test
    void registerIsIdempotentAndVersionsAndLatestDescribeTheSubject() throws Exception {
        int id = register(subject, RECORD_V1);
        assertThat(register(subject, RECORD_V1)).isEqualTo(id);
        int second = register(subject, RECORD_V2);

        assertThat(call("GET", "/subjects/" + subject + "/versions", null).text()).isEqualTo("[1,2]");
        JsonNode latest = call("GET", "/subjects/" + subject + "/versions/latest", null).json();
        assertThat(latest.get("subject").asText()).isEqualTo(subject);
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        assertThat(latest.get("id").asInt()).isEqualTo(second);
        assertThat(JSON.readTree(latest.get("schema").asText())).isEqualTo(JSON.readTree(RECORD_V2));
        assertThat(call("GET", "/subjects", null).json()).anySatisfy(s -> assertThat(s.asText()).isEqualTo(subject));
    }

    @Test
    void lookupAnswers40401ForAnUnknownSubjectAnd40403ForAnUnknownSchema() throws Exception {
        Reply noSubject = call("POST", "/subjects/" + subject, schemaBody(RECORD_V1));
        assertThat(noSubject.status()).isEqualTo(404);
        assertThat(noSubject.json().get("error_code").asInt()).isEqualTo(40401);

        int id = register(subject, RECORD_V1);
        Reply found = call("POST", "/subjects/" + subject, schemaBody(RECORD_V1));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asInt()).isEqualTo(id);
        assertThat(found.json().get("version").asInt()).isEqualTo(1);

        Reply noSchema = call("POST", "/subjects/" + subject, schemaBody(RECORD_V2));
        assertThat(noSchema.status()).isEqualTo(404);
        assertThat(noSchema.json().get("error_code").asInt()).isEqualTo(40403);
    }

    @Test
    void schemaByIdAnswersTheSchemaAnd40403ForAnUnknownId() throws Exception {
        int id = register(subject, RECORD_V1);

        Reply byId = call("GET", "/schemas/ids/" + id, null);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(JSON.readTree(byId.json().get("schema").asText())).isEqualTo(JSON.readTree(RECORD_V1));
        Reply text = call("GET", "/schemas/ids/" + id + "/schema", null);
        assertThat(text.status()).isEqualTo(200);
        assertThat(JSON.readTree(text.text())).isEqualTo(JSON.readTree(RECORD_V1));
        Reply unknown = call("GET", "/schemas/ids/987654", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error_code").asInt()).isEqualTo(40403);
    }

    @Test
    void compatibilityAnswersIsCompatibleAndMessagesWhenVerbose() throws Exception {
        register(subject, RECORD_V1);

        Reply ok = call("POST", "/compatibility/subjects/" + subject + "/versions/latest", schemaBody(RECORD_V2));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text()).isEqualTo("{\"is_compatible\":true}");
        Reply bad = call("POST", "/compatibility/subjects/" + subject + "/versions/latest?verbose=true", schemaBody(RECORD_INCOMPATIBLE));
        assertThat(bad.json().get("is_compatible").asBoolean()).isFalse();
        assertThat(bad.json().get("messages")).isNotEmpty();
    }

    @Test
    void globalConfigAndModeAnswerLikeConfluent() throws Exception {
        assertThat(call("GET", "/config", null).json().get("compatibilityLevel").asText()).isEqualTo("BACKWARD");
        assertThat(call("GET", "/mode", null).text()).isEqualTo("{\"mode\":\"READWRITE\"}");
        Reply subjectMode = call("GET", "/mode/" + subject, null);
        assertThat(subjectMode.status()).isEqualTo(404);
        assertThat(subjectMode.json().get("error_code").asInt()).isEqualTo(40409);
        assertThat(call("GET", "/mode/" + subject + "?defaultToGlobal=true", null).text()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void anInvalidSchemaIs422WithErrorCode42201() throws Exception {
        Reply reply = call("POST", "/subjects/" + subject + "/versions", "{\"schema\":\"not a schema\"}");

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("error_code").asInt()).isEqualTo(42201);
    }

    private int register(String subject, String schema) throws Exception {
        Reply reply = call("POST", "/subjects/" + subject + "/versions", schemaBody(schema));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().get("id").asInt();
    }

    private static String schemaBody(String schema) {
        return JSON.createObjectNode().put("schema", schema).toString();
    }

    private static Reply call(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(SharedStack.stack().schemaRegistryUrl() + path))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode json;
        try {
            json = JSON.readTree(response.body());
        } catch (Exception notJson) {
            json = JSON.nullNode();
        }
        return new Reply(response.statusCode(), json, response.body());
    }
}
