package io.yewu.platform;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityIT extends IntegrationTest {

    @Test
    void anonymousGets401ProblemInBothLanguages() {
        Api.Response zh = anonymous().get("/api/me");
        assertThat(zh.status()).isEqualTo(401);
        assertThat(zh.code()).isEqualTo("unauthenticated");
        assertThat(zh.json().path("detail").asString()).isEqualTo("请先登录。");
        Api.Response en = anonymous().language("en").get("/api/me");
        assertThat(en.json().path("detail").asString()).isEqualTo("Please log in first.");
    }

    @Test
    void userWithoutAdminRoleGets403OnAdminEndpoints() {
        Api sales = login("sales1");
        for (String path : List.of("/api/admin/users", "/api/admin/departments", "/api/admin/roles")) {
            Api.Response r = sales.get(path);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.code()).isEqualTo("forbidden");
        }
        assertThat(sales.post("/api/admin/users", Map.of("username", "x")).status()).isEqualTo(403);
        assertThat(login("admin").get("/api/admin/users").status()).isEqualTo(200);
    }

    @Test
    void PLT5_theRoleListSaysHowManyActiveUsersAScopeChangeAffects() {
        JsonNode roles = login("admin").get("/api/admin/roles").json();
        long holders = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM user_role ur JOIN role r ON r.id = ur.role_id AND r.company_id = ur.company_id
                JOIN app_user u ON u.id = ur.user_id AND u.company_id = ur.company_id
                JOIN company c ON c.id = r.company_id
                WHERE c.code = 'DEMO' AND r.code = 'SALESPERSON' AND u.active""").query(Long.class).single());
        JsonNode sales = null;
        for (JsonNode r : roles) if (r.path("code").asString().equals("SALESPERSON")) sales = r;
        assertThat(sales).isNotNull();
        assertThat(holders).isGreaterThanOrEqualTo(4);
        assertThat(sales.path("userCount").asLong()).isEqualTo(holders);
    }

    @Test
    void stateChangeWithoutCsrfTokenIsRefused() {
        Api admin = login("admin");
        admin.header("X-XSRF-TOKEN", "forged");
        Api.Response r = admin.put("/api/me/locale", Map.of("locale", "en"));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("csrf-invalid");
    }

    @Test
    void wrongPasswordIs401AndRepeatedFailuresAreThrottled() {
        Api client = anonymous();
        String name = "throttled" + System.nanoTime(); // any name, existing or not: throttling reveals nothing
        for (int i = 0; i < 5; i++) {
            Api.Response r = client.post("/api/auth/login", Map.of("username", name, "password", "wrong-" + i));
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.code()).isEqualTo("bad-credentials");
        }
        Api.Response throttled = client.post("/api/auth/login", Map.of("username", name, "password", "Yewu@2026"));
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.code()).isEqualTo("login-throttled");
        long retryAfter = Long.parseLong(throttled.headers().get("retry-after"));
        assertThat(retryAfter).isBetween(1L, 15 * 60L);
        assertThat(throttled.json().path("retryAfter").asLong()).isEqualTo(retryAfter);
    }

    @Test
    void theOpenApiDocumentAndItsBrowsablePageAreServed() {
        Api.Response doc = anonymous().get("/v3/api-docs");
        assertThat(doc.status()).isEqualTo(200);
        assertThat(doc.body()).contains("/api/customers", "/api/admin/users", "/api/approvals");
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void passwordsAreStoredWithBcrypt() {
        String hash = asSystem(() -> jdbc.sql("SELECT password_hash FROM app_user WHERE username = 'sales1'")
                .query(String.class).single());
        assertThat(hash).startsWith("{bcrypt}$2");
    }
}
