package io.yewu.service;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-1 information-change tickets open a CUS-15 change request and close when it is decided. */
class InformationChangeTicketIT extends IntegrationTest {

    private Api agent;
    private Api manager;
    private long customerId;

    @BeforeEach
    void setUp() {
        agent = login("agent1");
        manager = login("manager");
        customerId = ServiceFixtures.customer(jdbc, "变更超市" + System.nanoTime() % 100000, "1390000" + (1000 + System.nanoTime() % 9000), false);
    }

    private Map<String, Object> infoChange(Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>(ServiceFixtures.promised(customerId, "INFO_CHANGE", Duration.ofHours(8)));
        body.put("subject", "开票抬头变更");
        if (changes != null) body.put("changes", changes);
        return body;
    }

    private long pendingApprovalFor(Api approver, long requestId) {
        for (JsonNode a : approver.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if ("customer-change".equals(a.path("subjectType").asString())
                    && String.valueOf(requestId).equals(a.path("subjectId").asString())) return a.path("id").asLong();
        }
        throw new AssertionError("no pending customer change for this approver");
    }

    private JsonNode ticket(long id) {
        return agent.get("/api/tickets/" + id).json();
    }

    @Test
    @DisplayName("SVC-1/CUS-15: the ticket files the change request, shows it pending, and closes when the manager approves")
    void approvedChangeClosesTheTicket() {
        var created = agent.post("/api/tickets", infoChange(Map.of("invoiceTitle", "杭州变更超市有限公司", "taxId", "91330100MA2TEST01X")));
        long id = ServiceFixtures.created(created);
        JsonNode t = created.json();
        assertThat(t.path("changeRequestState").asString()).isEqualTo("PENDING");
        assertThat(t.path("requestedChanges").path("invoiceTitle").asString()).isEqualTo("杭州变更超市有限公司");
        assertThat(t.path("state").asString()).isEqualTo("OPEN");
        long request = t.path("changeRequestId").asLong();
        assertThat(t.path("events").toString()).contains("CHANGE_REQUESTED");

        long approval = pendingApprovalFor(manager, request);
        // the approver sees the old and new values; the desk never saw the old invoice data
        assertThat(manager.get("/api/approvals/" + approval).json().path("details").path("changes").has("invoiceTitle")).isTrue();
        assertThat(manager.post("/api/approvals/" + approval + "/approve", Map.of("comment", "同意")).status()).isEqualTo(200);

        JsonNode closed = ticket(id);
        assertThat(closed.path("changeRequestState").asString()).isEqualTo("APPROVED");
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("events").toString()).contains("CHANGE_DECIDED");
        assertThat(closed.path("timers").findValues("cancelledAt").stream().noneMatch(JsonNode::isNull)).isTrue();
        String title = asSystem(() -> jdbc.sql("SELECT invoice_title FROM customer WHERE id = :id").param("id", customerId)
                .query(String.class).single());
        assertThat(title).isEqualTo("杭州变更超市有限公司");
    }

    @Test
    @DisplayName("SVC-1/CUS-15: a rejected request closes the ticket with the reason and changes nothing")
    void rejectedChange() {
        long id = ServiceFixtures.created(agent.post("/api/tickets", infoChange(null)));
        assertThat(ticket(id).path("changeRequestId").isNull()).isTrue();
        var filed = agent.post("/api/tickets/" + id + "/change-request", Map.of("changes", Map.of("name", "改名后的超市" + id)));
        assertThat(filed.status()).as(filed.body()).isEqualTo(200);
        long request = filed.json().path("changeRequestId").asLong();
        assertThat(agent.post("/api/tickets/" + id + "/change-request", Map.of("changes", Map.of("bankName", "工商银行"))).code())
                .isEqualTo("change-pending");
        assertThat(manager.post("/api/approvals/" + pendingApprovalFor(manager, request) + "/reject", Map.of("comment", "与营业执照不符"))
                .status()).isEqualTo(200);
        JsonNode closed = ticket(id);
        assertThat(closed.path("changeRequestState").asString()).isEqualTo("REJECTED");
        assertThat(closed.path("state").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("resolution").asString()).contains("与营业执照不符");
        String name = asSystem(() -> jdbc.sql("SELECT name FROM customer WHERE id = :id").param("id", customerId).query(String.class).single());
        assertThat(name).startsWith("变更超市");
    }

    @Test
    @DisplayName("SVC-1/CUS-15: only information-change tickets ask; credit terms stay with the owner; no answer at once")
    void refusals() {
        var wrongType = new HashMap<>(ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(8)));
        wrongType.put("changes", Map.of("invoiceTitle", "x"));
        assertThat(agent.post("/api/tickets", wrongType).status()).isEqualTo(422);
        var terms = agent.post("/api/tickets", infoChange(Map.of("creditTermDays", 60)));
        assertThat(terms.status()).isEqualTo(422);
        assertThat(terms.body()).contains("changes.creditTermDays");
        var answered = infoChange(Map.of("invoiceTitle", "y"));
        answered.put("answeredNow", true);
        answered.put("resolution", "已改");
        assertThat(agent.post("/api/tickets", answered).status()).isEqualTo(422);
        long inquiry = ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(8))));
        assertThat(agent.post("/api/tickets/" + inquiry + "/change-request", Map.of("changes", Map.of("invoiceTitle", "z"))).status())
                .isEqualTo(422);
        assertThat(agent.post("/api/tickets/99999999/change-request", Map.of()).status()).isEqualTo(404);
        assertThat(login("sales1").post("/api/tickets/" + inquiry + "/change-request", Map.of()).status()).isEqualTo(403);
    }
}
