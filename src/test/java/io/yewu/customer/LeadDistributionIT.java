package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** Online leads from entry to first contact (CUS-5, CUS-6, CUS-10, CUS-11, CUS-12, CUS-16). */
class LeadDistributionIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

    private long enterLead(String name, String phone, String category) {
        Map<String, Object> lead = new HashMap<>(CustomerFilingIT.customer(name, phone));
        lead.put("productCategory", category);
        Api.Response r = login("promoter").post("/api/leads", lead);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(r.json().path("stage").asString()).isEqualTo("LEAD");
        assertThat(r.json().path("ownerId").isNull()).isTrue();
        return r.json().path("id").asLong();
    }

    private JsonNode poolEntry(Api manager, long leadId) {
        for (int page = 0; page < 50; page++) {
            for (JsonNode e : manager.get("/api/leads/pool?size=200&page=" + page).json().path("items")) {
                if (e.path("lead").path("id").asLong() == leadId) return e;
            }
        }
        throw new AssertionError("lead " + leadId + " not in the pool");
    }

    @Test
    void CUS5_CUS10_theManagerSeesTheRankingWithReasonsAndDistributesByIt() {
        String phone = mobile();
        long lead = enterLead(unique("网络线索"), phone, "饮料");
        Api manager = login("manager");
        JsonNode entry = poolEntry(manager, lead);
        JsonNode ranking = entry.path("ranking");
        assertThat(ranking.size()).isEqualTo(4); // sales1..4 under 业务部
        assertThat(ranking.get(0).path("rank").asInt()).isEqualTo(1);
        assertThat(ranking.get(0).path("reasons").toString()).contains("CUS-10", "receivedThisMonth", "openLeads");
        assertThat(entry.path("lead").path("phone").asString()).isEqualTo(phone); // the manager's pool is in scope
        long top = ranking.get(0).path("userId").asLong();

        Api.Response r = manager.post("/api/leads/distribute", Map.of("assignments", List.of(Map.of("leadId", lead))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode assigned = r.json().path("assigned").get(0);
        assertThat(assigned.path("userId").asLong()).isEqualTo(top);
        assertThat(assigned.path("decision").path("hits").toString()).contains("CUS-10");

        String owner = asSystem(() -> jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", top).query(String.class).single());
        Api salesperson = login(owner);
        JsonNode detail = salesperson.get("/api/customers/" + lead).json();
        assertThat(detail.path("customer").path("stage").asString()).isEqualTo("LEAD"); // CUS-3: assignment does not qualify it
        assertThat(detail.path("customer").path("firstContactDue").isNull()).isFalse();
        assertThat(detail.path("ownership").get(0).path("reason").asString()).isEqualTo("ASSIGNED");
        assertThat(detail.path("decisions").toString()).contains("lead-assignment");
        assertThat(salesperson.get("/api/notifications?unreadOnly=true").body()).contains("新线索");

        // CUS-12: the first follow-up is the first contact
        assertThat(salesperson.post("/api/customers/" + lead + "/follow-ups", Map.of("kind", "PHONE", "content", "首次电话沟通",
                "nextFollowUpOn", java.time.LocalDate.now().plusDays(3).toString())).status()).isEqualTo(201);
        assertThat(salesperson.get("/api/customers/" + lead).json().path("customer").path("firstContactedAt").isNull()).isFalse();
        // the lead left the pool: distributing it again is refused
        Api.Response again = manager.post("/api/leads/distribute", Map.of("assignments", List.of(Map.of("leadId", lead))));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("lead-not-in-pool");
    }

    @Test
    void CUS10_aBatchIsSpreadAcrossTheTeamAndAbsentPeopleGetNone() {
        Api manager = login("manager");
        long sales4 = asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = 'sales4'").query(Long.class).single());
        var profile = manager.get("/api/sales-profiles").json();
        long version = 0;
        for (JsonNode p : profile) if (p.path("userId").asLong() == sales4) version = p.path("version").asLong();
        Api.Response away = manager.put("/api/sales-profiles/" + sales4, Map.of("skills", List.of(),
                "absentFrom", java.time.LocalDate.now().minusDays(1).toString(), "absentTo", java.time.LocalDate.now().plusDays(5).toString(),
                "version", version));
        assertThat(away.status()).as(away.body()).isEqualTo(200);
        try {
            List<Map<String, Object>> assignments = new ArrayList<>();
            for (int i = 0; i < 9; i++) assignments.add(Map.of("leadId", enterLead(unique("批量线索"), mobile(), "")));
            JsonNode assigned = manager.post("/api/leads/distribute", Map.of("assignments", assignments)).json().path("assigned");
            Map<Long, Integer> perPerson = new HashMap<>();
            assigned.forEach(a -> perPerson.merge(a.path("userId").asLong(), 1, Integer::sum));
            assertThat(perPerson).doesNotContainKey(sales4);
            assertThat(perPerson.values()).allMatch(n -> n >= 2 && n <= 4);
        } finally {
            long v = 0;
            for (JsonNode p : manager.get("/api/sales-profiles").json()) {
                if (p.path("userId").asLong() == sales4) v = p.path("version").asLong();
            }
            manager.put("/api/sales-profiles/" + sales4, Map.of("skills", List.of(), "version", v));
        }
    }

    @Test
    void CUS10_theManagerMayOverrideAndTheDecisionSaysSo() {
        long lead = enterLead(unique("指定线索"), mobile(), "");
        long sales3 = asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = 'sales3'").query(Long.class).single());
        JsonNode a = login("manager").post("/api/leads/distribute",
                Map.of("assignments", List.of(Map.of("leadId", lead, "userId", sales3)))).json().path("assigned").get(0);
        assertThat(a.path("userId").asLong()).isEqualTo(sales3);
        assertThat(a.path("decision").path("hits").get(0).path("en").asString()).contains("overriding");
        long finance = asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = 'finance'").query(Long.class).single());
        long other = enterLead(unique("非业务员"), mobile(), "");
        Api.Response r = login("manager").post("/api/leads/distribute",
                Map.of("assignments", List.of(Map.of("leadId", other, "userId", finance))));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("not-a-salesperson");
    }

    @Test
    void CUS5_onlyManagersDistributeAndSalespeopleSeeThePoolMasked() {
        String phone = mobile();
        long lead = enterLead(unique("遮蔽线索"), phone, "");
        assertThat(login("sales1").post("/api/leads/distribute", Map.of("assignments", List.of(Map.of("leadId", lead)))).status())
                .isEqualTo(403);
        assertThat(login("sales1").get("/api/leads/pool").status()).isEqualTo(403);
        JsonNode seen = login("sales1").get("/api/customers/" + lead).json().path("customer");
        assertThat(seen.path("contacts").get(0).path("phone").asString()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        String list = login("sales1").get("/api/customers?pool=true&size=200").body();
        assertThat(list).doesNotContain(phone);
    }

    @Test
    void CUS6_aSalespersonFilingAPooledLeadLeavesItInThePoolAndTheManagerSeesTheClaim() {
        String name = unique("池中线索");
        long lead = enterLead(name, mobile(), "");
        Api.Response r = login("sales2").post("/api/customers", CustomerFilingIT.customer(name, mobile()));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("ownerName").asString()).contains("线索池");
        JsonNode entry = poolEntry(login("manager"), lead);
        assertThat(entry.path("claims").get(0).path("claimantName").asString()).isEqualTo("刘洋");
    }

    @Test
    void CUS5_aLeadMatchingAnExistingFileIsFlaggedAndNothingIsSaved() {
        String name = unique("已有客户");
        login("sales1").post("/api/customers", CustomerFilingIT.customer(name, mobile()));
        Api.Response r = login("promoter").post("/api/leads", CustomerFilingIT.customer(name, mobile()));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.code()).isEqualTo("customer-exists-lead");
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM customer_claim cl JOIN customer c ON c.id = cl.customer_id WHERE c.name = :n")
                .param("n", name).query(Long.class).single())).isZero();
    }

    @Test
    void CUS11_theReportCountsReceivedContactedAndTheSpread() {
        long lead = enterLead(unique("报表线索"), mobile(), "");
        login("manager").post("/api/leads/distribute", Map.of("assignments", List.of(Map.of("leadId", lead))));
        JsonNode report = login("manager").get("/api/leads/report").json();
        assertThat(report.path("rows").size()).isEqualTo(4);
        long received = 0;
        for (JsonNode row : report.path("rows")) received += row.path("received").asLong();
        assertThat(received).isPositive();
        assertThat(report.path("spread").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(login("manager").get("/api/leads/report/export").headers().get("content-type")).contains("spreadsheetml");
    }

    @Test
    void CUS12_overdueFirstContactsAreFlaggedOnceToOwnerAndManager() {
        long lead = enterLead(unique("逾期线索"), mobile(), "");
        JsonNode a = login("manager").post("/api/leads/distribute", Map.of("assignments", List.of(Map.of("leadId", lead))))
                .json().path("assigned").get(0);
        asSystem(() -> jdbc.sql("UPDATE customer SET first_contact_due = now() - interval '1 hour' WHERE id = :id").param("id", lead).update());
        assertThat(login("manager").get("/api/leads/overdue").body()).contains(String.valueOf(lead));
        long company = asSystem(() -> jdbc.sql("SELECT company_id FROM customer WHERE id = :id").param("id", lead).query(Long.class).single());
        var jobs = context.getBean(io.yewu.platform.internal.scheduling.CompanyJobs.class);
        jobs.run(new io.yewu.platform.internal.scheduling.CompanyJobs.Run("customer.first-contact-watch", company, java.time.Instant.now()));
        jobs.run(new io.yewu.platform.internal.scheduling.CompanyJobs.Run("customer.first-contact-watch", company,
                java.time.Instant.now().plusSeconds(1))); // a later occurrence: flagged once only
        long notices = asSystem(() -> jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'customer.first-contact-overdue' AND link = :l")
                .param("l", "/customers/" + lead).query(Long.class).single());
        assertThat(notices).isEqualTo(2); // the owner and the manager
        assertThat(company).isPositive();
        assertThat(a.path("userId").asLong()).isPositive();
    }
}
