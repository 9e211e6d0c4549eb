package io.yewu.order.internal;

import io.yewu.support.Api;
import io.yewu.support.DemoCompanyTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo company's order to cash as the first start leaves it (decision 0025): a catalogue on an approved list,
 * quotes and orders in every state, receipts, invoices, every aging bucket and last month's commission — each made
 * by the services, so every order carries the decisions and approvals its rules call for.
 */
class OrderDemoDataIT extends DemoCompanyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final LocalDate today = LocalDate.now(SHANGHAI);

    private <T> List<T> demo(String sql, Class<T> type) {
        return asSystem(() -> jdbc.sql(sql.replace("{demo}", "(SELECT id FROM company WHERE code = 'DEMO')"))
                .param("today", today).query(type).list());
    }

    private long count(String sql) {
        return demo(sql, Long.class).getFirst();
    }

    @Test
    void aCatalogueWithGuidePricesOnAnApprovedList_andNextMonthsWaitingForTheGeneralManager() {
        assertThat(count("SELECT count(*) FROM product WHERE company_id = {demo} AND kind = 'STANDARD'")).isGreaterThanOrEqualTo(10);
        assertThat(count("SELECT count(*) FROM product WHERE company_id = {demo} AND kind <> 'STANDARD'")).isEqualTo(2);
        assertThat(demo("SELECT status FROM price_list WHERE company_id = {demo} ORDER BY id", String.class))
                .containsExactly("APPROVED", "PENDING");
        assertThat(count("""
                SELECT count(*) FROM product p WHERE p.company_id = {demo} AND p.kind = 'STANDARD' AND NOT EXISTS (
                  SELECT 1 FROM price_list_line l JOIN price_list pl ON pl.id = l.price_list_id AND pl.status = 'APPROVED'
                  WHERE l.product_id = p.id)""")).as("every standard product has a guide price in force").isZero();
        Api gm = login("gm");
        JsonNode pending = gm.get("/api/approvals?box=pending&size=200").json().path("items");
        assertThat(pending.findValuesAsString("subjectType")).contains("price-list");
        assertThat(count("SELECT count(*) FROM quote_request WHERE company_id = {demo} AND status = 'OPEN'")).isEqualTo(1);
    }

    @Test
    void quotesInEveryState_oneExpired_oneSpecialPriceWaitingForTheManager() {
        List<String> states = demo("SELECT state FROM quote_version WHERE company_id = {demo}", String.class);
        assertThat(states).contains("DRAFT", "SENT", "ACCEPTED", "REJECTED");
        assertThat(count("SELECT count(*) FROM quote_version WHERE company_id = {demo} AND state = 'SENT' AND valid_until < :today"))
                .as("expired").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM quote_version WHERE company_id = {demo} AND converted_at IS NOT NULL AND order_id IS NOT NULL"))
                .as("converted").isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM quote_line l JOIN approval_request a ON a.id = l.special_approval_id
                WHERE l.company_id = {demo} AND l.verdict = 'SPECIAL_PRICE' AND l.special_status = 'PENDING' AND a.status = 'PENDING'"""))
                .isEqualTo(1);
        JsonNode inbox = login("manager").get("/api/approvals?box=pending&size=200").json().path("items");
        assertThat(inbox.findValuesAsString("subjectType")).contains("quote-line", "sales-order");
    }

    @Test
    void ordersInEveryState_andAtEveryWarehouseStage() {
        Map<String, Long> byState = asSystem(() -> jdbc.sql("""
                SELECT CASE WHEN state = 'AWAITING_APPROVAL' AND credit_hold THEN 'CREDIT_HOLD'
                            WHEN state = 'RELEASED' THEN 'RELEASED_' || warehouse_stage ELSE state END AS s, count(*) AS n
                FROM sales_order WHERE company_id = (SELECT id FROM company WHERE code = 'DEMO') GROUP BY 1""")
                .query((rs, i) -> Map.entry(rs.getString("s"), rs.getLong("n"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(byState).containsKeys("DRAFT", "AWAITING_APPROVAL", "CREDIT_HOLD", "AWAITING_PAYMENT", "RELEASED_NOT_PRINTED",
                "RELEASED_PRINTED", "RELEASED_PACKED", "SHIPPED", "DELIVERED", "CLOSED", "CANCELLED");
        assertThat(count("""
                SELECT count(*) FROM sales_order o JOIN sales_order_refund r ON r.order_id = o.id AND r.amount = o.paid_amount
                WHERE o.company_id = {demo} AND o.state = 'CANCELLED' AND o.payment_mode = 'PAY_BEFORE_SHIPMENT'""")).isEqualTo(1);
        assertThat(count("""
                SELECT count(*) FROM sales_order WHERE company_id = {demo} AND state = 'AWAITING_PAYMENT'
                AND payment_mode = 'PAY_BEFORE_SHIPMENT' AND paid_amount = 0""")).isGreaterThanOrEqualTo(1);
        // what the warehouse and each salesperson see on first start
        assertThat(login("warehouse").get("/api/warehouse/orders?size=50").json().path("total").asLong()).isGreaterThanOrEqualTo(5);
        for (String s : List.of("sales1", "sales2", "sales3", "sales4")) {
            assertThat(login(s).get("/api/orders?size=50").json().path("total").asLong()).as(s).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void theDemosOrdersObeyTheRules_everyHoldAndApprovalHasItsDecision() {
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND o.credit_hold AND NOT EXISTS (
                  SELECT 1 FROM decision_record d WHERE d.company_id = o.company_id AND d.subject_type = 'sales-order'
                  AND d.subject_id = o.id::text AND d.kind = 'credit-hold' AND d.outcome::jsonb ->> 'held' = 'true')"""))
                .as("credit holds without their decision").isZero();
        assertThat(count("SELECT count(*) FROM sales_order WHERE company_id = {demo} AND credit_hold")).isGreaterThanOrEqualTo(1);
        // a held order is held because of a receivable overdue by more than the set days
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND o.credit_hold AND NOT EXISTS (
                  SELECT 1 FROM sales_order r WHERE r.company_id = o.company_id AND r.customer_id = o.customer_id
                  AND r.paid_amount < r.total AND r.due_on < :today - 30)""")).isZero();
        // waiting for approval: a pending chain recorded as the approval-chain decision
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND o.state = 'AWAITING_APPROVAL' AND NOT o.credit_hold
                AND NOT EXISTS (SELECT 1 FROM approval_request a WHERE a.id = o.approval_id AND a.status = 'PENDING')""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND o.approval_id IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM decision_record d WHERE d.company_id = o.company_id AND d.subject_type = 'sales-order'
                  AND d.subject_id = o.id::text AND d.kind = 'approval-chain')""")).isZero();
        // released only with the release decision, credit orders above 20,000 only after their approvals
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND o.released_at IS NOT NULL AND NOT EXISTS (
                  SELECT 1 FROM decision_record d WHERE d.company_id = o.company_id AND d.subject_type = 'sales-order'
                  AND d.subject_id = o.id::text AND d.kind = 'release' AND d.outcome = '[]')""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND o.payment_mode = 'CREDIT' AND o.total > 20000
                AND o.released_at IS NOT NULL AND (o.approved_total IS NULL OR o.approved_total < o.total)""")).isZero();
        // every order's money: lines add up, nothing over-paid or over-invoiced; shipped orders fall due after their terms
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND o.total <> (
                  SELECT sum(amount) FROM sales_order_line l WHERE l.company_id = o.company_id AND l.order_id = o.id)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND o.shipped_at IS NOT NULL
                AND o.due_on <> (o.shipped_at AT TIME ZONE 'Asia/Shanghai')::date + coalesce(o.credit_term_days, 0)""")).isZero();
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND (o.shipped_at > now()
                OR o.created_at > o.shipped_at OR o.shipped_at > o.delivered_at OR substr(o.number, 3, 8)
                   <> to_char(o.created_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMMDD'))""")).as("dates in order").isZero();
        // every order has its audit trail, as when made through the API
        assertThat(count("""
                SELECT count(*) FROM sales_order o WHERE o.company_id = {demo} AND NOT EXISTS (
                  SELECT 1 FROM audit_log a WHERE a.company_id = o.company_id AND a.entity_type = 'sales-order'
                  AND a.entity_id = o.id::text AND a.action IN ('create', 'from-quote'))""")).isZero();
    }

    @Test
    void receiptsInvoicesAgingAndCommission() {
        Api finance = login("finance");
        JsonNode aging = finance.get("/api/receivables/aging").json();
        JsonNode buckets = aging.path("total").path("buckets");
        for (String b : List.of("NOT_DUE", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "OVER_90")) {
            assertThat(new BigDecimal(buckets.path(b).asString("0"))).as(b).isPositive();
        }
        assertThat(count("SELECT count(*) FROM receipt WHERE company_id = {demo} AND matched_amount = amount")).isGreaterThanOrEqualTo(4);
        assertThat(count("SELECT count(*) FROM receipt WHERE company_id = {demo} AND matched_amount < amount")).as("on account").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM invoice WHERE company_id = {demo} AND type = 'VAT_SPECIAL'")).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT count(*) FROM invoice_accumulation WHERE company_id = {demo} AND invoice_id IS NULL AND amount < 5000"))
                .isEqualTo(1);
        assertThat(finance.get("/api/refunds?size=20").json().path("total").asLong()).isEqualTo(1);
        String lastMonth = YearMonth.from(today).minusMonths(1).toString();
        JsonNode statement = login("mktdir").get("/api/commission/statement?month=" + lastMonth).json();
        assertThat(statement.path("locked").asBoolean()).as(statement.toString()).isTrue();
        assertThat(statement.path("salespeople").size()).isEqualTo(4);
        JsonNode own = login("sales1").get("/api/commission/statement?month=" + lastMonth).json();
        assertThat(own.path("salespeople").size()).isEqualTo(1);
        assertThat(new BigDecimal(own.path("total").asString())).isPositive();
    }
}
