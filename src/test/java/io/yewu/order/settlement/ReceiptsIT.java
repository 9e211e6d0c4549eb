package io.yewu.order.settlement;

import io.yewu.order.OrderFixture;
import io.yewu.order.OrderFixture.Line;
import io.yewu.support.Api;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** RCV-1 receipts and matching, RCV-2 credit at the receipt date, over real HTTP; orders come from {@link OrderFixture}. */
class ReceiptsIT extends SettlementTest {


    private long customer() {
        return fx.customer(sales1, Instant.now().minus(400, ChronoUnit.DAYS), true);
    }

    @Test
    @DisplayName("RCV-1: the receipts list exports to xlsx with its filters, in words")
    void RCV1_receiptsExportWithTheListsFilters() {
        long customer = customer();
        long other = customer();
        fx.order(customer, sales1).dueOn(TODAY.minusDays(5)).lines(Line.of("700.00")).insert();
        Api finance = login("finance");
        assertThat(finance.post("/api/receipts", receipt(customer, "50.00", TODAY.minusDays(30))).status()).isEqualTo(201);
        assertThat(finance.post("/api/receipts", receipt(customer, "1000.00", TODAY.minusDays(2), "leaveOnAccount", true)).status()).isEqualTo(201);
        assertThat(finance.post("/api/receipts", receipt(other, "80.00", TODAY.minusDays(2), "leaveOnAccount", true)).status()).isEqualTo(201);

        String filters = "?customerId=" + customer + "&from=" + TODAY.minusDays(7) + "&to=" + TODAY;
        List<List<String>> zh = io.yewu.support.Xlsx.download(port, finance, "/api/receipts/export" + filters);
        assertThat(zh.get(0)).containsExactly("收款日期", "客户", "收款方式", "金额", "已核销", "预收款", "业绩归属", "凭证号", "登记时间");
        assertThat(zh).hasSize(2); // the 30-day-old receipt and the other customer's are filtered out, as on the page
        assertThat(zh.get(1).get(2)).isEqualTo("银行");
        assertThat(new BigDecimal(zh.get(1).get(3))).isEqualByComparingTo("1000.00");
        assertThat(new BigDecimal(zh.get(1).get(4))).isEqualByComparingTo("650.00");
        assertThat(new BigDecimal(zh.get(1).get(5))).isEqualByComparingTo("350.00");
        JsonNode page = finance.get("/api/receipts" + filters).json();
        assertThat(page.path("total").asLong()).isEqualTo(1);

        List<List<String>> en = io.yewu.support.Xlsx.download(port, finance, "/api/receipts/export?customerId=" + customer + "&onAccount=false", "en");
        assertThat(en.get(0).get(2)).isEqualTo("Method");
        assertThat(en).hasSize(2);
        assertThat(en.get(1).get(2)).isEqualTo("Bank");
        assertThat(new BigDecimal(en.get(1).get(3))).isEqualByComparingTo("50.00");
        // a salesperson is not let in (finance department only)
        assertThat(login("sales1").get("/api/receipts/export").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("RCV-1: a receipt is matched oldest first (due date, then order date), chosen orders when given")
    void RCV1_oldestFirstOrChosen() {
        long customer = customer();
        long later = fx.order(customer, sales1).dueOn(TODAY.minusDays(5)).lines(Line.of("700.00")).insert();
        long oldest = fx.order(customer, sales1).dueOn(TODAY.minusDays(40)).lines(Line.of("500.00")).insert();
        long undated = fx.order(customer, sales1).state("AWAITING_PAYMENT").mode("PAY_BEFORE_SHIPMENT").lines(Line.of("300.00")).insert();
        Api finance = login("finance");

        Api.Response r = finance.post("/api/receipts", receipt(customer, "800.00", TODAY));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        assertThat(fx.paid(oldest)).isEqualByComparingTo("500.00");
        assertThat(fx.paid(later)).isEqualByComparingTo("300.00");
        assertThat(fx.paid(undated)).isEqualByComparingTo("0");
        JsonNode body = r.json();
        assertThat(body.path("receipt").path("onAccount").decimalValue()).isEqualByComparingTo("0");
        assertThat(body.path("matches")).hasSize(2);
        assertThat(body.path("matches").get(0).path("orderId").asLong()).isEqualTo(oldest);
        assertThat(body.path("receipt").path("creditedTo").asLong()).isEqualTo(sales1);
        List<String> kinds = new ArrayList<>();
        body.path("decisions").forEach(d -> kinds.add(d.path("kind").asString()));
        assertThat(kinds).contains("matching", "credit");

        // the cashier records one matched to the order finance chose
        Api.Response chosen = login("cashier").post("/api/receipts", receipt(customer, "300.00", TODAY, "orderIds", List.of(undated)));
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(201);
        assertThat(fx.paid(undated)).isEqualByComparingTo("300.00");
        assertThat(fx.paid(later)).isEqualByComparingTo("300.00");

        JsonNode open = finance.get("/api/receipts/open-orders?customerId=" + customer).json();
        assertThat(open).hasSize(1);
        assertThat(open.get(0).path("open").decimalValue()).isEqualByComparingTo("400.00");
    }

    @Test
    @DisplayName("RCV-1: more than the open amount without 'leave on account' is 422 and stores nothing; with it the rest stays on account and is matched later")
    void RCV1_overOpenAndOnAccount() {
        long customer = customer();
        long order = fx.order(customer, sales1).dueOn(TODAY).lines(Line.of("1000.00")).insert();
        Api finance = login("finance");
        long receipts = fx.count("SELECT count(*) FROM receipt");

        Api.Response over = finance.language("en").post("/api/receipts", receipt(customer, "1500.00", TODAY));
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().path("errors").get(0).path("field").asString()).isEqualTo("amount");
        assertThat(over.json().path("errors").get(0).path("code").asString()).isEqualTo("receipt-over-open");
        assertThat(over.body()).contains("1000.00").contains("500.00");
        Api.Response zh = login("finance").language("zh").post("/api/receipts", receipt(customer, "1500.00", TODAY));
        assertThat(zh.body()).contains("挂帐");
        assertThat(fx.count("SELECT count(*) FROM receipt")).isEqualTo(receipts);
        assertThat(fx.paid(order)).isEqualByComparingTo("0");

        Api.Response kept = finance.post("/api/receipts", receipt(customer, "1500.00", TODAY, "leaveOnAccount", true));
        assertThat(kept.status()).as(kept.body()).isEqualTo(201);
        long id = kept.json().path("receipt").path("id").asLong();
        assertThat(kept.json().path("receipt").path("onAccount").decimalValue()).isEqualByComparingTo("500.00");
        assertThat(fx.paid(order)).isEqualByComparingTo("1000.00");

        // nothing open: the balance cannot be matched yet
        assertThat(finance.post("/api/receipts/" + id + "/match", Map.of()).status()).isEqualTo(409);
        long next = fx.order(customer, sales1).dueOn(TODAY.plusDays(30)).lines(Line.of("200.00")).insert();
        Api.Response matched = finance.post("/api/receipts/" + id + "/match", Map.of("orderIds", List.of(next)));
        assertThat(matched.status()).as(matched.body()).isEqualTo(200);
        assertThat(matched.json().path("receipt").path("onAccount").decimalValue()).isEqualByComparingTo("300.00");
        assertThat(fx.paid(next)).isEqualByComparingTo("200.00");
        Api.Response listed = finance.get("/api/receipts?onAccount=true&customerId=" + customer);
        assertThat(listed.json().path("items")).as(listed.body()).hasSize(1);
    }

    @Test
    @DisplayName("RCV-1: bad input is a 422 with its field and stores nothing; a salesperson cannot record receipts")
    void RCV1_badInput() {
        long customer = customer();
        fx.order(customer, sales1).dueOn(TODAY).insert();
        Api finance = login("finance");
        long receipts = fx.count("SELECT count(*) FROM receipt");
        Map<String, Map<String, Object>> bad = Map.of(
                "amount", receipt(customer, "-5.00", TODAY),
                "receivedOn", receipt(customer, "5.00", TODAY.plusDays(1)),
                "method", receipt(customer, "5.00", TODAY, "method", "CHEQUE"),
                "customerId", receipt(987654321L, "5.00", TODAY),
                "orderIds[0]", receipt(customer, "5.00", TODAY, "orderIds", List.of(987654321L)));
        bad.forEach((field, body) -> {
            Api.Response r = finance.post("/api/receipts", body);
            assertThat(r.status()).as(field + r.body()).isEqualTo(422);
            assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo(field);
        });
        Api.Response decimals = finance.post("/api/receipts", receipt(customer, "5.001", TODAY));
        assertThat(decimals.status()).isEqualTo(422);
        assertThat(finance.post("/api/receipts", Map.of()).status()).isEqualTo(422);
        assertThat(login("sales1").post("/api/receipts", receipt(customer, "5.00", TODAY)).status()).isEqualTo(403);
        assertThat(finance.get("/api/receipts/987654321").status()).isEqualTo(404);
        assertThat(fx.count("SELECT count(*) FROM receipt")).isEqualTo(receipts);
    }

    @Test
    @DisplayName("RCV-1: two finance users matching the same receipt, or the same orders, at once never over-apply")
    void RCV1_concurrentMatchingNeverOverApplies() throws Exception {
        long customer = customer();
        long a = fx.order(customer, sales1).dueOn(TODAY.minusDays(2)).lines(Line.of("600.00")).insert();
        long b = fx.order(customer, sales1).dueOn(TODAY.minusDays(1)).lines(Line.of("600.00")).insert();
        // the same orders: two receipts that each would pay everything open
        List<Integer> statuses = race(8, i -> login(i % 2 == 0 ? "finance" : "cashier")
                .post("/api/receipts", receipt(customer, "1200.00", TODAY)).status());
        assertThat(statuses).containsOnly(201, 422);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(fx.paid(a).add(fx.paid(b))).isEqualByComparingTo("1200.00");

        // the same receipt: its balance on account matched by several users at once
        long c = fx.order(customer, sales1).dueOn(TODAY).lines(Line.of("400.00")).insert();
        long d = fx.order(customer, sales1).dueOn(TODAY).lines(Line.of("400.00")).insert();
        long e = fx.order(customer, sales1).dueOn(TODAY).lines(Line.of("400.00")).insert();
        fx.sys(() -> jdbc.sql("UPDATE sales_order SET state = 'DRAFT' WHERE id IN (:ids)").param("ids", List.of(c, d, e)).update());
        long receipt = login("finance").post("/api/receipts", receipt(customer, "500.00", TODAY, "leaveOnAccount", true))
                .json().path("receipt").path("id").asLong();
        fx.sys(() -> jdbc.sql("UPDATE sales_order SET state = 'DELIVERED' WHERE id IN (:ids)").param("ids", List.of(c, d, e)).update());
        List<Long> targets = List.of(c, d, e);
        List<Integer> matched = race(6, i -> login("finance").post("/api/receipts/" + receipt + "/match",
                Map.of("orderIds", List.of(targets.get(i % 3)))).status());
        assertThat(matched).containsOnly(200, 409);
        BigDecimal applied = fx.paid(c).add(fx.paid(d)).add(fx.paid(e));
        assertThat(applied).isEqualByComparingTo("500.00");
        assertThat(fx.count("SELECT count(*) FROM receipt WHERE id = ? AND matched_amount = amount", receipt)).isEqualTo(1);
        assertThat(fx.sys(() -> jdbc.sql("SELECT sum(amount) FROM receipt_match WHERE receipt_id = :r").param("r", receipt)
                .query(BigDecimal.class).single())).isEqualByComparingTo("500.00");
    }

    interface Call {
        int run(int i) throws Exception;
    }

    static List<Integer> race(int n, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.run(k);
                }));
            }
            start.countDown();
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("RCV-2: a receipt is credited to the owner on the receipt date, including after a transfer from a date")
    void RCV2_creditedToTheOwnerOnTheReceiptDate() {
        long customer = fx.customer(sales1, Instant.now().minus(400, ChronoUnit.DAYS), true);
        fx.order(customer, sales1).dueOn(TODAY.minusDays(30)).lines(Line.of("3000.00")).insert();
        LocalDate transferDay = TODAY.minusDays(10);
        fx.transfer(customer, sales2, transferDay.atStartOfDay(SHANGHAI).toInstant());
        Api finance = login("finance");

        JsonNode before = finance.post("/api/receipts", receipt(customer, "1000.00", transferDay.minusDays(1))).json();
        JsonNode on = finance.post("/api/receipts", receipt(customer, "1000.00", transferDay)).json();
        assertThat(before.path("receipt").path("creditedTo").asLong()).isEqualTo(sales1);
        assertThat(on.path("receipt").path("creditedTo").asLong()).isEqualTo(sales2);
        assertThat(on.path("matches").get(0).path("creditedTo").asLong()).isEqualTo(sales2);
        JsonNode credit = null;
        for (JsonNode d : on.path("decisions")) if ("credit".equals(d.path("kind").asString())) credit = d;
        assertThat(credit).isNotNull();
        assertThat(credit.path("hits").get(0).path("ruleId").asString()).isEqualTo("RCV-2");
        // commission follows the credit (COM-1)
        assertThat(fx.count("SELECT count(*) FROM commission_accrual WHERE receipt_id = ? AND salesperson_id = ?",
                on.path("receipt").path("id").asLong(), sales2)).isEqualTo(1);
        assertThat(fx.count("SELECT count(*) FROM commission_accrual WHERE receipt_id = ? AND salesperson_id = ?",
                before.path("receipt").path("id").asLong(), sales1)).isEqualTo(1);
    }

    @Test
    @DisplayName("RCV-4: yesterday's receipts per salesperson feed the morning board ('张伟到帐3000'); a salesperson sees its own line")
    void RCV4_morningBoard() {
        long customer = fx.customer(sales1, Instant.now().minus(400, ChronoUnit.DAYS), true);
        fx.order(customer, sales1).dueOn(TODAY).lines(Line.of("100000.00")).insert();
        long other = fx.customer(sales2, Instant.now().minus(400, ChronoUnit.DAYS), true);
        fx.order(other, sales2).dueOn(TODAY).lines(Line.of("100000.00")).insert();
        LocalDate day = TODAY.minusDays(200);
        Api finance = login("finance");
        finance.post("/api/receipts", receipt(customer, "1000.00", day.minusDays(1)));
        finance.post("/api/receipts", receipt(customer, "2000.00", day.minusDays(1)));
        finance.post("/api/receipts", receipt(other, "10.50", day.minusDays(1)));
        finance.post("/api/receipts", receipt(customer, "99.00", day.minusDays(2)));

        Api.Response boardResponse = finance.get("/api/receipts/morning-board?today=" + day);
        JsonNode board = boardResponse.json();
        assertThat(board.path("outcome")).as(boardResponse.body()).hasSize(2);
        assertThat(board.path("outcome").get(0).path("zh").asString()).isEqualTo("张伟到帐3000");
        assertThat(board.path("outcome").get(1).path("zh").asString()).isEqualTo("刘洋到帐10.50");
        JsonNode own = login("sales1").get("/api/receipts/morning-board?today=" + day).json();
        assertThat(own.path("outcome")).hasSize(1);
        assertThat(own.path("outcome").get(0).path("salespersonId").asLong()).isEqualTo(sales1);
    }
}
