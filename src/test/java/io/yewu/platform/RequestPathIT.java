package io.yewu.platform;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The request path's costs that issue 9 removed must not come back (docs/decisions/0018-speed.md). */
class RequestPathIT extends IntegrationTest {

    private String xmin(String sql, Object param) {
        return asSystem(() -> jdbc.sql(sql).param(1, param).query(String.class).single());
    }

    @Test
    void aSubmissionWithAnIdempotencyKeyIsOneTransactionWithItsStoredAnswer() {
        Api sales1 = login("sales1");
        String key = UUID.randomUUID().toString();
        String phone = "139" + String.format("%08d", System.nanoTime() % 100_000_000);
        Api.Response r = sales1.header("Idempotency-Key", key).post("/api/customers", Map.of("name", "一次提交" + key.substring(0, 8),
                "city", "广州市", "contacts", List.of(Map.of("name", "王经理", "phone", phone))));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        // one commit: the customer, its audit row and the idempotency record with the answer share a transaction id
        String customerTx = xmin("SELECT xmin::text FROM customer WHERE id = ?", id);
        assertThat(xmin("SELECT xmin::text FROM idempotency_record WHERE key = ?", key)).isEqualTo(customerTx);
        assertThat(xmin("SELECT xmin::text FROM audit_log WHERE entity_type = 'customer' AND entity_id = ?", String.valueOf(id)))
                .isEqualTo(customerTx);
        assertThat(asSystem(() -> jdbc.sql("SELECT http_status FROM idempotency_record WHERE key = ?").param(1, key)
                .query(Integer.class).single())).isEqualTo(201);
        // and the retry still gets the stored answer
        Api.Response retry = sales1.header("Idempotency-Key", key).post("/api/customers", Map.of("name", "一次提交" + key.substring(0, 8),
                "city", "广州市", "contacts", List.of(Map.of("name", "王经理", "phone", phone))));
        assertThat(retry.headers()).containsEntry("idempotency-replayed", "true");
        assertThat(retry.json().path("id").asLong()).isEqualTo(id);
    }

    @Test
    void aRequestThatDoesNotChangeTheSessionDoesNotWriteIt() {
        Api sales1 = login("sales1");
        assertThat(sales1.get("/api/me").status()).isEqualTo(200);
        String before = asSystem(() -> jdbc.sql("SELECT string_agg(xmin::text || ':' || last_access_time, ',' ORDER BY primary_id) "
                + "FROM spring_session WHERE principal_name = 'sales1'").query(String.class).single());
        for (int i = 0; i < 3; i++) assertThat(sales1.get("/api/customers?size=5").status()).isEqualTo(200);
        String after = asSystem(() -> jdbc.sql("SELECT string_agg(xmin::text || ':' || last_access_time, ',' ORDER BY primary_id) "
                + "FROM spring_session WHERE principal_name = 'sales1'").query(String.class).single());
        assertThat(after).isEqualTo(before);
    }

    /** Decision 0043: the login and the CSRF token are stored field by field, not by Java serialization (0xAC 0xED). */
    @Test
    void aSessionsLoginAndTokenAreStoredFieldByField() {
        Api sales2 = login("sales2");
        assertThat(sales2.get("/api/me").status()).isEqualTo(200);
        List<String> heads = asSystem(() -> jdbc.sql("""
                SELECT a.attribute_name || '=' || encode(substring(a.attribute_bytes FROM 1 FOR 1), 'hex')
                FROM spring_session_attributes a JOIN spring_session s ON s.primary_id = a.session_primary_id
                WHERE s.principal_name = 'sales2' ORDER BY a.attribute_name""").query(String.class).list());
        assertThat(heads).contains("SPRING_SECURITY_CONTEXT=01",
                "org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository.CSRF_TOKEN=02");
        assertThat(heads).noneMatch(h -> h.endsWith("=ac"));
    }
}
