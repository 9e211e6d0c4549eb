package io.yewu.support;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * Base for integration tests: the whole application on a real PostgreSQL (embedded, fresh per test JVM, fsync
 * off for speed; or the server in YEWU_TEST_DB_URL) with the demo company, reached over real HTTP. The company
 * starts with its users and departments but without the generated customer book ({@code yewu.demo-data.customers=0}),
 * so tests count what they create; {@code DemoDataIT} turns the book on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "yewu.data-dir=${java.io.tmpdir}/yewu-it-${random.uuid}",
        "yewu.db.durable=false",
        "yewu.db.url=${YEWU_TEST_DB_URL:}",
        "yewu.db.user=${YEWU_TEST_DB_USER:postgres}",
        "yewu.db.password=${YEWU_TEST_DB_PASSWORD:}",
        "yewu.login.max-failures=5",
        "yewu.demo-data.customers=0"
})
@org.springframework.context.annotation.Import(StatementCounter.Config.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcClient jdbc;

    /** A logged-in HTTP client for a demo user (password Yewu@2026). */
    protected Api login(String username) {
        return Api.at(port).login(username, "Yewu@2026");
    }

    /** Direct SQL for assertions, across the company wall (tests have no logged-in company). */
    protected <T> T asSystem(java.util.function.Supplier<T> work) {
        return io.yewu.platform.security.CompanyContext.callAsSystem(work);
    }

    /** The approval the approver has pending for a subject, as the approval detail screen reads it (issue 12). */
    protected tools.jackson.databind.JsonNode pendingApproval(Api approver, String subjectType, String subjectId) {
        for (tools.jackson.databind.JsonNode a : approver.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if (subjectType.equals(a.path("subjectType").asString()) && subjectId.equals(a.path("subjectId").asString())) {
                Api.Response detail = approver.get("/api/approvals/" + a.path("id").asLong());
                org.assertj.core.api.Assertions.assertThat(detail.status()).as(detail.body()).isEqualTo(200);
                return detail.json();
            }
        }
        throw new AssertionError("nothing pending for " + subjectType + " " + subjectId);
    }

    /** One figure of an approval's details by its field name. */
    protected static tools.jackson.databind.JsonNode fact(tools.jackson.databind.JsonNode approval, String field) {
        for (tools.jackson.databind.JsonNode f : approval.path("details").path("facts")) {
            if (field.equals(f.path("field").asString())) return f.path("value");
        }
        throw new AssertionError("no figure " + field + " in " + approval.path("details"));
    }

    protected Api anonymous() {
        return Api.at(port);
    }

    /**
     * A user holding one role, password Yewu@2026 (sales1's hash), in the department given or else the company's
     * first one; returns the user's id.
     */
    protected long addUser(long companyId, String username, io.yewu.platform.security.RoleCode role, String displayName,
                           Long departmentId) {
        return asSystem(() -> {
            long id = jdbc.sql("""
                    INSERT INTO app_user (company_id, username, password_hash, display_name, department_id)
                    SELECT :c, :u, (SELECT password_hash FROM app_user WHERE username = 'sales1'), :n,
                           coalesce(:d, (SELECT id FROM department WHERE company_id = :c ORDER BY id LIMIT 1))
                    RETURNING id""").param("c", companyId).param("u", username).param("n", displayName)
                    .param("d", departmentId, java.sql.Types.BIGINT).query(Long.class).single();
            jdbc.sql("INSERT INTO user_role (company_id, user_id, role_id) SELECT :c, :id, id FROM role WHERE company_id = :c AND code = :r")
                    .param("c", companyId).param("id", id).param("r", role.name()).update();
            return id;
        });
    }

    /** A new company, created by the group administrator, with one user holding {@code role}; returns the login name. */
    protected String userOfNewCompany(String prefix, io.yewu.platform.security.RoleCode role, String displayName) {
        String code = prefix + System.nanoTime() % 100000;
        Api.Response created = login("admin").post("/api/group/companies", java.util.Map.of("code", code, "name", "外地公司" + code,
                "adminUsername", prefix.toLowerCase() + "admin" + code.toLowerCase(), "adminPassword", "Branch2026x"));
        org.assertj.core.api.Assertions.assertThat(created.status()).as(created.body()).isEqualTo(201);
        String username = prefix.toLowerCase() + role.name().toLowerCase().replace('_', '-') + code.toLowerCase();
        addUser(created.json().path("id").asLong(), username, role, displayName, null);
        return username;
    }
}
