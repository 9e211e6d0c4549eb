package io.yewu.order.settlement;

import io.yewu.order.OrderFixture;
import io.yewu.order.OrderFixture.Line;
import io.yewu.platform.internal.scheduling.CompanyJobs;
import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.yewu.order.settlement.SettlementTest.receipt;
import static org.assertj.core.api.Assertions.assertThat;

/** RCV-3 receivables aging per salesperson and customer, and the reminders at the due date and weekly while overdue. */
class ReceivablesIT extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalDate TODAY = LocalDate.now(SHANGHAI);

    @Autowired
    CompanyJobs jobs;

    private OrderFixture fx;

    @BeforeEach
    void fixture() {
        fx = new OrderFixture(jdbc);
    }

    private long salesperson(String name) {
        long dept = fx.sys(() -> jdbc.sql("SELECT department_id FROM app_user WHERE username = 'sales1'").query(Long.class).single());
        return addUser(fx.companyId, "aging" + System.nanoTime() % 10_000_000, RoleCode.SALESPERSON, name, dept);
    }

    private String username(long userId) {
        return fx.sys(() -> jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class).single());
    }

    @Test
    @DisplayName("RCV-3: aging buckets at their boundaries (0 not due; 1 and 30; 31 and 60; 61 and 90; 91), per salesperson (own scope) and customer")
    void RCV3_agingBuckets() {
        long mine = salesperson("赵帐龄");
        long customer = fx.customer(mine, Instant.now().minus(400, ChronoUnit.DAYS), true);
        int[] overdue = {0, 1, 30, 31, 60, 61, 90, 91};
        for (int d : overdue) fx.order(customer, mine).dueOn(TODAY.minusDays(d)).lines(Line.of("100.00")).insert();
        fx.order(customer, mine).state("AWAITING_PAYMENT").mode("PAY_BEFORE_SHIPMENT").lines(Line.of("0.50")).insert();
        fx.order(customer, mine).state("CANCELLED").dueOn(TODAY.minusDays(200)).lines(Line.of("999.00")).insert();
        fx.order(customer, mine).state("DRAFT").dueOn(TODAY.minusDays(200)).lines(Line.of("999.00")).insert();
        // a receipt pays part of the oldest (91 days): 40.00 of 100.00 stays open
        login("finance").post("/api/receipts", receipt(customer, "60.00", TODAY));
        // someone else's receivable the salesperson must not see
        long other = fx.customer(fx.userId("sales2"), Instant.now().minus(400, ChronoUnit.DAYS), true);
        fx.order(other, fx.userId("sales2")).dueOn(TODAY.minusDays(100)).lines(Line.of("5000.00")).insert();

        Api me = login(username(mine));
        JsonNode aging = me.get("/api/receivables/aging").json();
        JsonNode b = aging.path("total").path("buckets");
        assertThat(b.path("NOT_DUE").decimalValue()).isEqualByComparingTo("100.50");
        assertThat(b.path("DAYS_1_30").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(b.path("DAYS_31_60").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(b.path("DAYS_61_90").decimalValue()).isEqualByComparingTo("200.00");
        assertThat(b.path("OVER_90").decimalValue()).isEqualByComparingTo("40.00");
        assertThat(aging.path("total").path("total").decimalValue()).isEqualByComparingTo("740.50");
        assertThat(aging.path("salespeople")).hasSize(1);
        assertThat(aging.path("salespeople").get(0).path("salespersonName").asString()).isEqualTo("赵帐龄");
        assertThat(aging.path("decision").path("hits").get(0).path("ruleId").asString()).isEqualTo("RCV-3");

        JsonNode customers = me.get("/api/receivables/customers").json();
        assertThat(customers.path("items")).hasSize(1);
        assertThat(customers.path("items").get(0).path("total").decimalValue()).isEqualByComparingTo("740.50");
        JsonNode orders = me.get("/api/receivables/orders?customerId=" + customer).json();
        assertThat(orders.path("items")).hasSize(9);
        assertThat(orders.path("items").get(0).path("bucket").asString()).isEqualTo("OVER_90");
        assertThat(orders.path("items").get(0).path("open").decimalValue()).isEqualByComparingTo("40.00");
        // finance sees the whole company, the other salesperson's too
        JsonNode company = login("finance").get("/api/receivables/customers?ownerId=" + fx.userId("sales2") + "&size=200").json();
        assertThat(company.path("items").findValuesAsString("customerId")).contains(String.valueOf(other));
        assertThat(login("sales2").get("/api/receivables/orders?customerId=" + customer).json().path("items")).isEmpty();
        assertThat(login("agent1").get("/api/receivables/aging").status()).isEqualTo(403);
    }

    /** Two fresh salespeople, each with a customer and what it owes. */
    private record Book(long mine, long theirs, long customer) {}

    /**
     * Mine's customer owes 100.00 (45 days overdue), 250.51 (due in 5 days) and 0.50 (no due date yet); theirs's
     * customer owes 777.77 (10 days overdue).
     */
    private Book book(String myName, String theirName) {
        long mine = salesperson(myName);
        long theirs = salesperson(theirName);
        long customer = fx.customer(mine, Instant.now().minus(400, ChronoUnit.DAYS), true);
        long other = fx.customer(theirs, Instant.now().minus(400, ChronoUnit.DAYS), true);
        fx.order(customer, mine).dueOn(TODAY.minusDays(45)).lines(Line.of("100.00")).insert();
        fx.order(customer, mine).dueOn(TODAY.plusDays(5)).lines(Line.of("250.51")).insert();
        fx.order(customer, mine).state("AWAITING_PAYMENT").mode("PAY_BEFORE_SHIPMENT").lines(Line.of("0.50")).insert();
        fx.order(other, theirs).dueOn(TODAY.minusDays(10)).lines(Line.of("777.77")).insert();
        return new Book(mine, theirs, customer);
    }

    /** The cells of an export's data rows in one column (header row left out). */
    private static List<String> column(List<List<String>> sheet, int c) {
        return sheet.stream().skip(1).map(r -> r.get(c)).toList();
    }

    private static final List<String> BUCKETS_ZH = List.of("未到期", "逾期1–30天", "逾期31–60天", "逾期61–90天", "逾期90天以上");
    private static final List<String> BUCKET_KEYS = List.of("NOT_DUE", "DAYS_1_30", "DAYS_31_60", "DAYS_61_90", "OVER_90");

    /** Each data row's bucket and total cells (from column {@code first}) equal, to the fen, those of the list's items. */
    private static void sameBuckets(List<List<String>> sheet, int first, List<JsonNode> items) {
        assertThat(sheet).hasSize(items.size() + 1);
        for (int i = 0; i < items.size(); i++) {
            for (int b = 0; b < BUCKET_KEYS.size(); b++) {
                assertThat(new BigDecimal(sheet.get(i + 1).get(first + b))).as("row %d %s", i, BUCKET_KEYS.get(b))
                        .isEqualByComparingTo(items.get(i).path("buckets").path(BUCKET_KEYS.get(b)).decimalValue());
            }
            assertThat(new BigDecimal(sheet.get(i + 1).get(first + 5))).isEqualByComparingTo(items.get(i).path("total").decimalValue());
        }
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    @Test
    @DisplayName("RCV-3: the customers' aging exports like its list: headers zh/en, same rows and amounts to the fen, own scope, owner and today filters")
    void RCV3_customersExport() {
        Book book = book("孙导出", "周别人");
        long mine = book.mine();
        long theirs = book.theirs();
        long big = fx.customer(mine, Instant.now().minus(400, ChronoUnit.DAYS), true);
        fx.order(big, mine).dueOn(TODAY.minusDays(95)).lines(Line.of("1000.00")).insert();
        Api me = login(username(mine));

        List<List<String>> zh = Xlsx.download(port, me, "/api/receivables/customers/export");
        List<String> header = new ArrayList<>(List.of("客户", "业务员"));
        header.addAll(BUCKETS_ZH);
        header.add("合计");
        assertThat(zh.get(0)).containsExactlyElementsOf(header);
        List<JsonNode> list = items(me.get("/api/receivables/customers?size=200").json());
        assertThat(column(zh, 0)).containsExactlyElementsOf(list.stream().map(i -> i.path("customerName").asString()).toList());
        sameBuckets(zh, 2, list);
        assertThat(column(zh, 1)).containsOnly("孙导出");
        assertThat(new BigDecimal(zh.get(2).get(2))).isEqualByComparingTo("251.01"); // not due: 250.51 and the undated 0.50
        String otherName = login("finance").get("/api/receivables/customers?ownerId=" + theirs).json().path("items").get(0)
                .path("customerName").asString();
        assertThat(zh.toString()).doesNotContain(otherName, "周别人");

        List<List<String>> en = Xlsx.download(port, me, "/api/receivables/customers/export", "en");
        assertThat(en.get(0)).containsExactly("Customer", "Salesperson", "Not due", "1–30 days", "31–60 days", "61–90 days",
                "Over 90 days", "Total");
        sameBuckets(en, 2, list);

        // as of ten days on, the order due in five days is overdue 1–30: the export ages as the list does
        String later = "?today=" + TODAY.plusDays(10);
        List<List<String>> aged = Xlsx.download(port, me, "/api/receivables/customers/export" + later);
        sameBuckets(aged, 2, items(me.get("/api/receivables/customers" + later).json()));
        assertThat(new BigDecimal(aged.get(2).get(3))).isEqualByComparingTo("250.51");
        // finance filters by salesperson: only that one's customers, as on the page
        Api finance = login("finance");
        List<List<String>> filtered = Xlsx.download(port, finance, "/api/receivables/customers/export?ownerId=" + theirs);
        assertThat(column(filtered, 0)).containsExactly(otherName);
        sameBuckets(filtered, 2, items(finance.get("/api/receivables/customers?ownerId=" + theirs).json()));
        assertThat(login("agent1").get("/api/receivables/customers/export").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("RCV-3: the open receivables export like their list: headers zh/en, same orders, amounts, due dates and buckets in words, own scope, customer filter")
    void RCV3_ordersExport() {
        Book book = book("吴应收", "郑他人");
        long mine = book.mine();
        long customer = book.customer();
        long second = fx.customer(mine, Instant.now().minus(400, ChronoUnit.DAYS), true);
        fx.order(second, mine).dueOn(TODAY.minusDays(3)).lines(Line.of("30.00")).insert();
        login("finance").post("/api/receipts", receipt(customer, "40.25", TODAY));
        Api me = login(username(mine));

        String filter = "?customerId=" + customer;
        List<List<String>> zh = Xlsx.download(port, me, "/api/receivables/orders/export" + filter);
        assertThat(zh.get(0)).containsExactly("订单号", "客户", "业务员", "到期日", "订单金额", "已收", "未收", "逾期天数", "帐龄");
        List<JsonNode> list = items(me.get("/api/receivables/orders" + filter).json());
        assertThat(zh).hasSize(list.size() + 1).hasSize(4);
        for (int i = 0; i < list.size(); i++) {
            List<String> row = zh.get(i + 1);
            JsonNode item = list.get(i);
            assertThat(row.get(0)).isEqualTo(item.path("orderNumber").asString());
            assertThat(row.get(2)).isEqualTo("吴应收");
            assertThat(row.get(3)).isEqualTo(item.path("dueOn").isNull() ? "" : item.path("dueOn").asString());
            assertThat(new BigDecimal(row.get(4))).isEqualByComparingTo(item.path("total").decimalValue());
            assertThat(new BigDecimal(row.get(5))).isEqualByComparingTo(item.path("paidAmount").decimalValue());
            assertThat(new BigDecimal(row.get(6))).isEqualByComparingTo(item.path("open").decimalValue());
            assertThat(Long.parseLong(row.get(7))).isEqualTo(item.path("daysOverdue").asLong());
            assertThat(row.get(8)).isEqualTo(BUCKETS_ZH.get(BUCKET_KEYS.indexOf(item.path("bucket").asString())));
        }
        // oldest due first: 45 days overdue, 40.25 of 100.00 paid
        assertThat(zh.get(1)).containsSequence(TODAY.minusDays(45).toString(), "100.00", "40.25", "59.75", "45", "逾期31–60天");
        assertThat(zh.get(3).get(3)).isEmpty(); // no due date yet
        assertThat(zh.get(3).get(8)).isEqualTo("未到期");

        List<List<String>> en = Xlsx.download(port, me, "/api/receivables/orders/export" + filter, "en");
        assertThat(en.get(0)).containsExactly("Order", "Customer", "Salesperson", "Due on", "Order total", "Paid", "Open",
                "Days overdue", "Aging");
        assertThat(en.get(1).get(8)).isEqualTo("31–60 days");
        // without the filter: the salesperson's own orders of both customers, never the other salesperson's
        List<List<String>> all = Xlsx.download(port, me, "/api/receivables/orders/export");
        assertThat(all).hasSize(items(me.get("/api/receivables/orders?size=200").json()).size() + 1).hasSize(5);
        assertThat(column(all, 2)).containsOnly("吴应收");
        assertThat(all.toString()).doesNotContain("777.77", "郑他人");
        assertThat(Xlsx.download(port, login(username(book.theirs())), "/api/receivables/orders/export" + filter)).hasSize(1);
        assertThat(login("agent1").get("/api/receivables/orders/export").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("RCV-3: the aging table exports as on the screen: a line per salesperson then the total, in zh/en, own scope")
    void RCV3_agingExport() {
        Api me = login(username(book("冯表格", "陈不见").mine()));

        List<List<String>> zh = Xlsx.download(port, me, "/api/receivables/aging/export");
        List<String> header = new ArrayList<>(List.of("业务员"));
        header.addAll(BUCKETS_ZH);
        header.add("合计");
        assertThat(zh.get(0)).containsExactlyElementsOf(header);
        JsonNode aging = me.get("/api/receivables/aging").json();
        List<JsonNode> lines = new ArrayList<>();
        aging.path("salespeople").forEach(lines::add);
        lines.add(aging.path("total"));
        sameBuckets(zh, 1, lines);
        assertThat(column(zh, 0)).containsExactly("冯表格", "合计");
        assertThat(zh.get(1)).containsExactly("冯表格", "251.01", "0.00", "100.00", "0.00", "0.00", "351.01");
        assertThat(zh.toString()).doesNotContain("陈不见", "777.77");
        List<List<String>> en = Xlsx.download(port, me, "/api/receivables/aging/export?today=" + TODAY.plusDays(30), "en");
        assertThat(en.get(0)).containsExactly("Salesperson", "Not due", "1–30 days", "31–60 days", "61–90 days", "Over 90 days", "Total");
        // thirty days on: 75 days overdue, 25 days overdue, and the order without a due date still not due
        assertThat(en.get(2)).containsExactly("Total", "0.50", "250.51", "0.00", "100.00", "0.00", "351.01");
        // finance: every salesperson, the other one's line too
        assertThat(column(Xlsx.download(port, login("finance"), "/api/receivables/aging/export"), 0)).contains("冯表格", "陈不见", "合计");
        assertThat(login("agent1").get("/api/receivables/aging/export").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("RCV-3: the owner is reminded on the due date and every 7 days while overdue, once per period even when the job runs again")
    void RCV3_remindersOncePerPeriod() {
        long mine = salesperson("钱提醒");
        long customer = fx.customer(mine, Instant.now().minus(400, ChronoUnit.DAYS), true);
        long dueToday = fx.order(customer, mine).dueOn(TODAY).lines(Line.of("100.00")).insert();
        long week = fx.order(customer, mine).dueOn(TODAY.minusDays(7)).lines(Line.of("100.00")).insert();
        long between = fx.order(customer, mine).dueOn(TODAY.minusDays(9)).lines(Line.of("100.00")).insert();
        fx.order(customer, mine).dueOn(TODAY.plusDays(1)).lines(Line.of("100.00")).insert();
        Instant now = Instant.now();
        jobs.run(new CompanyJobs.Run("settlement.receivable-reminders", fx.companyId, now));
        jobs.run(new CompanyJobs.Run("settlement.receivable-reminders", fx.companyId, now.plusSeconds(60)));
        long notices = fx.count("SELECT count(*) FROM notification WHERE user_id = ? AND kind = 'receivable.reminder'", mine);
        // the one 9 days overdue was reminded for its period starting 2 days ago (catch-up), once
        assertThat(notices).isEqualTo(3);
        assertThat(fx.count("SELECT count(*) FROM receivable_reminder WHERE order_id = ? AND period_start = ?", dueToday, TODAY)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM receivable_reminder WHERE order_id = ? AND period_start = ?", week, TODAY)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM receivable_reminder WHERE order_id = ? AND period_start = ?", between,
                TODAY.minusDays(2))).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM decision_record WHERE subject_type = 'sales-order' AND kind = 'receivable-reminder'"
                + " AND subject_id = ?", String.valueOf(week))).isEqualTo(1);
        // a week later it is reminded again
        jobs.run(new CompanyJobs.Run("settlement.receivable-reminders", fx.companyId, now.plus(7, ChronoUnit.DAYS)));
        assertThat(fx.count("SELECT count(*) FROM notification WHERE user_id = ? AND kind = 'receivable.reminder'", mine)).isEqualTo(7);
    }
}
