package io.yewu.platform;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input gets a clear error and loses nothing; retries do not act twice; concurrent edits do not overwrite. */
class WritesIT extends IntegrationTest {

    private long department(String name) {
        return asSystem(() -> jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single());
    }

    private Map<String, Object> newUser(String username) {
        return Map.of("username", username, "displayName", "测试", "departmentId", department("业务一组"),
                "roles", List.of("SALESPERSON"), "password", "Passw0rd1");
    }

    @Test
    void fieldErrorsComeInChineseAndEnglishAndNothingIsSaved() {
        Map<String, Object> bad = Map.of("username", "bad name!", "displayName", "x".repeat(51), "departmentId", 999999,
                "roles", List.of("SALESPERSON"), "password", "short", "email", "not-mail");
        Api.Response zh = login("admin").post("/api/admin/users", bad);
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.code()).isEqualTo("validation");
        assertThat(zh.body()).contains("\"field\":\"username\"", "\"field\":\"displayName\"", "\"field\":\"email\"", "邮箱格式不正确");
        Api.Response en = login("admin").language("en").post("/api/admin/users", bad);
        assertThat(en.body()).contains("Not a valid e-mail address");
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'bad name!'").query(Long.class).single())).isZero();
    }

    @Test
    void ruleViolationsAre422WithTheField() {
        Map<String, Object> weak = new java.util.HashMap<>(newUser("weakpw"));
        weak.put("password", "abcdefgh");
        Api.Response r = login("admin").post("/api/admin/users", weak);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("password");

        Map<String, Object> unknownDept = new java.util.HashMap<>(newUser("nodept"));
        unknownDept.put("departmentId", 987654);
        Api.Response d = login("admin").language("en").post("/api/admin/users", unknownDept);
        assertThat(d.status()).isEqualTo(422);
        assertThat(d.json().path("errors").get(0).path("message").asString()).startsWith("Does not exist");
    }

    @Test
    void malformedJsonIs400AndAWrongTypeIs422NamingTheField() {
        Api.Response r = login("admin").post("/api/admin/users", "{\"username\": ");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("malformed-request");
        Api.Response typed = login("admin").post("/api/admin/users", "{\"departmentId\": \"abc\"}");
        assertThat(typed.status()).isEqualTo(422);
        assertThat(typed.json().path("errors").get(0).path("field").asString()).isEqualTo("departmentId");
    }

    @Test
    void duplicateUsernameIsAFieldError() {
        Api.Response r = login("admin").post("/api/admin/users", newUser("SALES1"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("code").asString()).isEqualTo("taken");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerInsteadOfCreatingTwice() {
        Api admin = login("admin");
        String key = UUID.randomUUID().toString();
        Api.Response first = admin.header("Idempotency-Key", key).post("/api/admin/users", newUser("idem1"));
        Api.Response retry = admin.header("Idempotency-Key", key).post("/api/admin/users", newUser("idem1"));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.headers()).containsEntry("idempotency-replayed", "true");
        assertThat(retry.json().path("id").asLong()).isEqualTo(first.json().path("id").asLong());
        Api.Response other = admin.header("Idempotency-Key", key).post("/api/admin/users", newUser("idem2"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("idempotency-mismatch");
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM app_user WHERE username IN ('idem1', 'idem2')").query(Long.class).single())).isOne();
    }

    @Test
    void aFailedAttemptFreesItsIdempotencyKey() {
        Api admin = login("admin");
        String key = UUID.randomUUID().toString();
        Map<String, Object> bad = new java.util.HashMap<>(newUser("idem3"));
        bad.put("password", "weak");
        assertThat(admin.header("Idempotency-Key", key).post("/api/admin/users", bad).status()).isEqualTo(422);
        assertThat(admin.header("Idempotency-Key", key).post("/api/admin/users", newUser("idem3")).status()).isEqualTo(201);
    }

    @Test
    void aConflictIsReplayedToARetryWithTheSameKey() {
        Api admin = login("admin");
        var created = admin.post("/api/admin/users", newUser("idem409")).json();
        long id = created.path("id").asLong();
        long dept = created.path("departmentId").asLong();
        assertThat(admin.put("/api/admin/users/" + id, Map.of("displayName", "先改", "departmentId", dept,
                "roles", List.of("SALESPERSON"), "active", true, "version", 0)).status()).isEqualTo(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> stale = Map.of("displayName", "后改", "departmentId", dept, "roles", List.of("SALESPERSON"),
                "active", true, "version", 0);
        Api.Response first = admin.header("Idempotency-Key", key).put("/api/admin/users/" + id, stale);
        assertThat(first.status()).isEqualTo(409);
        assertThat(first.code()).isEqualTo("version-conflict");
        // even once the version would fit, the retry of the same action gets the same answer, not a second decision
        asSystem(() -> jdbc.sql("UPDATE app_user SET version = 0 WHERE id = :id").param("id", id).update());
        Api.Response retry = admin.header("Idempotency-Key", key).put("/api/admin/users/" + id, stale);
        assertThat(retry.status()).isEqualTo(409);
        assertThat(retry.code()).isEqualTo("version-conflict");
        assertThat(retry.headers()).containsEntry("idempotency-replayed", "true");
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(admin.get("/api/admin/users?q=idem409").json().path("items").get(0).path("displayName").asString())
                .isEqualTo("先改");
    }

    @Test
    void staleVersionIs409AndKeepsTheFirstEdit() {
        Api admin = login("admin");
        var created = admin.post("/api/admin/users", newUser("lock1")).json();
        long id = created.path("id").asLong();
        Map<String, Object> edit = Map.of("displayName", "第一次", "departmentId", created.path("departmentId").asLong(),
                "roles", List.of("SALESPERSON"), "active", true, "version", 0);
        assertThat(admin.put("/api/admin/users/" + id, edit).status()).isEqualTo(200);
        Map<String, Object> stale = Map.of("displayName", "第二次", "departmentId", created.path("departmentId").asLong(),
                "roles", List.of("SALESPERSON"), "active", true, "version", 0);
        Api.Response r = admin.put("/api/admin/users/" + id, stale);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("version-conflict");
        assertThat(admin.get("/api/admin/users?q=lock1").json().path("items").get(0).path("displayName").asString())
                .isEqualTo("第一次");
    }

    @Test
    void userChangesAreAudited() {
        Api admin = login("admin");
        long id = admin.post("/api/admin/users", newUser("audit1")).json().path("id").asLong();
        String changes = asSystem(() -> jdbc.sql("SELECT changes::text FROM audit_log WHERE entity_type = 'user' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(String.class).single());
        assertThat(changes).contains("audit1", "SALESPERSON");
    }

    @Test
    void selfServicePasswordChangeChecksTheCurrentPassword() {
        Api admin = login("admin");
        admin.post("/api/admin/users", newUser("pw1"));
        Api user = Api.at(port).login("pw1", "Passw0rd1");
        assertThat(user.put("/api/me/password", Map.of("currentPassword", "wrong", "newPassword", "NewPassw0rd")).status()).isEqualTo(422);
        assertThat(user.put("/api/me/password", Map.of("currentPassword", "Passw0rd1", "newPassword", "NewPassw0rd")).status()).isEqualTo(204);
        assertThat(Api.at(port).login("pw1", "NewPassw0rd").get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void apiTokenAuthenticatesWithoutSessionOrCsrf() {
        Api admin = login("admin");
        String token = admin.post("/api/me/tokens", Map.of("name", "erp")).json().path("token").asString();
        Api integration = Api.at(port);
        assertThat(integration.header("Authorization", "Bearer " + token).get("/api/me").json().path("username").asString())
                .isEqualTo("admin");
        assertThat(integration.header("Authorization", "Bearer wrong").get("/api/me").status()).isEqualTo(401);
    }
}
