package io.yewu.service;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The online form outside the login (SVC-1): file, look up with number and phone, per-address limit. */
class PublicTicketIT extends IntegrationTest {

    @AfterEach
    void restore() {
        login("admin").post("/api/admin/settings/service.public.per-address-hour", Map.of("value", 1000));
    }

    @Test
    @DisplayName("SVC-1: a question from the public form becomes a ticket with an owner and a promise; its status needs number and phone")
    void fileAndLookUp() {
        login("admin").post("/api/admin/settings/service.public.per-address-hour", Map.of("value", 1000));
        Api anonymous = anonymous();
        var filed = anonymous.post("/api/public/tickets", Map.of("company", "DEMO", "name", "赵女士", "phone", "13812345678",
                "type", "INQUIRY", "subject", "网上订货如何退货"));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        String number = filed.json().path("number").asString();
        assertThat(number).startsWith("GD");
        Map<String, Object> t = asSystem(() -> jdbc.sql("""
                SELECT t.channel, t.state, t.promised_at, t.received_at,
                       EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.company_id = ur.company_id AND r.id = ur.role_id
                               WHERE ur.company_id = t.company_id AND ur.user_id = t.owner_id AND r.code = 'SERVICE_AGENT') AS owner_is_agent
                FROM ticket t WHERE t.number = :n""").param("n", number).query().singleRow());
        assertThat(t.get("channel")).isEqualTo("ONLINE_FORM");
        // the least busy service agent (other tests' agents included) takes it
        assertThat(t.get("owner_is_agent")).isEqualTo(true);
        var status = anonymous.post("/api/public/tickets/status", Map.of("company", "DEMO", "number", number, "phone", "13812345678"));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.json().path("state").asString()).isEqualTo("OPEN");
        assertThat(OffsetDateTime.parse(status.json().path("promisedAt").asString()))
                .isAfter(OffsetDateTime.now().plusHours(23));
        var wrongPhone = anonymous.post("/api/public/tickets/status", Map.of("company", "DEMO", "number", number, "phone", "13800000000"));
        var wrongNumber = anonymous.post("/api/public/tickets/status", Map.of("company", "DEMO", "number", "GD000", "phone", "13812345678"));
        assertThat(wrongPhone.status()).isEqualTo(404);
        assertThat(wrongNumber.status()).isEqualTo(404);
        assertThat(wrongPhone.body()).isEqualTo(wrongNumber.body());
        assertThat(anonymous.post("/api/public/tickets", Map.of("company", "DEMO", "phone", "13812345678")).status()).isEqualTo(422);
        assertThat(anonymous.post("/api/public/tickets", Map.of()).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("SVC-1: beyond the per-address limit the form answers 429 with Retry-After")
    void perAddressLimit() {
        login("admin").post("/api/admin/settings/service.public.per-address-hour", Map.of("value", 1));
        Api anonymous = anonymous();
        Map<String, Object> body = Map.of("company", "DEMO", "name", "钱先生", "phone", "13912345678", "type", "SUGGESTION", "subject", "建议延长营业时间");
        var first = anonymous.post("/api/public/tickets", body);
        var second = anonymous.post("/api/public/tickets", body);
        assertThat(second.status()).isEqualTo(429);
        assertThat(second.headers().toString().toLowerCase()).contains("retry-after");
        assertThat(first.status()).isIn(201, 429);
        long retry = second.json().path("retryAfter").asLong();
        assertThat(Duration.ofSeconds(retry)).isBetween(Duration.ofSeconds(1), Duration.ofHours(1));
    }
}
