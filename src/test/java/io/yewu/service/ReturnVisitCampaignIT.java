package io.yewu.service;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-6 campaign return visits (统一回访): drawn from the customer files, shared among the desk, reported. */
class ReturnVisitCampaignIT extends IntegrationTest {

    private Api admin;
    private Api desk;
    private String tag;
    private final List<Long> customers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        admin = login("admin");
        desk = login("revisit");
        tag = "回访测试" + System.nanoTime() % 1000000;
        for (int i = 0; i < 3; i++) {
            long id = ServiceFixtures.customer(jdbc, "统一回访超市" + i + "-" + System.nanoTime() % 100000, "1350000" + (1000 + System.nanoTime() % 9000), i == 0);
            asSystem(() -> jdbc.sql("UPDATE customer SET tags = ARRAY[:tag] WHERE id = :id").param("tag", tag).param("id", id).update());
            customers.add(id);
        }
        callHours("00:00", "23:59");
    }

    @AfterEach
    void restore() {
        callHours("09:00", "20:00");
    }

    private void callHours(String from, String until) {
        assertThat(admin.post("/api/admin/settings/service.calls.from", Map.of("value", from)).status()).isIn(200, 201);
        assertThat(admin.post("/api/admin/settings/service.calls.until", Map.of("value", until)).status()).isIn(200, 201);
    }

    private Map<String, Object> campaign(String channel, Map<String, Object> criteria) {
        return Map.of("name", "春节回访" + tag, "channel", channel, "purpose", "节前问候",
                "dueAt", OffsetDateTime.now(ServiceFixtures.SH).plusDays(3).toString(), "criteria", criteria);
    }

    @Test
    @DisplayName("SVC-6: a campaign draws customers by tag, shares them in turn, and its report counts reached, satisfaction, unreachable")
    void phoneCampaign() {
        assertThat(desk.post("/api/return-visit-campaigns/preview", Map.of("tag", tag)).json().path("customers").asLong()).isEqualTo(3);
        assertThat(desk.post("/api/return-visit-campaigns/preview", Map.of("tag", tag, "keyAccount", true)).json().path("customers").asLong())
                .isEqualTo(1);
        var created = desk.post("/api/return-visit-campaigns", campaign("PHONE", Map.of("tag", tag)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("campaign").path("id").asLong();
        assertThat(created.json().path("total").asLong()).isEqualTo(3);

        JsonNode queue = desk.get("/api/return-visits?size=50&campaignId=" + id).json().path("items");
        assertThat(queue.size()).isEqualTo(3);
        for (JsonNode v : queue) {
            assertThat(v.path("reason").asString()).isEqualTo("CAMPAIGN");
            assertThat(v.path("campaignName").asString()).startsWith("春节回访");
            assertThat(v.path("assignedName").asString()).isNotBlank();
        }
        // shared in turn: no desk member has more than one call above another
        List<Long> perPerson = asSystem(() -> jdbc.sql("SELECT count(*) FROM return_visit WHERE campaign_id = :id GROUP BY assigned_to")
                .param("id", id).query(Long.class).list());
        assertThat(perPerson.stream().mapToLong(Long::longValue).max().orElseThrow() - perPerson.stream().mapToLong(Long::longValue).min().orElseThrow())
                .isLessThanOrEqualTo(1);

        long reached = queue.get(0).path("id").asLong();
        long unreachable = queue.get(1).path("id").asLong();
        assertThat(desk.post("/api/return-visits/" + reached + "/attempts", Map.of("outcome", "REACHED")).status()).isEqualTo(200);
        assertThat(desk.post("/api/return-visits/" + reached + "/close", Map.of("result", "SOLVED", "satisfaction", 4)).status()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(desk.post("/api/return-visits/" + unreachable + "/attempts", Map.of("outcome", "NO_ANSWER")).status()).isEqualTo(200);
        }
        assertThat(desk.post("/api/return-visits/" + unreachable + "/close", Map.of("result", "UNREACHABLE")).status()).isEqualTo(200);

        JsonNode report = desk.get("/api/return-visit-campaigns/" + id).json();
        assertThat(report.path("reached").asLong()).isEqualTo(1);
        assertThat(report.path("unreachable").asLong()).isEqualTo(1);
        assertThat(report.path("open").asLong()).isEqualTo(1);
        assertThat(report.path("satisfaction").path("4").asLong()).isEqualTo(1);
        assertThat(report.path("criteria").path("tag").asString()).isEqualTo(tag);
        assertThat(report.path("byAgent").size()).isPositive();

        JsonNode list = login("servicedir").get("/api/return-visit-campaigns?q=" + tag).json();
        assertThat(list.path("items").get(0).path("id").asLong()).isEqualTo(id);
        assertThat(list.path("items").get(0).path("reached").asLong()).isEqualTo(1);
        assertThat(desk.get("/api/return-visit-campaigns/export").status()).isEqualTo(200);

        // SVC-9 counts a campaign's visits too: their own group by type (they have no ticket)
        JsonNode byType = login("servicedir").get("/api/service-analysis/weekly?week="
                + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))).json().path("byType");
        JsonNode campaigns = null;
        for (JsonNode g : byType) if (g.path("key").asString().equals("CAMPAIGN")) campaigns = g;
        assertThat(campaigns).as(byType.toString()).isNotNull();
        assertThat(campaigns.path("visits").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(campaigns.path("satisfied").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    @DisplayName("SVC-6: an SMS campaign queues a message for every customer with a phone")
    void smsCampaign() {
        var created = desk.post("/api/return-visit-campaigns", campaign("SMS", Map.of("tag", tag)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("campaign").path("id").asLong();
        long messages = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM return_visit_sms s JOIN return_visit v ON v.id = s.visit_id WHERE v.campaign_id = :id""")
                .param("id", id).query(Long.class).single());
        assertThat(messages).isEqualTo(3);
    }

    @Test
    @DisplayName("SVC-6: refusals — nothing drawn, bad input, and who may create")
    void refusals() {
        var empty = desk.post("/api/return-visit-campaigns", campaign("PHONE", Map.of("tag", tag + "-none")));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.body()).contains("\"criteria\"");
        assertThat(desk.post("/api/return-visit-campaigns", Map.of()).status()).isEqualTo(422);
        assertThat(desk.post("/api/return-visit-campaigns", campaign("FAX", Map.of("tag", tag))).body()).contains("channel");
        assertThat(desk.post("/api/return-visit-campaigns", campaign("PHONE", Map.of("stage", "LEAD"))).body()).contains("criteria.stage");
        assertThat(login("shiftlead").post("/api/return-visit-campaigns", campaign("PHONE", Map.of("tag", tag))).status()).isEqualTo(403);
        assertThat(login("agent1").get("/api/return-visit-campaigns").status()).isEqualTo(403);
        assertThat(desk.get("/api/return-visit-campaigns/99999999").status()).isEqualTo(404);
    }
}
