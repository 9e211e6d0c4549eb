package io.yewu.customer;

import io.yewu.platform.internal.scheduling.CompanyJobs;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLT-1 for every automated customer outcome: each path leaves a decision row with the rule that decided and the
 * inputs it read, and the ownership timeline carries the decisions of its periods (the "为什么?" button).
 */
class AutomatedDecisionsIT extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    private JsonNode decision(long customerId, String kind) {
        return decision("customer", customerId, kind);
    }

    private JsonNode decision(String subjectType, long subjectId, String kind) {
        List<String> hits = asSystem(() -> jdbc.sql("""
                SELECT hits::text FROM decision_record WHERE subject_type = :t AND subject_id = :id AND kind = :k ORDER BY id DESC""")
                .param("t", subjectType).param("id", String.valueOf(subjectId)).param("k", kind).query(String.class).list());
        assertThat(hits).as("a " + kind + " decision about " + subjectType + " " + subjectId).isNotEmpty();
        return Api.JSON.readTree(hits.getFirst());
    }

    private long decisions(long customerId, String kind) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM decision_record WHERE subject_type = 'customer' AND subject_id = :id AND kind = :k")
                .param("id", String.valueOf(customerId)).param("k", kind).query(Long.class).single());
    }

    private static JsonNode hit(JsonNode hits, String ruleId) {
        for (JsonNode h : hits) if (h.path("ruleId").asString().equals(ruleId)) return h;
        throw new AssertionError("no " + ruleId + " in " + hits);
    }

    private long file(Api api, String name) {
        Api.Response r = api.post("/api/customers", CustomerFilingIT.customer(name, mobile()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private void ownedSince(long customerId, int days) {
        asSystem(() -> jdbc.sql("UPDATE customer_ownership SET valid_from = now() - make_interval(days => :d) WHERE customer_id = :id")
                .param("d", days).param("id", customerId).update());
    }

    private void completeVisit(Api api, long customerId) {
        Api.Response v = api.post("/api/visits", Map.of("customerId", customerId, "objective", "回访"));
        assertThat(v.status()).as(v.body()).isIn(200, 201);
        long visit = v.json().path("visit").path("id").asLong();
        assertThat(api.post("/api/visits/" + visit + "/check-in", null).status()).isEqualTo(200);
        Api.Response out = api.post("/api/visits/" + visit + "/check-out", null);
        assertThat(out.status()).as(out.body()).isEqualTo(200);
    }

    @Test
    void CUS3_CUS9_nightlyOutcomesStoreTheirDecisionsWithInputsAndAVisitIsAFollowUp() {
        Api sales1 = login("sales1");
        long ordered = file(sales1, unique("休眠判定"));
        long warned = file(sales1, unique("将退回"));
        long returned = file(sales1, unique("已退回"));
        long visited = file(sales1, unique("拜访过"));
        asSystem(() -> jdbc.sql("UPDATE customer SET stage = 'ACTIVE', last_order_at = now() - interval '200 days' WHERE id = :id")
                .param("id", ordered).update());
        ownedSince(warned, 88);     // N = 30, M = 90, K = 3: returns at day 90, warned from day 87
        ownedSince(returned, 120);
        ownedSince(visited, 120);
        completeVisit(sales1, visited); // a completed visit is a follow-up: CUS-9 sees it
        Api admin = login("admin");
        assertThat(admin.post("/api/admin/settings/customer.pool-return.enabled", Map.of("value", true)).status()).isIn(200, 201);
        try {
            runJob("customer.lifecycle");

            JsonNode dormancy = hit(decision(ordered, "dormancy"), "CUS-3");
            assertThat(dormancy.path("inputs").path("dormantDays").asLong()).isEqualTo(180);
            assertThat(dormancy.path("inputs").path("lastOrderAt").asString()).isNotBlank();
            assertThat(dormancy.path("inputs").path("stage").asString()).isEqualTo("ACTIVE");

            JsonNode warning = hit(decision(warned, "pool-return-warning"), "CUS-9");
            assertThat(warning.path("inputs").path("noFollowUpDays").asLong()).isEqualTo(30);
            assertThat(warning.path("inputs").path("lastFollowUp").asString()).isNotBlank();
            assertThat(warning.path("inputs").path("returnAt").asString()).isNotBlank();

            JsonNode back = hit(decision(returned, "pool-return"), "CUS-9");
            assertThat(back.path("inputs").path("noOrderDays").asLong()).isEqualTo(90);

            assertThat(decisions(visited, "pool-return")).as("visited today: not neglected").isZero();
            assertThat(decisions(visited, "pool-return-warning")).isZero();
            String owner = asSystem(() -> jdbc.sql("SELECT coalesce(owner_id::text, 'pool') FROM customer WHERE id = :id")
                    .param("id", visited).query(String.class).single());
            assertThat(owner).isNotEqualTo("pool");

            // the ownership timeline: the period's start (CUS-4 filing) and its end (CUS-9 return) both say why
            JsonNode period = login("manager").get("/api/customers/" + returned).json().path("ownership").get(0);
            assertThat(period.path("decision").path("hits").toString()).contains("CUS-4", "CUS-6");
            assertThat(period.path("endDecision").path("hits").get(0).path("ruleId").asString()).isEqualTo("CUS-9");
            assertThat(period.path("endDecision").path("outcome").asString()).isEqualTo("RETURN");
        } finally {
            admin.post("/api/admin/settings/customer.pool-return.enabled", Map.of("value", false));
        }
    }

    @Test
    void CUS12_theOverdueFlagStoresItsDecisionAndACompletedVisitIsTheFirstContact() {
        long sales3 = asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = 'sales3'").query(Long.class).single());
        Api promoter = login("promoter");
        Api manager = login("manager");
        long[] leads = new long[2];
        for (int i = 0; i < 2; i++) {
            Api.Response r = promoter.post("/api/leads", CustomerFilingIT.customer(unique("首联线索"), mobile()));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            leads[i] = r.json().path("id").asLong();
            assertThat(manager.post("/api/leads/distribute", Map.of("assignments", List.of(Map.of("leadId", leads[i], "userId", sales3))))
                    .status()).isEqualTo(200);
        }
        long late = leads[0];
        long visited = leads[1];
        completeVisit(login("sales3"), visited);
        assertThat(asSystem(() -> jdbc.sql("SELECT first_contacted_at IS NOT NULL FROM customer WHERE id = :id")
                .param("id", visited).query(Boolean.class).single())).as("the visit is the first contact").isTrue();
        asSystem(() -> jdbc.sql("UPDATE customer SET first_contact_due = now() - interval '1 hour' WHERE id IN (:ids)")
                .param("ids", List.of(late, visited)).update());

        runJob("customer.first-contact-watch");

        JsonNode overdue = hit(decision(late, "first-contact-overdue"), "CUS-12");
        assertThat(overdue.path("inputs").path("firstContactDue").asString()).isNotBlank();
        assertThat(overdue.path("inputs").path("assignedAt").asString()).isNotEqualTo("—");
        assertThat(decisions(visited, "first-contact-overdue")).isZero();
        String list = manager.get("/api/leads/overdue?size=200").body();
        assertThat(list).contains("\"id\":" + late + ",").doesNotContain("\"id\":" + visited + ",");
    }

    @Test
    void CUS5_CUS6_filingsClaimsLeadsAndImportsStoreTheirDecisionsWithInputs() {
        String name = unique("决定输入");
        String phone = mobile();
        Api sales1 = login("sales1");
        Api.Response filed = sales1.post("/api/customers", CustomerFilingIT.customer(name, phone));
        long id = filed.json().path("id").asLong();
        JsonNode ownership = decision(id, "ownership");
        assertThat(hit(ownership, "CUS-6").path("inputs").path("checkedKeys").toString()).contains("NAME", "PHONE");
        assertThat(hit(ownership, "CUS-4").path("inputs").path("owner").asString()).isEqualTo("张伟");

        // a second filer: the claim's decision names what matched and who tried
        Api.Response dup = login("sales2").post("/api/customers", CustomerFilingIT.customer(name + "分店", phone));
        assertThat(dup.status()).isEqualTo(409);
        long claim = dup.json().path("claimId").asLong();
        JsonNode claimHit = hit(decision("customer-claim", claim, "ownership"), "CUS-6");
        assertThat(claimHit.path("inputs").path("matchedOn").asString()).isEqualTo("PHONE");
        assertThat(claimHit.path("inputs").path("attemptedName").asString()).isEqualTo(name + "分店");
        assertThat(claimHit.path("inputs").path("claimant").asString()).isNotBlank();
        JsonNode listed = null;
        for (JsonNode c : login("sales2").get("/api/claims?size=200").json().path("items")) if (c.path("id").asLong() == claim) listed = c;
        assertThat(listed).as("the claim in the list").isNotNull();
        assertThat(listed.path("decision").path("hits").get(0).path("ruleId").asString()).as("the claims list's 为什么?").isEqualTo("CUS-6");

        // CUS-5: an online lead enters the pool, and says who entered it
        Api.Response lead = login("promoter").post("/api/leads", CustomerFilingIT.customer(unique("网络决定"), mobile()));
        JsonNode entry = hit(decision(lead.json().path("id").asLong(), "lead-entry"), "CUS-5");
        assertThat(entry.path("inputs").path("source").asString()).isEqualTo("ONLINE");
        assertThat(entry.path("inputs").path("enteredBy").asString()).isNotBlank();

        // ownership from import: the salesperson's own rows, and leads imported into the pool
        String own = unique("导入决定");
        String csv = "客户名称,城市,电话\n" + own + ",广州," + mobile() + "\n";
        assertThat(sales1.upload("/api/customers/import?mode=VALID_ROWS", "file", "own.csv", csv.getBytes(StandardCharsets.UTF_8))
                .json().path("imported").asInt()).isOne();
        long imported = asSystem(() -> jdbc.sql("SELECT id FROM customer WHERE name = :n").param("n", own).query(Long.class).single());
        JsonNode importHits = decision(imported, "ownership");
        assertThat(hit(importHits, "CUS-4").path("inputs").path("importedBy").asString()).isEqualTo("张伟");
        assertThat(hit(importHits, "CUS-6").path("inputs").path("checkedKeys").toString()).contains("CREDIT_CODE");
        JsonNode period = sales1.get("/api/customers/" + imported).json().path("ownership").get(0);
        assertThat(period.path("reason").asString()).isEqualTo("IMPORT");
        assertThat(period.path("decision").path("hits").toString()).as("the timeline's 为什么?").contains("CUS-4");

        String pooled = unique("导入线索决定");
        String leads = "name,city,phone\n" + pooled + ",上海," + mobile() + "\n";
        assertThat(login("promoter").upload("/api/leads/import", "file", "leads.csv", leads.getBytes(StandardCharsets.UTF_8))
                .json().path("imported").asInt()).isOne();
        long pooledId = asSystem(() -> jdbc.sql("SELECT id FROM customer WHERE name = :n").param("n", pooled).query(Long.class).single());
        assertThat(hit(decision(pooledId, "lead-entry"), "CUS-5").path("inputs").path("asLeads").asBoolean()).isTrue();
    }

    /** Runs one occurrence of a company job for the demo company, now, as the scheduler would. */
    private void runJob(String name) {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        context.getBean(CompanyJobs.class).run(new CompanyJobs.Run(name, company, java.time.Instant.now()));
    }
}
