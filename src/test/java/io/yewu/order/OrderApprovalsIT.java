package io.yewu.order;

import io.yewu.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ORD-5a … ORD-5d over HTTP: the credit ladder and hold through the platform's approvals, and nothing that bypasses them. */
class OrderApprovalsIT extends OrderFixtures {

    private long existingCredit(String limit) {
        long c = customer("sales1", "深圳", 30, limit);
        makeExisting(c);
        return c;
    }

    private long approvals(long orderId) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM approval_request WHERE subject_type = 'sales-order' AND subject_id = :id")
                .param("id", String.valueOf(orderId)).query(Long.class).single());
    }

    private long approvalId(Api approver, long orderId) {
        for (JsonNode a : approver.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if ("sales-order".equals(a.path("subjectType").asString()) && String.valueOf(orderId).equals(a.path("subjectId").asString())) {
                return a.path("id").asLong();
            }
        }
        throw new AssertionError("nothing pending for order " + orderId);
    }

    @Test
    void ORD5a_20000IsReleasedAnd20000_01WaitsForTheBusinessManagerWhoSeesTheDecision() {
        Api sales1 = login("sales1");
        long credit = existingCredit("1000000.00");
        JsonNode at = submitted(sales1, credit, List.of(lineOf("20000.00")));
        assertThat(state(at)).isEqualTo("RELEASED");
        assertThat(at.path("order").path("paymentMode").asString()).isEqualTo("CREDIT");
        assertThat(at.path("order").path("creditTermDays").asInt()).isEqualTo(30);

        JsonNode above = submitted(sales1, credit, List.of(lineOf("20000.01")));
        long id = id(above);
        assertThat(state(above)).isEqualTo("AWAITING_APPROVAL");
        Api manager = login("manager");
        long approval = approvalId(manager, id);
        Api.Response seen = manager.get("/api/approvals/" + approval);
        assertThat(seen.body()).contains("ORD-5a").contains("20000.01");
        assertThat(manager.get("/api/orders/" + id).json().path("decisions").toString()).contains("ORD-5a");
        approveSubject(manager, "sales-order", id);
        JsonNode released = detail(sales1, id);
        assertThat(state(released)).isEqualTo("RELEASED");
        assertThat(released.path("order").path("approvedTotal").decimalValue()).isEqualByComparingTo("20000.01");
    }

    @Test
    void ORD5a_ORD5c_theApproverSeesTheOrderItsLinesTermsAndTheCreditFiguresThatAskedForIt() {
        Api sales1 = login("sales1");
        long credit = existingCredit("30000.00");
        JsonNode first = submitted(sales1, credit, List.of(lineOf("8000.00")));
        assertThat(state(first)).isEqualTo("RELEASED");
        JsonNode order = submitted(sales1, credit, List.of(lineOf("20000.00"), lineOf("5000.00")));
        long id = id(order);
        assertThat(state(order)).isEqualTo("AWAITING_APPROVAL");

        JsonNode approval = pendingApproval(login("manager"), "sales-order", String.valueOf(id));
        JsonNode details = approval.path("details");
        assertThat(details.path("link").asString()).isEqualTo("/orders/" + id);
        assertThat(details.path("recordName").asString()).startsWith(order.path("order").path("number").asString());
        assertThat(fact(approval, "total").asString()).isEqualTo("25000.00");
        assertThat(fact(approval, "paymentMode").asString()).isEqualTo("CREDIT");
        assertThat(fact(approval, "creditTermDays").asInt()).isEqualTo(30);
        assertThat(fact(approval, "creditLimit").asString()).isEqualTo("30000.00");
        assertThat(fact(approval, "openCreditOrders").asString()).isEqualTo("8000.00");
        assertThat(fact(approval, "creditUsed").asString()).isEqualTo("8000.00");
        assertThat(fact(approval, "exposure").asString()).isEqualTo("33000.00"); // above the limit: ORD-5c holds it too
        assertThat(fact(approval, "creditHold").asBoolean()).isTrue();
        assertThat(fact(approval, "daysOverdue").asInt()).isZero();
        assertThat(details.path("lines").path("columns").toString()).contains("product", "quantity", "unitPrice", "amount");
        JsonNode rows = details.path("lines").path("rows");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get(5).asString()).isEqualTo("20000.00");
        assertThat(rows.get(1).get(5).asString()).isEqualTo("5000.00");
        // the decision that asked, with its rule
        assertThat(approval.path("decision").toString()).contains("ORD-5a");
    }

    @Test
    void ORD5a_50000_01GoesToTheGeneralManagerInstead() {
        long credit = existingCredit("1000000.00");
        long id = id(submitted(login("sales1"), credit, List.of(lineOf("50000.01"))));
        assertThat(hasPending(login("manager"), "sales-order", id)).isFalse();
        approveSubject(login("gm"), "sales-order", id);
        assertThat(state(detail(login("sales1"), id))).isEqualTo("RELEASED");
    }

    @Test
    void ORD5b_aNewCreditCustomerAt20000NeedsTheBusinessManagerThenTheGeneralManager() {
        long credit = customer("sales1", "深圳", 30, "1000000.00");
        Api sales1 = login("sales1");
        long id = id(submitted(sales1, credit, List.of(lineOf("20000.00"))));
        assertThat(hasPending(login("gm"), "sales-order", id)).isFalse();
        approveSubject(login("manager"), "sales-order", id);
        assertThat(state(detail(sales1, id))).isEqualTo("AWAITING_APPROVAL");
        approveSubject(login("gm"), "sales-order", id);
        assertThat(state(detail(sales1, id))).isEqualTo("RELEASED");
    }

    @Test
    void ORD5c_aHoldIsReleasedOnlyByTheGeneralManagerWithAReason() {
        Api sales1 = login("sales1");
        long credit = existingCredit("5000.00");
        JsonNode held = submitted(sales1, credit, List.of(lineOf("6000.00")));
        long id = id(held);
        assertThat(state(held)).isEqualTo("AWAITING_APPROVAL");
        assertThat(held.path("order").path("creditHold").asBoolean()).isTrue();
        assertThat(decision(held, "credit-hold").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-5c");
        assertThat(login("manager").post("/api/orders/" + id + "/release-hold", Map.of("reason", "老客户", "version", version(held))).status())
                .isEqualTo(403);
        Api gm = login("gm");
        Api.Response blank = gm.post("/api/orders/" + id + "/release-hold", Map.of("reason", "  ", "version", version(held)));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.json().path("errors").get(0).path("field").asString()).isEqualTo("reason");
        Api.Response released = gm.post("/api/orders/" + id + "/release-hold", Map.of("reason", "客户承诺月底回款", "version", version(held)));
        assertThat(released.status()).as(released.body()).isEqualTo(200);
        assertThat(state(released.json())).isEqualTo("RELEASED");
        assertThat(released.json().path("order").path("holdReleaseReason").asString()).isEqualTo("客户承诺月底回款");
        assertThat(gm.post("/api/orders/" + id + "/release-hold", Map.of("reason", "再次", "version", version(released.json()))).code())
                .isEqualTo("order-not-on-hold");
    }

    @Test
    void ORD5c_anOverdueReceivableHoldsAndCancellingAndRecreatingDoesNotEscapeTheHold() {
        Api sales1 = login("sales1");
        long credit = existingCredit("5000.00");
        JsonNode first = submitted(sales1, credit, List.of(lineOf("3000.00")));
        assertThat(state(first)).isEqualTo("RELEASED");
        // the second order's exposure counts the first: 3,000 + 3,000 > 5,000
        JsonNode second = submitted(sales1, credit, List.of(lineOf("3000.00")));
        assertThat(second.path("order").path("creditHold").asBoolean()).isTrue();
        Api.Response cancelled = sales1.post("/api/orders/" + id(second) + "/cancel", Map.of("reason", "重下", "version", version(second)));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        JsonNode again = submitted(sales1, credit, List.of(lineOf("3000.00")));
        assertThat(again.path("order").path("creditHold").asBoolean()).isTrue();
        assertThat(state(again)).isEqualTo("AWAITING_APPROVAL");
        // splitting into pieces below the limit does not escape either
        JsonNode piece = submitted(sales1, credit, List.of(lineOf("100.00")));
        assertThat(piece.path("order").path("creditHold").asBoolean()).isTrue();

        long overdue = existingCredit("1000000.00");
        asSystem(() -> jdbc.sql("UPDATE sales_order SET paid_amount = 0, due_on = current_date - 31 WHERE customer_id = :c")
                .param("c", overdue).update());
        JsonNode late = submitted(sales1, overdue, List.of(lineOf("100.00")));
        assertThat(late.path("order").path("creditHold").asBoolean()).isTrue();
        assertThat(decision(late, "credit-hold").toString()).contains("daysOverdue");
    }

    @Test
    void ORD5d_raisingAnApprovedOrderVoidsTheApprovalAndLoweringItKeepsIt() {
        Api sales1 = login("sales1");
        long credit = existingCredit("1000000.00");
        JsonNode o = submitted(sales1, credit, List.of(lineOf("30000.00")));
        long id = id(o);
        Api manager = login("manager");
        long firstApproval = approvalId(manager, id);
        approveSubject(manager, "sales-order", id);
        JsonNode released = detail(sales1, id);
        assertThat(state(released)).isEqualTo("RELEASED");

        Api.Response lower = sales1.put("/api/orders/" + id, Map.of("lines", List.of(lineOf("29000.00")), "version", version(released)));
        assertThat(lower.status()).as(lower.body()).isEqualTo(200);
        assertThat(state(lower.json())).isEqualTo("RELEASED");
        assertThat(approvals(id)).isEqualTo(1);

        // the approval covers the 30,000.00 it approved: a fen above it, even in the same band, runs the ladder again
        Api.Response higher = sales1.put("/api/orders/" + id, Map.of("lines", List.of(lineOf("30000.01")), "version", version(lower.json())));
        assertThat(higher.status()).as(higher.body()).isEqualTo(200);
        assertThat(state(higher.json())).isEqualTo("AWAITING_APPROVAL");
        assertThat(decision(higher.json(), "approval-holds").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-5d");
        assertThat(approvals(id)).isEqualTo(2);
        assertThat(approvalId(manager, id)).isNotEqualTo(firstApproval);
        String status = asSystem(() -> jdbc.sql("SELECT status FROM approval_request WHERE id = :id").param("id", firstApproval)
                .query(String.class).single());
        assertThat(status).isNotEqualTo("APPROVED");
    }

    @Test
    void ORD5_copyingAnApprovedOrderNeverCopiesItsApproval() {
        Api sales1 = login("sales1");
        long credit = existingCredit("1000000.00");
        long id = id(submitted(sales1, credit, List.of(lineOf("25000.00"))));
        approveSubject(login("manager"), "sales-order", id);
        Api.Response copy = sales1.post("/api/orders/" + id + "/copy", Map.of());
        assertThat(copy.status()).as(copy.body()).isEqualTo(201);
        JsonNode c = copy.json();
        assertThat(state(c)).isEqualTo("DRAFT");
        assertThat(c.path("order").path("approvalId").isNull()).isTrue();
        assertThat(c.path("order").path("approvedTotal").isNull()).isTrue();
        JsonNode submitted = sales1.post("/api/orders/" + id(c) + "/submit", Map.of("version", version(c))).json();
        assertThat(state(submitted)).isEqualTo("AWAITING_APPROVAL");
        assertThat(hasPending(login("manager"), "sales-order", id(c))).isTrue();
    }

    @Test
    void ORD5_nobodyApprovesTheirOwnOrder() {
        long own = customer("manager", "深圳", 30, "1000000.00");
        makeExisting(own);
        Api manager = login("manager");
        long id = id(submitted(manager, own, List.of(lineOf("25000.00"))));
        assertThat(hasPending(manager, "sales-order", id)).isFalse();
        approveSubject(login("gm"), "sales-order", id);
        assertThat(state(detail(manager, id))).isEqualTo("RELEASED");
    }

    @Test
    void ORD5_noApprovalStartsBeforeTheOrderIsCompleteAndADecisionTwiceCountsOnce() {
        Api sales1 = login("sales1");
        long credit = existingCredit("1000000.00");
        JsonNode draft = draft(sales1, credit, List.of(lineOf("25000.00")));
        long id = id(draft);
        assertThat(approvals(id)).isZero();
        assertThat(hasPending(login("manager"), "sales-order", id)).isFalse();
        // a custom line without its price from finance keeps the order from being submitted, so no approval starts
        Api.Response incomplete = sales1.put("/api/orders/" + id, Map.of("lines", List.of(lineOf("25000.00"), line(custom, "1", "500.00")),
                "version", version(draft)));
        assertThat(incomplete.status()).as(incomplete.body()).isEqualTo(200);
        Api.Response refused = sales1.post("/api/orders/" + id + "/submit", Map.of("version", version(incomplete.json())));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("errors").get(0).path("code").asString()).isEqualTo("order-awaiting-guide-price");
        assertThat(approvals(id)).isZero();

        JsonNode fixed = sales1.put("/api/orders/" + id, Map.of("lines", List.of(lineOf("25000.00")), "version", version(incomplete.json()))).json();
        sales1.post("/api/orders/" + id + "/submit", Map.of("version", version(fixed)));
        Api manager = login("manager");
        long approval = approvalId(manager, id);
        assertThat(manager.post("/api/approvals/" + approval + "/approve", Map.of("comment", "同意")).status()).isEqualTo(200);
        Api.Response twice = manager.post("/api/approvals/" + approval + "/approve", Map.of("comment", "同意"));
        assertThat(twice.status()).isIn(409, 404);
        long approvedEvents = asSystem(() -> jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'sales-order' AND entity_id = :id AND action = 'approved'")
                .param("id", String.valueOf(id)).query(Long.class).single());
        assertThat(approvedEvents).isOne();
        assertThat(state(detail(sales1, id))).isEqualTo("RELEASED");
    }
}
