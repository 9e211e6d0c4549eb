package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** CUS-15: legal name and credit terms change only through an approved request. */
class ChangeRequestIT extends IntegrationTest {

    private long pendingApprovalFor(Api approver, long requestId) {
        for (JsonNode a : approver.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if ("customer-change".equals(a.path("subjectType").asString())
                    && String.valueOf(requestId).equals(a.path("subjectId").asString())) return a.path("id").asLong();
        }
        throw new AssertionError("no pending customer change for this approver");
    }

    private JsonNode customer(Api api, long id) {
        return api.get("/api/customers/" + id).json().path("customer");
    }

    @Test
    void CUS15_grantingCreditTermsNeedsAnInvestigationTheManagerAndFinance() throws Exception {
        Api sales1 = login("sales1");
        long id = sales1.post("/api/customers", CustomerFilingIT.customer(unique("帐期客户"), mobile())).json().path("id").asLong();
        Map<String, Object> terms = Map.of("creditTermDays", 30, "creditLimit", "50000");
        Api.Response without = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", terms));
        assertThat(without.status()).isEqualTo(422);
        assertThat(without.json().path("errors").get(0).path("field").asString()).isEqualTo("creditInvestigation");

        Api.Response filed = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", terms,
                "creditInvestigation", Map.of("capitalTurnover", "良好", "paymentHistory", "无拖欠", "references", "供应商甲")));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long request = filed.json().path("id").asLong();
        assertThat(sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("name", "再改"))).code())
                .isEqualTo("change-pending");
        assertThat(customer(sales1, id).path("creditTermDays").isNull()).isTrue();

        Api manager = login("manager");
        assertThat(manager.post("/api/approvals/" + pendingApprovalFor(manager, request) + "/approve", Map.of("comment", "同意")).status()).isEqualTo(200);
        assertThat(customer(sales1, id).path("creditTermDays").isNull()).isTrue(); // finance has not confirmed yet
        Api finance = login("finance");
        assertThat(finance.post("/api/approvals/" + pendingApprovalFor(finance, request) + "/approve", Map.of("comment", "确认")).status()).isEqualTo(200);

        JsonNode changed = null;
        for (int i = 0; i < 50; i++) { // the change applies when the approval event is handled, right after commit
            changed = customer(sales1, id);
            if (!changed.path("creditTermDays").isNull()) break;
            Thread.sleep(100);
        }
        assertThat(changed.path("creditTermDays").asInt()).isEqualTo(30);
        assertThat(changed.path("creditLimit").decimalValue()).isEqualByComparingTo("50000.00");
        JsonNode requests = sales1.get("/api/customers/" + id).json().path("changeRequests");
        assertThat(requests.get(0).path("status").asString()).isEqualTo("APPROVED");
        assertThat(requests.get(0).path("decision").toString()).contains("CUS-15");
    }

    @Test
    void PLT2_PLT3_theApproverIsRemindedAfterTheHoursTheAdministratorSet() {
        Api admin = login("admin");
        assertThat(admin.post("/api/admin/settings/approval.reminder-hours", Map.of("value", 2)).status()).isIn(200, 201);
        try {
            Api sales1 = login("sales1");
            long id = sales1.post("/api/customers", CustomerFilingIT.customer(unique("提醒客户"), mobile())).json().path("id").asLong();
            long request = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("invoiceTitle", "新抬头")))
                    .json().path("id").asLong();
            double hours = asSystem(() -> jdbc.sql("""
                    SELECT extract(epoch FROM s.due_at - s.activated_at) / 3600 FROM approval_step s
                    JOIN approval_request r ON r.id = s.request_id WHERE r.subject_type = 'customer-change' AND r.subject_id = :id""")
                    .param("id", String.valueOf(request)).query(Double.class).single());
            assertThat(hours).isEqualTo(2.0);
        } finally {
            admin.post("/api/admin/settings/approval.reminder-hours", Map.of("value", 24));
        }
    }

    @Test
    void CUS15_aRejectedRenameChangesNothing() throws Exception {
        Api sales1 = login("sales1");
        String name = unique("改名客户");
        long id = sales1.post("/api/customers", CustomerFilingIT.customer(name, mobile())).json().path("id").asLong();
        Api.Response filed = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("name", name + "新")));
        assertThat(filed.status()).isEqualTo(201);
        Api manager = login("manager");
        assertThat(manager.post("/api/approvals/" + pendingApprovalFor(manager, filed.json().path("id").asLong()) + "/reject", Map.of("comment", "名称与营业执照不符")).status())
                .isEqualTo(200);
        Thread.sleep(500);
        assertThat(customer(sales1, id).path("name").asString()).isEqualTo(name);
        assertThat(sales1.get("/api/customers/" + id).json().path("changeRequests").get(0).path("status").asString()).isEqualTo("REJECTED");
    }
}
