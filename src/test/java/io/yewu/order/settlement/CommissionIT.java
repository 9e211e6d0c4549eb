package io.yewu.order.settlement;

import io.yewu.order.OrderFixture.Line;
import io.yewu.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** COM-1 accruals on receipts, COM-2 statements and the locked month, COM-3 annotated e-commerce orders, ORD-8 refunds. */
class CommissionIT extends SettlementTest {


    private BigDecimal commission(long receiptId, Long salespersonId) {
        return fx.sys(() -> jdbc.sql("SELECT coalesce(sum(commission), 0) FROM commission_accrual WHERE receipt_id = :r"
                        + (salespersonId == null ? "" : " AND salesperson_id = " + salespersonId))
                .param("r", receiptId).query(BigDecimal.class).single());
    }

    @Test
    @DisplayName("COM-1: each paid line earns its receipt share × (plan rate 3 % − the line's special-price reduction), exactly once paid in full")
    void COM1_accrualsPerLine() {
        long customer = fx.customer(sales1, Instant.now().minus(100, ChronoUnit.DAYS), true);
        long order = fx.order(customer, sales1).dueOn(TODAY).lines(Line.of("1000.00"), Line.reduced("3000.00", "0.01")).insert();
        Api finance = login("finance");
        long first = record(finance, customer, "2000.00", TODAY);
        // shares 500.00 and 1500.00: 500 × 3 % + 1,500 × 2 % = 15.00 + 30.00
        assertThat(commission(first, sales1)).isEqualByComparingTo("45.00");
        long second = record(finance, customer, "2000.00", TODAY);
        assertThat(commission(second, sales1)).isEqualByComparingTo("45.00");
        // paid in full: each line has been paid exactly its amount and earned fen(amount × rate)
        List<Map<String, Object>> lines = fx.sys(() -> jdbc.sql("""
                SELECT line_no, sum(share) AS share, sum(commission) AS commission, min(rate) AS rate FROM commission_accrual
                WHERE order_id = :o GROUP BY line_no ORDER BY line_no""").param("o", order).query().listOfRows());
        assertThat((BigDecimal) lines.get(0).get("share")).isEqualByComparingTo("1000.00");
        assertThat((BigDecimal) lines.get(0).get("commission")).isEqualByComparingTo("30.00");
        assertThat((BigDecimal) lines.get(1).get("share")).isEqualByComparingTo("3000.00");
        assertThat((BigDecimal) lines.get(1).get("rate")).isEqualByComparingTo("0.02");
        assertThat((BigDecimal) lines.get(1).get("commission")).isEqualByComparingTo("60.00");
        long stored = fx.count("SELECT count(*) FROM decision_record WHERE subject_type = 'receipt-match' AND kind = 'commission'"
                + " AND subject_id IN (SELECT id::text FROM receipt_match WHERE order_id = ?)", order);
        assertThat(stored).isEqualTo(2);
    }

