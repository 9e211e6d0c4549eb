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
        long approvalId = pendingApprovalFor(manager, request);
        // the approver sees what is approved: the record, each field before and after, and the evidence (issue 12)
        JsonNode details = manager.get("/api/approvals/" + approvalId).json().path("details");
        assertThat(details.path("link").asString()).isEqualTo("/customers/" + id);
        assertThat(details.path("recordName").asString()).startsWith("帐期客户");
        assertThat(details.path("changes").path("creditTermDays").path("before").isNull()).isTrue();
        assertThat(details.path("changes").path("creditTermDays").path("after").asInt()).isEqualTo(30);
        assertThat(details.path("changes").path("creditLimit").path("after").decimalValue()).isEqualByComparingTo("50000");
        assertThat(details.path("evidence").path("paymentHistory").asString()).isEqualTo("无拖欠");
        assertThat(manager.post("/api/approvals/" + approvalId + "/approve", Map.of("comment", "同意")).status()).isEqualTo(200);
        assertThat(customer(sales1, id).path("creditTermDays").isNull()).isTrue(); // finance has not confirmed yet
        Api finance = login("finance");
        assertThat(finance.post("/api/approvals/" + pendingApprovalFor(finance, request) + "/approve", Map.of("comment", "确认")).status()).isEqualTo(200);

        JsonNode changed = customer(sales1, id); // applied in the approval's own transaction
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

    private long fileFor(String username, String prefix) {
        Api.Response r = login(username).post("/api/customers", CustomerFilingIT.customer(unique(prefix), mobile()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().path("id").asLong();
    }

    private long userId(String username) {
        return asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    private JsonNode approvalOf(Api reader, long requestId) {
        long approval = asSystem(() -> jdbc.sql("""
                SELECT id FROM approval_request WHERE subject_type = 'customer-change' AND subject_id = :s""")
                .param("s", String.valueOf(requestId)).query(Long.class).single());
        return reader.get("/api/approvals/" + approval).json();
    }

    @Test
    void CUS15_onlyTheOwnerOrAManagerAppliesAndTheManagerStepIsTheOwnersManager() {
        long id = fileFor("sales1", "申请人客户");
        Map<String, Object> change = Map.of("changes", Map.of("invoiceTitle", "新抬头"));
        assertThat(login("sales2").post("/api/customers/" + id + "/change-requests", change).status()).isEqualTo(404);
        // readers of the file who neither own nor manage it may not apply
        assertThat(login("agent1").post("/api/customers/" + id + "/change-requests", change).status()).isEqualTo(403);
        assertThat(login("finance").post("/api/customers/" + id + "/change-requests", change).status()).isIn(403, 404);

        // the general manager applies: the business-manager step is the owner's manager, not the applicant's
        Api gm = login("gm");
        Api.Response byGm = gm.post("/api/customers/" + id + "/change-requests", change);
        assertThat(byGm.status()).as(byGm.body()).isEqualTo(201);
        JsonNode steps = approvalOf(gm, byGm.json().path("id").asLong()).path("steps");
        assertThat(steps.size()).isEqualTo(1);
        assertThat(steps.get(0).path("assigneeName").asString()).isEqualTo("李经理");
        login("manager").post("/api/approvals/" + pendingApprovalFor(login("manager"), byGm.json().path("id").asLong()) + "/approve", null);
        assertThat(customer(login("sales1"), id).path("invoiceTitle").asString()).isEqualTo("新抬头");

        // the manager applies: the owner's manager is the applicant, so the step goes up to the general manager
        Api.Response byManager = login("manager").post("/api/customers/" + id + "/change-requests",
                Map.of("changes", Map.of("invoiceTitle", "经理改的抬头")));
        assertThat(byManager.status()).as(byManager.body()).isEqualTo(201);
        JsonNode managerSteps = approvalOf(gm, byManager.json().path("id").asLong()).path("steps");
        assertThat(managerSteps.size()).isEqualTo(1);
        assertThat(managerSteps.get(0).path("assigneeName").asString()).isEqualTo("王总");
    }

    @Test
    void CUS15_aNameOfAnotherFileIsRefusedWhenAskedAndAgainWhenApproved() {
        Api sales1 = login("sales1");
        long a = fileFor("sales1", "甲客户");
        long b = fileFor("sales1", "乙客户");
        String nameOfB = customer(sales1, b).path("name").asString();
        Api.Response taken = sales1.post("/api/customers/" + a + "/change-requests", Map.of("changes", Map.of("name", nameOfB)));
        assertThat(taken.status()).isEqualTo(422);
        assertThat(taken.json().path("errors").get(0).path("field").asString()).isEqualTo("changes.name");
        assertThat(taken.json().path("errors").get(0).path("code").asString()).isEqualTo("duplicate-other-file");

        String newName = unique("丙客户");
        Api.Response filed = sales1.post("/api/customers/" + a + "/change-requests", Map.of("changes", Map.of("name", newName)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(201);
        long request = filed.json().path("id").asLong();
        // meanwhile someone files another customer under that name
        assertThat(login("sales3").post("/api/customers", CustomerFilingIT.customer(newName, mobile())).status()).isEqualTo(201);

        Api manager = login("manager");
        long approval = pendingApprovalFor(manager, request);
        Api.Response refused = manager.post("/api/approvals/" + approval + "/approve", Map.of("comment", "同意"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("change-name-taken");
        JsonNode still = manager.get("/api/approvals/" + approval).json();
        assertThat(still.path("status").asString()).isEqualTo("PENDING");
        assertThat(still.path("steps").get(0).path("status").asString()).isEqualTo("PENDING");
        assertThat(customer(sales1, a).path("name").asString()).isNotEqualTo(newName);

        assertThat(manager.post("/api/approvals/" + approval + "/reject", Map.of("comment", "名称已被占用")).status()).isEqualTo(200);
        assertThat(sales1.get("/api/customers/" + a).json().path("changeRequests").get(0).path("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void CUS15_valuesThatDoNotFitAreRefusedWithTheirField() {
        Api sales1 = login("sales1");
        long id = fileFor("sales1", "取值客户");
        Map<String, String> investigation = Map.of("capitalTurnover", "良好", "paymentHistory", "无拖欠", "references", "供应商甲");
        Api.Response huge = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes",
                Map.of("creditTermDays", 30, "creditLimit", "1000000000000"), "creditInvestigation", investigation));
        assertThat(huge.status()).isEqualTo(422);
        assertThat(huge.json().path("errors").get(0).path("field").asString()).isEqualTo("changes.creditLimit");
        Api.Response nul = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("bankName", "银行\0")));
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.json().path("errors").get(0).path("field").asString()).isEqualTo("changes.bankName");
        Api.Response days = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes",
                Map.of("creditTermDays", "三十", "creditLimit", "100"), "creditInvestigation", investigation));
        assertThat(days.status()).isEqualTo(422);
        assertThat(sales1.get("/api/customers/" + id).json().path("changeRequests").size()).isZero();
    }

    @Test
    void CUS15_aRequestIsCancelledWhenTheCustomerChangesOwner() {
        Api sales1 = login("sales1");
        long id = fileFor("sales1", "易主客户");
        long request = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("invoiceTitle", "旧主的抬头")))
                .json().path("id").asLong();
        Api manager = login("manager");
        long approval = pendingApprovalFor(manager, request);
        assertThat(manager.post("/api/customers/" + id + "/transfer", Map.of("toUserId", userId("sales2"), "reason", "调岗")).status())
                .isEqualTo(200);
        JsonNode requests = login("sales2").get("/api/customers/" + id).json().path("changeRequests");
        assertThat(requests.get(0).path("status").asString()).isEqualTo("CANCELLED");
        assertThat(manager.get("/api/approvals/" + approval).json().path("status").asString()).isEqualTo("VOID");
        assertThat(manager.post("/api/approvals/" + approval + "/approve", null).code()).isEqualTo("approval-not-pending");
        assertThat(customer(login("sales2"), id).path("invoiceTitle").asString()).isNotEqualTo("旧主的抬头");
    }

    @Test
    void CUS15_anAdministratorCancelsAStuckRequest() {
        Api sales1 = login("sales1");
        long id = fileFor("sales1", "卡住客户");
        long request = sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("invoiceTitle", "卡住的抬头")))
                .json().path("id").asLong();
        Api admin = login("admin");
        long approval = -1;
        for (JsonNode a : admin.get("/api/admin/approvals?size=200").json().path("items")) {
            if (String.valueOf(request).equals(a.path("subjectId").asString()) && "customer-change".equals(a.path("subjectType").asString())) {
                approval = a.path("id").asLong();
            }
        }
        assertThat(approval).isPositive();
        assertThat(admin.post("/api/admin/approvals/" + approval + "/cancel", Map.of("reason", "审批人长期休假")).status()).isEqualTo(200);
        JsonNode requests = sales1.get("/api/customers/" + id).json().path("changeRequests");
        assertThat(requests.get(0).path("status").asString()).isEqualTo("CANCELLED");
        String reason = asSystem(() -> jdbc.sql("SELECT cancel_reason FROM customer_change_request WHERE id = :id")
                .param("id", request).query(String.class).single());
        assertThat(reason).isEqualTo("审批人长期休假");
        // nothing pending any more: the owner can ask again
        assertThat(sales1.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("invoiceTitle", "再次申请"))).status())
                .isEqualTo(201);
    }
}
