package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** CUS-3: assignment leaves a lead a lead; its salesperson qualifies it; a manager closes a customer with a reason. */
class CustomerStageIT extends IntegrationTest {

    private long userId(String username) {
        return asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    private long assignedLead(String to) {
        Map<String, Object> lead = new HashMap<>(CustomerFilingIT.customer(unique("资格线索"), mobile()));
        Api.Response entered = login("promoter").post("/api/leads", lead);
        assertThat(entered.status()).as(entered.body()).isEqualTo(201);
        long id = entered.json().path("id").asLong();
        Api.Response r = login("manager").post("/api/leads/distribute",
                Map.of("assignments", List.of(Map.of("leadId", id, "userId", userId(to)))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return id;
    }

    private JsonNode stage(Api api, long id) {
        Api.Response r = api.get("/api/customers/" + id + "/stage");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void CUS3_anAssignedLeadStaysALeadUntilItsSalespersonQualifiesIt() {
        long lead = assignedLead("sales1");
        Api sales1 = login("sales1");
        JsonNode before = stage(sales1, lead);
        assertThat(before.path("stage").asString()).isEqualTo("LEAD");
        assertThat(before.path("intentionOn").isNull()).isTrue();
        assertThat(before.path("qualifiedAt").isNull()).isTrue();

        Api.Response notOwner = login("manager").post("/api/customers/" + lead + "/qualify", Map.of("version", before.path("version").asLong()));
        assertThat(notOwner.status()).isEqualTo(409);
        assertThat(notOwner.code()).isEqualTo("qualify-not-owner");
        assertThat(login("sales2").post("/api/customers/" + lead + "/qualify", Map.of("version", 0)).status()).isEqualTo(404);

        Api.Response qualified = sales1.post("/api/customers/" + lead + "/qualify", Map.of("version", before.path("version").asLong()));
        assertThat(qualified.status()).as(qualified.body()).isEqualTo(200);
        assertThat(qualified.json().path("stage").asString()).isEqualTo("INTENTION");
        assertThat(qualified.json().path("qualifiedByName").asString()).isEqualTo("张伟");
        assertThat(qualified.json().path("qualifiedAt").isNull()).isFalse();
        assertThat(qualified.json().path("intentionOn").asString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
        assertThat(login("sales1").get("/api/customers/" + lead).json().path("customer").path("stage").asString()).isEqualTo("INTENTION");

        Api.Response again = sales1.post("/api/customers/" + lead + "/qualify", Map.of("version", qualified.json().path("version").asLong()));
        assertThat(again.code()).isEqualTo("stage-not-lead");
        long audited = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE entity_type = 'customer' AND entity_id = :id AND action = 'qualify'""")
                .param("id", String.valueOf(lead)).query(Long.class).single());
        assertThat(audited).isEqualTo(1);
        // the daily goal counts the day of qualification, per salesperson
        long today = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM customer WHERE qualified_by = :u AND intention_on = :d AND id = :id""")
                .param("u", userId("sales1")).param("d", LocalDate.now(ZoneId.of("Asia/Shanghai"))).param("id", lead)
                .query(Long.class).single());
        assertThat(today).isEqualTo(1);
    }

    @Test
    void CUS3_aManagerClosesACustomerWithAReasonThatIsShownAndKept() {
        Api sales1 = login("sales1");
        long id = sales1.post("/api/customers", CustomerFilingIT.customer(unique("关闭客户"), mobile())).json().path("id").asLong();
        long version = stage(sales1, id).path("version").asLong();
        assertThat(sales1.post("/api/customers/" + id + "/close", Map.of("reason", "不做了", "version", version)).status()).isEqualTo(403);

        Api manager = login("manager");
        Api.Response noReason = manager.post("/api/customers/" + id + "/close", Map.of("reason", "  ", "version", version));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        Api.Response stale = manager.post("/api/customers/" + id + "/close", Map.of("reason", "门店已停业", "version", version + 5));
        assertThat(stale.status()).isEqualTo(409);

        Api.Response closed = manager.post("/api/customers/" + id + "/close", Map.of("reason", "门店已停业", "version", version));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        JsonNode view = stage(sales1, id);
        assertThat(view.path("stage").asString()).isEqualTo("CLOSED");
        assertThat(view.path("closedReason").asString()).isEqualTo("门店已停业");
        assertThat(view.path("closedByName").asString()).isEqualTo("李经理");
        JsonNode detail = sales1.get("/api/customers/" + id).json();
        assertThat(detail.path("customer").path("stage").asString()).isEqualTo("CLOSED");
        assertThat(detail.path("decisions").toString()).contains("CUS-3", "门店已停业");
        assertThat(manager.post("/api/customers/" + id + "/close", Map.of("reason", "再关一次", "version", view.path("version").asLong())).code())
                .isEqualTo("customer-closed");
        assertThat(sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("invoiceTitle", "x"))).code())
                .isEqualTo("customer-closed");
    }
}
