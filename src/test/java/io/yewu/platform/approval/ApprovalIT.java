package io.yewu.platform.approval;

import io.yewu.platform.internal.scheduling.DueTaskRunner;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.web.ProblemException;
import io.yewu.support.Api;
import io.yewu.support.PlatformFixtures.CompletedApprovals;
import io.yewu.support.PlatformFixtures.TestSubject;
import io.yewu.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class ApprovalIT extends PlatformIntegrationTest {

    @Autowired TestSubject subject;
    @Autowired CompletedApprovals completed;
    @Autowired Approvals approvals;
    @Autowired DueTaskRunner dueTasks;

    private static String newSubject() {
        return UUID.randomUUID().toString();
    }

    @Test
    void PLT3_chainForSalespersonGoesToTheirManagerThenTheGeneralManager() {
        String s = newSubject();
        long id = subject.submit("sales1", s, 7);

        JsonNode a = login("sales1").get("/api/approvals/" + id).json();
        assertThat(a.path("status").asString()).isEqualTo("PENDING");
        assertThat(a.path("applicantName").asString()).isEqualTo("张伟");
        assertThat(a.path("decision").path("outcome").asString()).isEqualTo("MANAGER_THEN_GM");
        assertThat(a.path("decision").path("hits").get(0).path("ruleId").asString()).isEqualTo("TEST-1");
        JsonNode steps = a.path("steps");
        assertThat(steps.get(0).path("role").asString()).isEqualTo("BUSINESS_MANAGER");
        assertThat(steps.get(0).path("assigneeName").asString()).isEqualTo("李经理");
        assertThat(steps.get(0).path("status").asString()).isEqualTo("PENDING");
        assertThat(steps.get(0).path("dueAt").isNull()).isFalse();
        assertThat(steps.get(1).path("assigneeName").asString()).isEqualTo("王总");
        assertThat(steps.get(1).path("status").asString()).isEqualTo("WAITING");

        Api manager = login("manager");
        assertThat(ids(manager.get("/api/approvals?box=pending&size=200"))).contains(id);
        assertThat(titles(manager.get("/api/notifications?size=200"))).contains("待您审批：测试申请 " + s);
        Api.Response first = manager.post("/api/approvals/" + id + "/approve", Map.of("comment", "同意"));
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("steps").get(1).path("status").asString()).isEqualTo("PENDING");
        assertThat(completed.forSubject(s)).isEmpty();

        Api.Response second = login("gm").post("/api/approvals/" + id + "/approve", null);
        assertThat(second.json().path("status").asString()).isEqualTo("APPROVED");
        assertThat(second.json().path("steps").get(1).path("decidedByName").asString()).isEqualTo("王总");
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.forSubject(s).size() == 1);
        ApprovalCompleted event = completed.forSubject(s).getFirst();
        assertThat(event.outcome()).isEqualTo(ApprovalCompleted.Outcome.APPROVED);
        assertThat(event.subjectVersion()).isEqualTo(7);
        assertThat(event.requestId()).isEqualTo(id);
        assertThat(titles(login("sales1").get("/api/notifications?size=200"))).contains("审批已通过：测试申请 " + s);
        assertThat(ids(manager.get("/api/approvals?box=decided&size=200"))).contains(id);
    }

    @Test
    void PLT3_rejectNeedsACommentAndEndsTheChain() {
        String s = newSubject();
        long id = subject.submit("sales1", s, 1);
        Api manager = login("manager");

        Api.Response bare = manager.post("/api/approvals/" + id + "/reject", Map.of("comment", "  "));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.json().path("errors").get(0).path("code").asString()).isEqualTo("comment-required");

        Api.Response rejected = manager.post("/api/approvals/" + id + "/reject", Map.of("comment", "价格太低"));
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.json().path("steps").get(0).path("comment").asString()).isEqualTo("价格太低");
        assertThat(rejected.json().path("steps").get(1).path("status").asString()).isEqualTo("VOID");
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.forSubject(s).size() == 1);
        assertThat(completed.forSubject(s).getFirst().outcome()).isEqualTo(ApprovalCompleted.Outcome.REJECTED);
    }

    @Test
    void PLT3_nobodyApprovesTheirOwnRequest() {
        long id = subject.submit("sales1", newSubject(), 1);
        Api.Response own = login("sales1").post("/api/approvals/" + id + "/approve", null);
        assertThat(own.status()).isEqualTo(403);
        assertThat(own.code()).isEqualTo("approval-own-request");

        // the manager applying: their BUSINESS_MANAGER step goes one level up, to the general manager
        long mine = subject.submit("manager", newSubject(), 1);
        JsonNode steps = login("manager").get("/api/approvals/" + mine).json().path("steps");
        assertThat(steps.get(0).path("assigneeName").asString()).isEqualTo("王总");
        // ... whose own later step covers it: one person never holds two steps of a chain
        assertThat(steps.size()).isEqualTo(1);
    }

    @Test
    void PLT3_aRepeatedStepGoesUpAndNobodyIsLeftForAThird() {
        var twoManagers = java.util.List.of(StepSpec.role(io.yewu.platform.security.RoleCode.BUSINESS_MANAGER),
                StepSpec.role(io.yewu.platform.security.RoleCode.BUSINESS_MANAGER));
        long id = subject.submit("sales1", newSubject(), 1, twoManagers);
        JsonNode steps = login("sales1").get("/api/approvals/" + id).json().path("steps");
        assertThat(steps.get(0).path("assigneeName").asString()).isEqualTo("李经理");
        assertThat(steps.get(1).path("assigneeName").asString()).isEqualTo("王总");

        // the repeated step went up to the general manager, whose own later step covers it
        var thenGm = new java.util.ArrayList<>(twoManagers);
        thenGm.add(StepSpec.role(io.yewu.platform.security.RoleCode.GENERAL_MANAGER));
        JsonNode covered = login("sales1").get("/api/approvals/" + subject.submit("sales1", newSubject(), 1, thenGm)).json().path("steps");
        assertThat(covered.size()).isEqualTo(2);
        assertThat(covered.get(1).path("assigneeName").asString()).isEqualTo("王总");

        var three = new java.util.ArrayList<>(twoManagers);
        three.add(StepSpec.role(io.yewu.platform.security.RoleCode.BUSINESS_MANAGER));
        String s = newSubject();
        assertThatThrownBy(() -> subject.submit("sales1", s, 1, three))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("approval-no-approver"));
        assertThat(CompanyContext.callAs(subject.companyId(), () -> approvals.isPending(TestSubject.TYPE, s))).isFalse();
    }

    @Test
    void PLT3_nobodyDecidesTwoStepsNotEvenAsADelegate() {
        long id = subject.submit("sales1", newSubject(), 1);
        Api gm = login("gm");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Api.Response delegation = gm.post("/api/me/delegations", Map.of("delegateId", subject.userId("manager"),
                "startsOn", today.minusDays(1).toString(), "endsOn", today.plusDays(1).toString()));
        assertThat(delegation.status()).as(delegation.body()).isEqualTo(201);
        try {
            Api manager = login("manager");
            assertThat(manager.post("/api/approvals/" + id + "/approve", null).status()).isEqualTo(200);
            Api.Response second = manager.post("/api/approvals/" + id + "/approve", Map.of("comment", "代王总"));
            assertThat(second.status()).isEqualTo(403);
            assertThat(second.code()).isEqualTo("approval-second-step");
            assertThat(gm.post("/api/approvals/" + id + "/approve", null).json().path("status").asString()).isEqualTo("APPROVED");
        } finally {
            gm.delete("/api/me/delegations/" + delegation.json().path("id").asLong());
        }
    }

    @Test
    void PLT3_anAdministratorCancelsAStuckChainWithAReason() {
        String s = newSubject();
        long id = subject.submit("sales1", s, 1);
        assertThat(login("sales1").post("/api/admin/approvals/" + id + "/cancel", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(login("manager").get("/api/admin/approvals?size=200").status()).isEqualTo(403);

        Api admin = login("admin");
        assertThat(ids(admin.get("/api/admin/approvals?size=200"))).contains(id);
        assertThat(admin.post("/api/admin/approvals/" + id + "/cancel", Map.of("reason", " ")).status()).isEqualTo(422);
        Api.Response cancelled = admin.post("/api/admin/approvals/" + id + "/cancel", Map.of("reason", "审批人已离职"));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(admin.post("/api/admin/approvals/" + id + "/cancel", Map.of("reason", "again")).code()).isEqualTo("approval-not-pending");

        assertThat(login("sales1").get("/api/approvals/" + id).json().path("status").asString()).isEqualTo("VOID");
        assertThat(ids(admin.get("/api/admin/approvals?size=200"))).doesNotContain(id);
        assertThat(login("manager").post("/api/approvals/" + id + "/approve", null).code()).isEqualTo("approval-not-pending");
        await().atMost(Duration.ofSeconds(10)).until(() -> completed.forSubject(s).size() == 1);
        assertThat(completed.forSubject(s).getFirst().outcome()).isEqualTo(ApprovalCompleted.Outcome.CANCELLED);
        assertThat(completed.forSubject(s).getFirst().comment()).isEqualTo("审批人已离职");
        assertThat(titles(login("sales1").get("/api/notifications?size=200"))).contains("审批已被管理员撤销：测试申请 " + s);
    }

    @Test
    void PLT3_onlyTheCurrentAssigneeDecides() {
        long id = subject.submit("sales1", newSubject(), 1);
        Api.Response early = login("gm").post("/api/approvals/" + id + "/approve", null);
        assertThat(early.status()).isEqualTo(403);
        assertThat(early.code()).isEqualTo("approval-not-assignee");

        Api stranger = login("sales3");
        assertThat(stranger.get("/api/approvals/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/approvals/" + id + "/approve", null).status()).isEqualTo(404);

        Api manager = login("manager");
        assertThat(manager.post("/api/approvals/" + id + "/approve", null).status()).isEqualTo(200);
        Api.Response again = manager.post("/api/approvals/" + id + "/approve", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("approval-not-pending");
    }

    @Test
    void PLT3_aDelegateDecidesForTheAbsentApprover() {
        long id = subject.submit("sales1", newSubject(), 1);
        Api manager = login("manager");
        long sales2 = subject.userId("sales2");
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));

        Api.Response self = manager.post("/api/me/delegations",
                Map.of("delegateId", subject.userId("manager"), "startsOn", today.toString(), "endsOn", today.toString()));
        assertThat(self.status()).isEqualTo(422);
        Api.Response backwards = manager.post("/api/me/delegations",
                Map.of("delegateId", sales2, "startsOn", today.toString(), "endsOn", today.minusDays(1).toString()));
        assertThat(backwards.json().path("errors").get(0).path("code").asString()).isEqualTo("date-order");

        Api.Response created = manager.post("/api/me/delegations",
                Map.of("delegateId", sales2, "startsOn", today.minusDays(1).toString(), "endsOn", today.plusDays(3).toString()));
        assertThat(created.status()).isEqualTo(201);
        long delegationId = created.json().path("id").asLong();
        try {
            assertThat(created.json().path("delegateName").asString()).isEqualTo("刘洋");
            assertThat(manager.get("/api/me/delegations").json().findValuesAsString("delegateName")).contains("刘洋");
            Api delegate = login("sales2");
            assertThat(ids(delegate.get("/api/approvals?box=pending&size=200"))).contains(id);
            Api.Response decided = delegate.post("/api/approvals/" + id + "/approve", Map.of("comment", "代李经理审批"));
            assertThat(decided.status()).isEqualTo(200);
            JsonNode step = decided.json().path("steps").get(0);
            assertThat(step.path("assigneeName").asString()).isEqualTo("李经理");
            assertThat(step.path("decidedByName").asString()).isEqualTo("刘洋");
        } finally {
            assertThat(manager.delete("/api/me/delegations/" + delegationId).status()).isEqualTo(204);
        }
        assertThat(login("sales3").delete("/api/me/delegations/" + delegationId).status()).isEqualTo(404);
    }

    @Test
    void PLT3_anApprovalCoversTheExactVersionItApproved() {
        String s = newSubject();
        long companyId = subject.companyId();
        long first = subject.submit("sales1", s, 3);
        assertThatThrownBy(() -> subject.submit("sales1", s, 3))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.code()).isEqualTo("approval-already-pending"));
        assertThat(CompanyContext.callAs(companyId, () -> approvals.isPending(TestSubject.TYPE, s))).isTrue();

        // an edit of a checked field changed the outcome: the chain is void and the record is resubmitted
        assertThat(CompanyContext.callAs(companyId, () -> approvals.voidFor(TestSubject.TYPE, s))).isTrue();
        assertThat(login("sales1").get("/api/approvals/" + first).json().path("status").asString()).isEqualTo("VOID");
        long second = subject.submit("sales1", s, 4);
        login("manager").post("/api/approvals/" + second + "/approve", null);
        login("gm").post("/api/approvals/" + second + "/approve", null);

        assertThat(CompanyContext.callAs(companyId, () -> approvals.isApproved(TestSubject.TYPE, s, 4))).isTrue();
        assertThat(CompanyContext.callAs(companyId, () -> approvals.isApproved(TestSubject.TYPE, s, 3))).isFalse();
        assertThat(CompanyContext.callAs(companyId, () -> approvals.isApproved(TestSubject.TYPE, s, 5))).isFalse();
        assertThat(CompanyContext.callAs(companyId, () -> approvals.isApproved(TestSubject.TYPE, "copy-of-" + s, 4))).isFalse();

        CompanyContext.runAs(companyId, () -> approvals.voidFor(TestSubject.TYPE, s));
        assertThat(CompanyContext.callAs(companyId, () -> approvals.isApproved(TestSubject.TYPE, s, 4))).isFalse();
    }

    @Test
    void PLT3_anOverdueStepRemindsItsApproverAndAgainADayLater() {
        String s = newSubject();
        long id = subject.submit("sales1", s, 1);
        Instant due = asSystem(() -> jdbc.sql("SELECT due_at FROM approval_step WHERE request_id = :r AND seq = 1")
                .param("r", id).query(java.sql.Timestamp.class).single().toInstant());

        dueTasks.runDue(due.minusSeconds(60));
        assertThat(titles(login("manager").get("/api/notifications?size=200"))).doesNotContain("审批已超时：测试申请 " + s);

        dueTasks.runDue(due.plusSeconds(1));
        assertThat(titles(login("manager").get("/api/notifications?size=200"))).contains("审批已超时：测试申请 " + s);
        Instant next = asSystem(() -> jdbc.sql("""
                SELECT t.due_at FROM due_task t JOIN approval_step st ON t.task_key = st.id::text
                WHERE st.request_id = :r AND st.seq = 1 AND t.kind = 'approval.reminder' AND t.status = 'PENDING'""")
                .param("r", id).query(java.sql.Timestamp.class).single().toInstant());
        assertThat(next).isEqualTo(due.plus(Duration.ofHours(24)));

        login("manager").post("/api/approvals/" + id + "/approve", null);
        long stillPending = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM due_task t JOIN approval_step st ON t.task_key = st.id::text
                WHERE st.request_id = :r AND st.seq = 1 AND t.kind = 'approval.reminder' AND t.status = 'PENDING'""")
                .param("r", id).query(Long.class).single());
        assertThat(stillPending).isZero();
    }

    @Test
    void approvalListsExportAndRefuseAnUnknownBox() {
        long id = subject.submit("sales1", newSubject(), 1);
        Api sales1 = login("sales1");
        assertThat(ids(sales1.get("/api/approvals?box=submitted&size=200"))).contains(id);
        assertThat(ids(sales1.get("/api/approvals?box=pending&size=200"))).doesNotContain(id);
        Api.Response bad = sales1.get("/api/approvals?box=everything");
        assertThat(bad.status()).isEqualTo(422);

        Api.Response xlsx = sales1.get("/api/approvals/export?box=submitted");
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.headers().get("content-type")).contains("spreadsheetml");
        assertThat(sales1.get("/api/approvals/export?box=everything").status()).isEqualTo(422);
    }

    private static java.util.List<Long> ids(Api.Response page) {
        assertThat(page.status()).isEqualTo(200);
        return page.json().path("items").valueStream().map(n -> n.path("id").asLong()).toList();
    }

    private static java.util.List<String> titles(Api.Response page) {
        return page.json().path("items").valueStream().map(n -> n.path("title").asString()).toList();
    }
}
