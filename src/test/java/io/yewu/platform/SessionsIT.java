package io.yewu.platform;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions and web (issue 8): headers on every answer, CSRF tokens bound to the session, logout everywhere when an
 * administrator changes a user, and credentials managed only from a session login.
 */
class SessionsIT extends IntegrationTest {

    // ---- headers

    @Test
    void everyAnswerCarriesTheContentSecurityPolicyAndFriends() {
        for (Api.Response r : List.of(anonymous().get("/api/me"), login("sales1").get("/api/me"),
                anonymous().get("/api/auth/csrf"), anonymous().get("/customers"), anonymous().get("/no-such-file.js"))) {
            Map<String, String> h = r.headers();
            assertThat(h.get("content-security-policy")).as(h.toString())
                    .contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'",
                            "base-uri 'self'")
                    .doesNotContain("unsafe-eval").doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(h.get("x-content-type-options")).isEqualTo("nosniff");
            assertThat(h.get("referrer-policy")).isEqualTo("same-origin");
            assertThat(h.get("x-frame-options")).isEqualTo("DENY");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndNotSecureOverPlainHttp() {
        Api.Response r = anonymous().post("/api/auth/login", Map.of("username", "sales1", "password", "Yewu@2026"));
        String cookie = r.headers().get("set-cookie");
        assertThat(cookie).contains("SESSION=", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");
    }

    // ---- CSRF

    @Test
    void aSelfChosenCookieAndHeaderPairIsRefused() {
        Api victim = login("sales1");
        victim.cookie("XSRF-TOKEN", "attacker-chosen").header("X-XSRF-TOKEN", "attacker-chosen");
        Api.Response r = victim.put("/api/me/locale", Map.of("locale", "en"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("csrf-invalid");
        assertThat(victim.get("/api/me").json().path("locale").asString()).isEqualTo("zh-CN");
    }

    @Test
    void aTokenOfAnotherSessionIsRefused() {
        String attackersToken = login("sales2").csrfToken();
        Api victim = login("sales1");
        assertThat(victim.header("X-XSRF-TOKEN", attackersToken).put("/api/me/locale", Map.of("locale", "en")).status())
                .isEqualTo(403);
        assertThat(victim.put("/api/me/locale", Map.of("locale", "zh-CN")).status()).isEqualTo(204);
    }

    @Test
    void theTokenKnownBeforeLoginIsWorthlessAfterIt() {
        Api client = anonymous();
        String before = client.csrfToken(); // e.g. of a session an attacker planted before the victim logs in
        client.login("sales1", "Yewu@2026");
        assertThat(client.header("X-XSRF-TOKEN", before).put("/api/me/locale", Map.of("locale", "zh-CN")).status())
                .isEqualTo(403);
        assertThat(client.put("/api/me/locale", Map.of("locale", "zh-CN")).status()).isEqualTo(204);
    }

    @Test
    void theTokenComesInTheBodyAndNoCsrfCookieIsSet() {
        Api.Response r = anonymous().get("/api/auth/csrf");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("headerName").asString()).isEqualTo("X-XSRF-TOKEN");
        assertThat(r.json().path("token").asString()).isNotBlank();
        assertThat(r.headers().getOrDefault("set-cookie", "")).doesNotContain("XSRF-TOKEN");
    }

    // ---- logout everywhere

    private long department(String name) {
        return asSystem(() -> jdbc.sql("SELECT id FROM department WHERE name = :n").param("n", name).query(Long.class).single());
    }

    private record Victim(long id, Api session, String token, long version) {}

    private Victim victim(Api admin, String username) {
        JsonNode created = admin.post("/api/admin/users", Map.of("username", username, "displayName", "受测",
                "departmentId", department("业务一组"), "roles", List.of("SALESPERSON"), "password", "Passw0rd1")).json();
        Api session = Api.at(port).login(username, "Passw0rd1");
        String token = session.post("/api/me/tokens", Map.of("name", "erp")).json().path("token").asString();
        assertThat(session.get("/api/me").status()).isEqualTo(200);
        assertThat(Api.at(port).header("Authorization", "Bearer " + token).get("/api/me").status()).isEqualTo(200);
        return new Victim(created.path("id").asLong(), session, token, created.path("version").asLong());
    }

    private void assertLoggedOutEverywhere(Victim v) {
        assertThat(v.session().get("/api/me").status()).as("session").isEqualTo(401);
        assertThat(Api.at(port).header("Authorization", "Bearer " + v.token()).get("/api/me").status()).as("token")
                .isEqualTo(401);
    }

    private Map<String, Object> change(Victim v, String key, Object value) {
        Map<String, Object> body = new HashMap<>(Map.of("displayName", "受测", "departmentId", department("业务一组"),
                "roles", List.of("SALESPERSON"), "active", true, "version", v.version()));
        body.put(key, value);
        return body;
    }

    @Test
    void deactivatingRegrantingMovingOrResettingAUserEndsEverySessionAndToken() {
        Api admin = login("admin");
        Api bystander = login("sales2");
        Map<String, BiConsumer<Api, Victim>> changes = Map.of(
                "deactivate", (a, v) -> assertThat(a.put("/api/admin/users/" + v.id(), change(v, "active", false)).status()).isEqualTo(200),
                "roles", (a, v) -> assertThat(a.put("/api/admin/users/" + v.id(), change(v, "roles", List.of("SALESPERSON", "NETWORK_PROMOTER"))).status()).isEqualTo(200),
                "department", (a, v) -> assertThat(a.put("/api/admin/users/" + v.id(), change(v, "departmentId", department("业务二组"))).status()).isEqualTo(200),
                "password", (a, v) -> assertThat(a.post("/api/admin/users/" + v.id() + "/reset-password", Map.of("newPassword", "Reset2026x")).status()).isEqualTo(204));
        changes.forEach((what, act) -> {
            Victim v = victim(admin, "revoke-" + what);
            act.accept(admin, v);
            assertLoggedOutEverywhere(v);
            assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = :u").param("u", v.id())
                    .query(Long.class).single())).as(what).isZero();
        });
        assertThat(bystander.get("/api/me").status()).isEqualTo(200);
        assertThat(admin.get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void aChangeThatAltersNoAccessKeepsTheUserLoggedIn() {
        Api admin = login("admin");
        Victim v = victim(admin, "revoke-none");
        assertThat(admin.put("/api/admin/users/" + v.id(), change(v, "displayName", "改名")).status()).isEqualTo(200);
        assertThat(v.session().get("/api/me").status()).isEqualTo(200);
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsOnly() {
        Api admin = login("admin");
        victim(admin, "ownpw");
        Api here = Api.at(port).login("ownpw", "Passw0rd1");
        Api elsewhere = Api.at(port).login("ownpw", "Passw0rd1");
        assertThat(here.put("/api/me/password", Map.of("currentPassword", "Passw0rd1", "newPassword", "Changed2026x")).status())
                .isEqualTo(204);
        assertThat(here.get("/api/me").status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/me").status()).isEqualTo(401);
    }

    @Test
    void changingARolesDataScopeEndsTheSessionsOfItsHolders() {
        Api admin = login("admin");
        Api salesperson = login("sales3");
        Api promoter = login("promoter");
        JsonNode role = null;
        for (JsonNode r : admin.get("/api/admin/roles").json()) if (r.path("code").asString().equals("SALESPERSON")) role = r;
        assertThat(role).isNotNull();
        String path = "/api/admin/roles/" + role.path("id").asLong();
        String scope = role.path("dataScope").asString();
        Api.Response widened = admin.put(path, Map.of("dataScope", "DEPARTMENT", "version", role.path("version").asLong()));
        try {
            assertThat(widened.status()).as(widened.body()).isEqualTo(200);
            assertThat(salesperson.get("/api/me").status()).isEqualTo(401);
            assertThat(promoter.get("/api/me").status()).as("holds another role").isEqualTo(200);
            assertThat(login("sales3").get("/api/me").json().path("dataScope").asString()).isEqualTo("DEPARTMENT");
        } finally {
            admin.put(path, Map.of("dataScope", scope, "version", widened.json().path("version").asLong()));
        }
    }

    // ---- a token cannot mint tokens

    @Test
    void aBearerTokenCannotManageTokensOrThePassword() {
        Api admin = login("admin");
        Victim v = victim(admin, "tokenonly");
        Api integration = Api.at(port);
        String bearer = "Bearer " + v.token();
        assertThat(integration.header("Authorization", bearer).post("/api/me/tokens", Map.of("name", "more")).status()).isEqualTo(403);
        assertThat(integration.header("Authorization", bearer).get("/api/me/tokens").status()).isEqualTo(403);
        long tokenId = v.session().get("/api/me/tokens").json().get(0).path("id").asLong();
        assertThat(integration.header("Authorization", bearer).delete("/api/me/tokens/" + tokenId).status()).isEqualTo(403);
        assertThat(integration.header("Authorization", bearer).put("/api/me/password",
                Map.of("currentPassword", "Passw0rd1", "newPassword", "Stolen2026x")).status()).isEqualTo(403);
        assertThat(integration.header("Authorization", bearer).get("/api/me").status()).isEqualTo(200);
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM api_token WHERE user_id = :u").param("u", v.id())
                .query(Long.class).single())).isOne();
    }

    @Test
    void aWrongBearerTokenIsNotRescuedByASessionCookie() {
        Api session = login("sales1");
        assertThat(session.header("Authorization", "Bearer wrong").get("/api/me").status()).isEqualTo(401);
        assertThat(session.get("/api/me").status()).isEqualTo(200);
    }
}