    @Test
    @DisplayName("COM-2: a salesperson sees only its own statement; the marketing director approves the month once and it is locked; later receipts go to the next open month")
    void COM2_statementAndLockedMonth() {
        YearMonth month = YearMonth.from(TODAY).minusMonths(14);
        LocalDate inMonth = month.atDay(10);
        long mine = fx.customer(sales1, Instant.now().minus(800, ChronoUnit.DAYS), true);
        long theirs = fx.customer(sales2, Instant.now().minus(800, ChronoUnit.DAYS), true);
        fx.order(mine, sales1).dueOn(inMonth).lines(Line.reduced("10000.00", "0.0025")).insert();
        fx.order(theirs, sales2).dueOn(inMonth).lines(Line.of("10000.00")).insert();
        Api finance = login("finance");
        long r1 = record(finance, mine, "4000.00", inMonth);
        record(finance, theirs, "1000.00", inMonth);

        JsonNode own = login("sales1").get("/api/commission/statement?month=" + month).json();
        assertThat(own.path("accruals")).isNotEmpty();
        own.path("accruals").forEach(a -> assertThat(a.path("salespersonId").asLong()).isEqualTo(sales1));
        JsonNode line = null;
        for (JsonNode a : own.path("accruals")) if (a.path("receiptId").asLong() == r1) line = a;
        assertThat(line).isNotNull();
        assertThat(line.path("reduction").decimalValue()).isEqualByComparingTo("0.0025");
        assertThat(line.path("rate").decimalValue()).isEqualByComparingTo("0.0275");
        assertThat(line.path("commission").decimalValue()).isEqualByComparingTo("110.00");
        assertThat(line.path("orderNumber").asString()).startsWith("SOFIX");
        // asking for someone else's statement shows nothing of theirs
        assertThat(login("sales1").get("/api/commission/statement?month=" + month + "&salespersonId=" + sales2).json()
                .path("accruals")).isEmpty();
        JsonNode all = login("mktdir").get("/api/commission/statement?month=" + month).json();
        assertThat(all.path("salespeople").size()).isGreaterThanOrEqualTo(2);

        assertThat(login("sales1").post("/api/commission/months/" + month + "/approve", Map.of()).status()).isEqualTo(403);
        assertThat(login("gm").post("/api/commission/months/" + month + "/approve", Map.of()).status()).isEqualTo(403);
        Api mktdir = login("mktdir");
        Api.Response approved = mktdir.post("/api/commission/months/" + month + "/approve", Map.of());
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().path("decision").path("hits").get(0).path("ruleId").asString()).isEqualTo("COM-2");
        assertThat(mktdir.post("/api/commission/months/" + month + "/approve", Map.of()).status()).isEqualTo(409);
        assertThat(mktdir.post("/api/commission/months/" + YearMonth.from(TODAY).plusMonths(1) + "/approve", Map.of()).status()).isEqualTo(422);
        assertThat(mktdir.post("/api/commission/months/2026-13/approve", Map.of()).status()).isEqualTo(422);
        JsonNode locked = finance.get("/api/commission/statement?month=" + month).json();
        assertThat(locked.path("locked").asBoolean()).isTrue();
        BigDecimal lockedTotal = locked.path("total").decimalValue();

