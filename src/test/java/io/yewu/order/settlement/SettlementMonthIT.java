package io.yewu.order.settlement;

import io.yewu.order.OrderFixture;
import io.yewu.order.OrderFixture.Line;
import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static io.yewu.order.settlement.InvoicesIT.invoice;
import static io.yewu.order.settlement.SettlementTest.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLT-8 over a generated month of business (RCV-1, INV-1, INV-2, COM-1, RCV-3): receipts, invoices, tax, commission
 * and aging reconcile to the fen.
 */
class SettlementMonthIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static BigDecimal money(Random random, int maxYuan) {
        return BigDecimal.valueOf(1 + random.nextInt(maxYuan * 100)).movePointLeft(2);
    }

    private BigDecimal sum(String sql, long owner) {
        return OrderFixture.sys(() -> jdbc.sql(sql).param("u", owner).query(BigDecimal.class).single());
    }

    @Test
    @DisplayName("PLT-8 / RCV-1 / INV-2 / COM-1 / RCV-3: a generated month reconciles to the fen")
    void aGeneratedMonthReconcilesToTheFen() {
        OrderFixture fx = new OrderFixture(jdbc);
        Random random = new Random(20261129);
        long dept = OrderFixture.sys(() -> jdbc.sql("SELECT department_id FROM app_user WHERE username = 'sales1'").query(Long.class).single());
        String username = "month" + System.nanoTime() % 10_000_000;
        long owner = addUser(fx.companyId, username, RoleCode.SALESPERSON, "孙月结", dept);
        YearMonth month = YearMonth.from(TODAY).minusMonths(2);
        String[] reductions = {"0", "0", "0.0025", "0.005", "0.012345", "0.04"};
        List<Long> customers = new ArrayList<>();
        List<List<Long>> ordersOf = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            long customer = fx.customer(owner, Instant.now().minus(400, ChronoUnit.DAYS), c % 2 == 0);
            customers.add(customer);
            List<Long> orders = new ArrayList<>();
            for (int o = 0; o < 6; o++) {
                Line[] lines = new Line[1 + random.nextInt(4)];
                for (int l = 0; l < lines.length; l++) {
                    lines[l] = Line.reduced(money(random, 3000).toPlainString(), reductions[random.nextInt(reductions.length)]);
                }
                orders.add(fx.order(customer, owner).dueOn(month.atDay(1 + random.nextInt(28)))
                        .createdAt(month.atDay(1).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant().minus(o, ChronoUnit.DAYS))
                        .lines(lines).insert());
            }
            ordersOf.add(orders);
        }
        Api finance = login("finance");
        for (int i = 0; i < 40; i++) {
            int c = random.nextInt(customers.size());
            LocalDate on = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
            Map<String, Object> body = i % 5 == 0
                    ? receipt(customers.get(c), money(random, 9000).toPlainString(), on, "leaveOnAccount", true)
                    : receipt(customers.get(c), money(random, 2000).toPlainString(), on, "leaveOnAccount", true, "method", "CASH");
            Api.Response r = finance.post("/api/receipts", body);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
        }
        for (int c = 0; c < customers.size(); c++) {
            for (long order : ordersOf.get(c)) {
                BigDecimal total = OrderFixture.sys(() -> jdbc.sql("SELECT total FROM sales_order WHERE id = :o").param("o", order)
                        .query(BigDecimal.class).single());
                BigDecimal part = total.multiply(BigDecimal.valueOf(random.nextInt(101))).divide(BigDecimal.valueOf(100), 2, RoundingMode.DOWN);
                if (part.signum() == 0) continue;
                Api.Response r = finance.post("/api/invoices", invoice(customers.get(c), order, part.toPlainString()));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
            }
        }

        String mine = "SELECT coalesce(sum(%s), 0) FROM %s WHERE %s";
        String ofOrders = "order_id IN (SELECT id FROM sales_order WHERE owner_id = :u)";
        BigDecimal received = sum(mine.formatted("amount", "receipt", "credited_to = :u"), owner);
        BigDecimal matched = sum(mine.formatted("matched_amount", "receipt", "credited_to = :u"), owner);
        BigDecimal onAccount = sum(mine.formatted("amount - matched_amount", "receipt", "credited_to = :u"), owner);
        BigDecimal matches = sum(mine.formatted("amount", "receipt_match", ofOrders), owner);
        BigDecimal paid = sum(mine.formatted("paid_amount", "sales_order", "owner_id = :u"), owner);
        BigDecimal totals = sum(mine.formatted("total", "sales_order", "owner_id = :u"), owner);
        assertThat(received).isEqualByComparingTo(matched.add(onAccount));
        assertThat(matches).isEqualByComparingTo(matched).isEqualByComparingTo(paid);
        assertThat(paid.signum()).isPositive();
        // COM-1: every match's line shares add up to it; each line's commission is fen(cumulative share × rate)
        assertThat(sum(mine.formatted("share", "commission_accrual", ofOrders), owner)).isEqualByComparingTo(paid);
        long mismatched = fx.count("""
                SELECT count(*) FROM (SELECT order_id, line_no, sum(share) AS share, sum(commission) AS commission, min(rate) AS rate
                  FROM commission_accrual WHERE salesperson_id = ? GROUP BY order_id, line_no) x
                WHERE x.commission <> round(x.share * x.rate, 2)""", owner);
        assertThat(mismatched).isZero();
        long fullyPaidWrong = fx.count("""
                SELECT count(*) FROM sales_order_line l JOIN sales_order o ON o.id = l.order_id
                LEFT JOIN (SELECT order_id, line_no, sum(share) AS share, sum(commission) AS commission FROM commission_accrual
                  GROUP BY order_id, line_no) a ON a.order_id = l.order_id AND a.line_no = l.line_no
                WHERE o.owner_id = ? AND o.paid_amount = o.total
                  AND (a.share <> l.amount OR a.commission <> round(l.amount * greatest(0.03 - l.commission_reduction, 0), 2))""", owner);
        assertThat(fullyPaidWrong).isZero();
        BigDecimal commission = sum(mine.formatted("commission", "commission_accrual", "salesperson_id = :u AND month = '" + month.atDay(1) + "'"), owner);
        JsonNode statement = login(username).get("/api/commission/statement?month=" + month).json();
        assertThat(statement.path("total").decimalValue()).isEqualByComparingTo(commission);
        assertThat(commission.signum()).isPositive();

        // INV-2 / PLT-8: amount = net + tax per invoice; invoice lines add up to the orders' invoiced amounts
        String ofInvoices = "invoice_id IN (SELECT id FROM invoice WHERE customer_id IN (SELECT id FROM customer WHERE owner_id = :u))";
        String invoicesOf = "customer_id IN (SELECT id FROM customer WHERE owner_id = :u)";
        BigDecimal invoiced = sum(mine.formatted("amount", "invoice", invoicesOf), owner);
        BigDecimal accumulating = sum(mine.formatted("amount", "invoice_accumulation", "invoice_id IS NULL AND " + invoicesOf), owner);
        assertThat(invoiced).isEqualByComparingTo(sum(mine.formatted("net + tax", "invoice", invoicesOf), owner));
        assertThat(invoiced).isEqualByComparingTo(sum(mine.formatted("amount", "invoice_order", ofInvoices), owner));
        assertThat(invoiced).isEqualByComparingTo(sum(mine.formatted("invoiced_amount", "sales_order", "owner_id = :u"), owner));
        assertThat(sum(mine.formatted("tax", "invoice", invoicesOf), owner)).isEqualByComparingTo(sum(mine.formatted("tax", "invoice_order", ofInvoices), owner));
        assertThat(fx.count("SELECT count(*) FROM invoice_order x JOIN invoice i ON i.id = x.invoice_id JOIN customer c ON c.id = i.customer_id"
                + " WHERE c.owner_id = ? AND x.tax <> round(x.amount * 0.13 / 1.13, 2)", owner)).isZero();
        assertThat(invoiced.add(accumulating)).isLessThanOrEqualTo(totals);

        // RCV-3: the aging buckets add up to what is still open
        JsonNode aging = login(username).get("/api/receivables/aging").json();
        BigDecimal buckets = BigDecimal.ZERO;
        for (JsonNode v : aging.path("total").path("buckets")) buckets = buckets.add(v.decimalValue());
        assertThat(buckets).isEqualByComparingTo(totals.subtract(paid));
        assertThat(aging.path("total").path("total").decimalValue()).isEqualByComparingTo(totals.subtract(paid));
    }
}
