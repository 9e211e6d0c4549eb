package io.yewu.platform;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is a contract kept in the repository: {@code openapi/yewu-api.json} must be what the server
 * serves, because the UI build lints that copy (Redocly CLI, redocly.yaml) and generates the UI's TypeScript types
 * from it (web/src/api/generated/). When an endpoint changes, run this test with {@code -Dyewu.openapi.update=true}
 * to rewrite the copy, and commit it (docs/decisions/0028-assets-and-api-contract.md).
 */
class ApiDocumentIT extends IntegrationTest {

    static final Path COMMITTED = Path.of("openapi/yewu-api.json");

    @Test
    void theCommittedDocumentIsTheOneTheServerServes() throws Exception {
        String text = Api.JSON.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document()) + "\n";
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), text);
        if (Boolean.getBoolean("yewu.openapi.update")) Files.writeString(COMMITTED, text);
        assertThat(Files.exists(COMMITTED) ? Files.readString(COMMITTED) : "")
                .as("%s differs from /v3/api-docs (the live one is in target/openapi.json): rerun ApiDocumentIT with "
                        + "-Dyewu.openapi.update=true, rebuild the UI (npm run build in web/) and commit both", COMMITTED)
                .isEqualTo(text);
    }

    /** The first build of the document takes long on a busy machine: more than the test client's 30 s. */
    private JsonNode document() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var answer = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/v3/api-docs"))
                .timeout(java.time.Duration.ofMinutes(3)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        return Api.JSON.readTree(answer.body());
    }

    @Test
    void everyOperationHasASummaryAUniqueIdSecurityAndItsProblems() throws Exception {
        JsonNode doc = document();
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (var path : doc.path("paths").properties()) {
            for (var verb : path.getValue().properties()) {
                String where = verb.getKey() + " " + path.getKey();
                JsonNode op = verb.getValue();
                operations++;
                assertThat(op.path("summary").asString()).as(where).isNotBlank();
                assertThat(ids.add(op.path("operationId").asString())).as("unique operationId of %s", where).isTrue();
                assertThat(op.has("security")).as(where).isTrue();
                assertThat(op.path("responses").propertyNames()).as(where).anyMatch(s -> s.startsWith("4"));
                op.path("responses").forEach(r -> assertThat(r.path("content").has("*/*")).as(where).isFalse());
            }
        }
        assertThat(operations).isGreaterThan(200);

        JsonNode login = doc.path("paths").path("/api/auth/login").path("post");
        assertThat(login.path("security").toString()).isEqualTo("[{\"csrfHeader\":[],\"sessionCookie\":[]}]");
        JsonNode customers = doc.path("paths").path("/api/customers");
        assertThat(customers.path("get").path("security").toString())
                .isEqualTo("[{\"sessionCookie\":[]},{\"bearerToken\":[]}]");
        assertThat(customers.path("post").path("security").toString())
                .isEqualTo("[{\"csrfHeader\":[],\"sessionCookie\":[]},{\"bearerToken\":[]}]");
        assertThat(customers.path("post").path("responses").path("422").path("$ref").asString())
                .isEqualTo("#/components/responses/UnprocessableContent");
        assertThat(doc.path("components").path("responses").path("Conflict").path("content").has("application/problem+json")).isTrue();
        assertThat(doc.path("paths").path("/api/me/tokens").path("post").path("security").toString())
                .as("a token cannot mint tokens").isEqualTo("[{\"csrfHeader\":[],\"sessionCookie\":[]}]");
        assertThat(doc.path("components").path("securitySchemes").path("csrfHeader").path("name").asString()).isEqualTo("X-XSRF-TOKEN");
        // nested records of different capabilities keep their own schemas (both were once the one "Detail")
        assertThat(doc.path("paths").path("/api/orders/{id}").path("get").path("responses").path("200").toString())
                .contains("#/components/schemas/OrderQueriesDetail");
        assertThat(doc.path("paths").path("/api/customers/{id}").path("get").path("responses").path("200").toString())
                .contains("#/components/schemas/CustomerQueriesDetail");
    }
}