        // a late receipt dated in the locked month goes to the next open month; the approved statement never changes
        long late = record(finance, mine, "1000.00", inMonth.plusDays(5));
        assertThat(fx.count("SELECT count(*) FROM commission_accrual WHERE receipt_id = ? AND month = ?", late,
                month.plusMonths(1).atDay(1))).isEqualTo(1);
        assertThat(finance.get("/api/commission/statement?month=" + month).json().path("total").decimalValue())
                .isEqualByComparingTo(lockedTotal);
        // the database refuses any write into a locked month
        assertThatThrownBy(() -> fx.sys(() -> jdbc.sql("UPDATE commission_accrual SET commission = 0 WHERE receipt_id = :r")
                .param("r", r1).update())).hasMessageContaining("locked");
    }

    @Test
    @DisplayName("COM-2: the statement exports like the statement: headers zh/en, same accruals and amounts to the fen, rates in per cent, own scope, month and salesperson filters")
    void COM2_statementExport() {
        YearMonth month = YearMonth.from(TODAY).minusMonths(17);
        LocalDate inMonth = month.atDay(12);
        long mine = fx.customer(sales1, Instant.now().minus(900, ChronoUnit.DAYS), true);
        long theirs = fx.customer(sales2, Instant.now().minus(900, ChronoUnit.DAYS), true);
        fx.order(mine, sales1).dueOn(inMonth).lines(Line.of("1000.00"), Line.reduced("3000.00", "0.0025")).insert();
        fx.order(theirs, sales2).dueOn(inMonth).lines(Line.of("999.99")).insert();
        Api finance = login("finance");
        record(finance, mine, "2000.00", inMonth);
        record(finance, theirs, "999.99", inMonth.plusDays(1));
        JsonNode everyone = finance.get("/api/commission/statement?month=" + month).json();
        String theirName = null;
        for (JsonNode p : everyone.path("salespeople")) if (p.path("salespersonId").asLong() == sales2) theirName = p.path("salespersonName").asString();
        assertThat(theirName).isNotBlank();

        Api me = login("sales1");
        String path = "/api/commission/statement/export?month=" + month;
        List<List<String>> zh = io.yewu.support.Xlsx.download(port, me, path);
        assertThat(zh.get(0)).containsExactly("业务员", "日期", "订单", "行", "客户", "回款流水号", "回款份额", "方案比例（%）",
                "特价降幅（%）", "提成比例（%）", "提成", "类别");
        JsonNode accruals = me.get("/api/commission/statement?month=" + month).json().path("accruals");
        assertThat(accruals).isNotEmpty();
        assertThat(zh).hasSize(accruals.size() + 1);
        for (int i = 0; i < accruals.size(); i++) {
            List<String> row = zh.get(i + 1);
            JsonNode a = accruals.get(i);
            assertThat(row.get(0)).isEqualTo(a.path("salespersonName").asString());
            assertThat(row.get(1)).isEqualTo(a.path("accruedOn").asString());
            assertThat(row.get(2)).isEqualTo(a.path("orderNumber").asString());
            assertThat(row.get(3)).isEqualTo(a.path("lineNo").asString());
            assertThat(new BigDecimal(row.get(6))).isEqualByComparingTo(a.path("share").decimalValue());
            assertThat(new BigDecimal(row.get(9))).isEqualByComparingTo(a.path("rate").decimalValue().movePointRight(2));
            assertThat(new BigDecimal(row.get(10))).isEqualByComparingTo(a.path("commission").decimalValue());
            assertThat(row.get(11)).isEqualTo("回款");
        }
        // the reduced line: 1,500.00 of its 3,000.00 paid, at 3 % − 0.25 point = 2.75 %, earns 41.25
        assertThat(zh).anySatisfy(row -> assertThat(row).containsSequence("1500.00", "3.00", "0.25", "2.75", "41.25", "回款"));
        assertThat(zh.toString()).doesNotContain(theirName, "999.99");

        List<List<String>> en = io.yewu.support.Xlsx.download(port, me, path, "en");
        assertThat(en.get(0)).containsExactly("Salesperson", "Date", "Order", "Line", "Customer", "Receipt reference", "Receipt share",
                "Plan rate (%)", "Special-price reduction (%)", "Rate (%)", "Commission", "Kind");
        assertThat(en).hasSize(zh.size());
        assertThat(en.get(1).get(11)).isEqualTo("Receipt");
        // finance narrows to one salesperson: that one's accruals only, as the statement shows them
        List<List<String>> one = io.yewu.support.Xlsx.download(port, finance, path + "&salespersonId=" + sales2);
        JsonNode theirs2 = finance.get("/api/commission/statement?month=" + month + "&salespersonId=" + sales2).json().path("accruals");
        assertThat(one).hasSize(theirs2.size() + 1);
        assertThat(one.stream().skip(1).map(r -> r.get(0))).containsOnly(theirName);
        assertThat(one).anySatisfy(row -> assertThat(row).contains("999.99", "30.00"));
        // a salesperson asking for another's statement gets none of it
        assertThat(io.yewu.support.Xlsx.download(port, me, path + "&salespersonId=" + sales2)).hasSize(1);
        // another month: that month's statement, none of this one's
        List<List<String>> before = io.yewu.support.Xlsx.download(port, me, "/api/commission/statement/export?month=" + month.minusMonths(1));
        assertThat(before).hasSize(me.get("/api/commission/statement?month=" + month.minusMonths(1)).json().path("accruals").size() + 1);
        assertThat(before.toString()).doesNotContain(accruals.get(0).path("orderNumber").asString());
        assertThat(me.get("/api/commission/statement/export?month=2026-13").status()).isEqualTo(422);
        assertThat(login("agent1").get(path).status()).isEqualTo(403);
    }

    @Test
    @DisplayName("COM-3: an annotated e-commerce order earns for the annotation only when the customer has no owner; without an annotation no one earns")
    void COM3_annotatedEcommerceOrders() {
        Api finance = login("finance");
        long pooled = fx.customer(null, null, true);
        long ownerOrder = sales1;
        fx.order(pooled, ownerOrder).ecommerce(sales2).dueOn(TODAY).lines(Line.of("1000.00")).insert();
        long annotated = record(finance, pooled, "1000.00", TODAY);
        assertThat(commission(annotated, sales2)).isEqualByComparingTo("30.00");
        assertThat(commission(annotated, null)).isEqualByComparingTo("30.00");

        long pooled2 = fx.customer(null, null, true);
        fx.order(pooled2, sales1).ecommerce(null).dueOn(TODAY).lines(Line.of("1000.00")).insert();
        long none = record(finance, pooled2, "1000.00", TODAY);
        assertThat(fx.count("SELECT count(*) FROM commission_accrual WHERE receipt_id = ?", none)).isZero();
        JsonNode why = finance.get("/api/receipts/" + none).json();
        assertThat(why.path("matches").get(0).path("creditedTo").isNull()).isTrue();

        long owned = fx.customer(sales1, Instant.now().minus(10, ChronoUnit.DAYS), true);
        fx.order(owned, sales1).ecommerce(sales2).dueOn(TODAY).lines(Line.of("1000.00")).insert();
        long ownerWins = record(finance, owned, "1000.00", TODAY);
        assertThat(commission(ownerWins, sales1)).isEqualByComparingTo("30.00");
        assertThat(commission(ownerWins, sales2)).isEqualByComparingTo("0");
    }

    @Test
    @DisplayName("ORD-8: finance lists the refunds due and records the payment; the refunded order's commission is taken back")
    void ORD8_refunds() {
        Api finance = login("finance");
        long customer = fx.customer(sales1, Instant.now().minus(100, ChronoUnit.DAYS), true);
        long order = fx.order(customer, sales1).state("AWAITING_PAYMENT").mode("PAY_BEFORE_SHIPMENT").lines(Line.of("2000.00")).insert();
        long receipt = record(finance, customer, "2000.00", TODAY);
        assertThat(commission(receipt, sales1)).isEqualByComparingTo("60.00");
        // the order lifecycle cancels the order and creates the refund (fixture: as it would)
        long refund = fx.sys(() -> {
            jdbc.sql("UPDATE sales_order SET state = 'CANCELLED', cancelled_at = now() WHERE id = :o").param("o", order).update();
            return jdbc.sql("INSERT INTO sales_order_refund (company_id, order_id, amount) VALUES (:c, :o, 2000.00) RETURNING id")
                    .param("c", fx.companyId).param("o", order).query(Long.class).single();
        });
        JsonNode due = finance.get("/api/refunds?size=200").json();
        assertThat(due.path("items").findValuesAsString("id")).contains(String.valueOf(refund));

        Map<String, Object> pay = Map.of("method", "BANK", "reference", "退款流水 001", "paidOn", TODAY.toString(), "version", 0);
        assertThat(finance.post("/api/refunds/" + refund + "/pay", Map.of("method", "CHEQUE", "paidOn", TODAY.toString(), "version", 0))
                .status()).isEqualTo(422);
        assertThat(finance.post("/api/refunds/" + refund + "/pay", Map.of("method", "BANK", "paidOn", TODAY.plusDays(1).toString(), "version", 0))
                .status()).isEqualTo(422);
        assertThat(login("sales1").post("/api/refunds/" + refund + "/pay", pay).status()).isEqualTo(403);
        Api.Response paid = login("cashier").post("/api/refunds/" + refund + "/pay", pay);
        assertThat(paid.status()).as(paid.body()).isEqualTo(200);
        assertThat(paid.json().path("status").asString()).isEqualTo("PAID");
        assertThat(paid.json().path("reference").asString()).isEqualTo("退款流水 001");
        assertThat(paid.json().path("paidOn").asString()).isEqualTo(TODAY.toString());
        assertThat(finance.post("/api/refunds/" + refund + "/pay", Map.of("method", "BANK", "paidOn", TODAY.toString(), "version", 1))
                .status()).isEqualTo(409);
        assertThat(finance.get("/api/refunds?status=PAID&size=200").json().path("items").findValuesAsString("id"))
                .contains(String.valueOf(refund));
        // the commission the receipt earned is taken back
        assertThat(fx.sys(() -> jdbc.sql("SELECT sum(commission) FROM commission_accrual WHERE order_id = :o").param("o", order)
                .query(BigDecimal.class).single())).isEqualByComparingTo("0");
        assertThat(finance.get("/api/refunds/987654321").status()).isEqualTo(404);
        // the list exports with its status filter, in words
        java.util.List<java.util.List<String>> sheet = io.yewu.support.Xlsx.download(port, finance, "/api/refunds/export?status=PAID");
        assertThat(sheet.get(0)).containsExactly("订单号", "客户", "退款金额", "状态", "退款日期", "退款方式", "凭证号", "产生时间");
        java.util.List<String> row = sheet.stream().filter(r -> r.contains("退款流水 001")).findFirst().orElseThrow();
        assertThat(row.get(3)).isEqualTo("已退款");
        assertThat(row.get(5)).isEqualTo("银行");
        assertThat(new BigDecimal(row.get(2))).isEqualByComparingTo("2000.00");
        assertThat(io.yewu.support.Xlsx.download(port, finance, "/api/refunds/export?status=DUE").stream()
                .noneMatch(r -> r.contains("退款流水 001"))).isTrue();
        assertThat(io.yewu.support.Xlsx.download(port, finance, "/api/refunds/export?status=PAID", "en").get(0).get(3)).isEqualTo("Status");
    }
}
