package io.yewu.order.settlement;

import io.yewu.order.OrderFixture;
import io.yewu.order.OrderFixture.Line;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** INV-1 invoice types and the accumulation of small VAT amounts, INV-2 never over-invoiced, over real HTTP. */
class InvoicesIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private OrderFixture fx;
    private long sales1;

    @BeforeEach
    void fixture() {
        fx = new OrderFixture(jdbc);
        sales1 = fx.userId("sales1");
    }

    private long customer(boolean vat) {
        return fx.customer(sales1, Instant.now().minus(100, ChronoUnit.DAYS), vat);
    }

    static Map<String, Object> invoice(long customerId, Object... orderAndAmount) {
        List<Map<String, Object>> orders = new java.util.ArrayList<>();
        for (int i = 0; i < orderAndAmount.length; i += 2) {
            orders.add(Map.of("orderId", orderAndAmount[i], "amount", new BigDecimal((String) orderAndAmount[i + 1])));
        }
        return Map.of("customerId", customerId, "number", "FP" + System.nanoTime() % 100_000_000, "issuedOn", TODAY.toString(),
                "orders", orders);
    }

    @Test
    @DisplayName("INV-1: the invoices list exports to xlsx with its customer filter, in words")
    void INV1_invoicesExportWithTheListsFilter() {
        Api finance = login("finance");
        long vat = customer(true);
        long other = customer(true);
        long big = fx.order(vat, sales1).lines(Line.of("6000.00")).insert();
        long theirs = fx.order(other, sales1).lines(Line.of("7000.00")).insert();
        assertThat(finance.post("/api/invoices", invoice(vat, big, "6000.00")).status()).isEqualTo(201);
        assertThat(finance.post("/api/invoices", invoice(other, theirs, "7000.00")).status()).isEqualTo(201);

        java.util.List<java.util.List<String>> zh = io.yewu.support.Xlsx.download(port, finance, "/api/invoices/export?customerId=" + vat);
        assertThat(zh.get(0)).containsExactly("开票日期", "发票号", "客户", "发票类型", "价税合计", "税额", "不含税金额");
        assertThat(zh).hasSize(2);
        assertThat(zh.get(1).get(3)).isEqualTo("增值税专用发票");
        assertThat(new BigDecimal(zh.get(1).get(4))).isEqualByComparingTo("6000.00");
        java.util.List<java.util.List<String>> en = io.yewu.support.Xlsx.download(port, finance, "/api/invoices/export?customerId=" + vat, "en");
        assertThat(en.get(1).get(3)).isEqualTo("VAT special invoice");
    }

    @Test
    @DisplayName("INV-1: VAT special from 5,000.00 inclusive; 4,999.99 for a customer not asking for VAT is ordinary")
    void INV1_typeByAmount() {
        Api finance = login("finance");
        long vat = customer(true);
        long big = fx.order(vat, sales1).lines(Line.of("3000.00"), Line.of("2000.00")).insert();
        Api.Response issued = finance.post("/api/invoices", invoice(vat, big, "5000.00"));
        assertThat(issued.status()).as(issued.body()).isEqualTo(201);
        JsonNode inv = issued.json().path("invoice").path("invoice");
        assertThat(issued.json().path("result").asString()).isEqualTo("ISSUED");
        assertThat(inv.path("type").asString()).isEqualTo("VAT_SPECIAL");
        assertThat(inv.path("amount").decimalValue()).isEqualByComparingTo("5000.00");
        // PLT-8: 5,000 × 0.13 / 1.13 = 575.221… → 575.22; net + tax = amount
        assertThat(inv.path("tax").decimalValue()).isEqualByComparingTo("575.22");
        assertThat(inv.path("net").decimalValue()).isEqualByComparingTo("4424.78");
        assertThat(fx.invoiced(big)).isEqualByComparingTo("5000.00");

        long plain = customer(false);
        long small = fx.order(plain, sales1).lines(Line.of("4999.99")).insert();
        JsonNode ordinary = finance.post("/api/invoices", invoice(plain, small, "4999.99")).json();
        assertThat(ordinary.path("invoice").path("invoice").path("type").asString()).isEqualTo("ORDINARY");
        assertThat(ordinary.path("plan").path("hits").get(0).path("ruleId").asString()).isEqualTo("INV-1");
        long stored = fx.count("SELECT count(*) FROM decision_record WHERE subject_type = 'invoice' AND subject_id = ?",
                String.valueOf(ordinary.path("invoice").path("invoice").path("id").asLong()));
        assertThat(stored).isEqualTo(2);
    }

    @Test
    @DisplayName("INV-1: a customer insisting on VAT has small amounts accumulated until they reach 5,000, then one VAT invoice covers them all")
    void INV1_smallVatAmountsAccumulate() {
        Api finance = login("finance");
        long customer = customer(true);
        long a = fx.order(customer, sales1).lines(Line.of("2000.00")).insert();
        long b = fx.order(customer, sales1).lines(Line.of("2999.99")).insert();
        long c = fx.order(customer, sales1).lines(Line.of("0.01"), Line.of("100.00")).insert();

        JsonNode first = finance.post("/api/invoices", invoice(customer, a, "2000.00")).json();
        assertThat(first.path("result").asString()).isEqualTo("ACCUMULATING");
        assertThat(first.path("accumulated").decimalValue()).isEqualByComparingTo("2000.00");
        JsonNode second = finance.post("/api/invoices", invoice(customer, b, "2999.99")).json();
        assertThat(second.path("result").asString()).isEqualTo("ACCUMULATING");
        assertThat(second.path("accumulated").decimalValue()).isEqualByComparingTo("4999.99");
        assertThat(finance.get("/api/invoices/accumulating?customerId=" + customer).json()).hasSize(2);
        // nothing is invoiced yet, but the accumulating amount is taken: b cannot be invoiced again
        assertThat(fx.invoiced(a)).isEqualByComparingTo("0");
        assertThat(finance.post("/api/invoices", invoice(customer, b, "0.01")).status()).isEqualTo(422);

        Api.Response reached = finance.post("/api/invoices", invoice(customer, c, "0.01"));
        assertThat(reached.status()).as(reached.body()).isEqualTo(201);
        JsonNode inv = reached.json().path("invoice");
        assertThat(inv.path("invoice").path("type").asString()).isEqualTo("VAT_SPECIAL");
        assertThat(inv.path("invoice").path("amount").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(inv.path("orders")).hasSize(3);
        assertThat(fx.invoiced(a)).isEqualByComparingTo("2000.00");
        assertThat(fx.invoiced(b)).isEqualByComparingTo("2999.99");
        assertThat(fx.invoiced(c)).isEqualByComparingTo("0.01");
        assertThat(finance.get("/api/invoices/accumulating?customerId=" + customer).json()).isEmpty();
        // tax per order share, summed (PLT-8): 230.09 + 345.13 + 0.00
        assertThat(inv.path("invoice").path("tax").decimalValue()).isEqualByComparingTo("575.22");
    }

    @Test
    @DisplayName("PRC-5 with INV-1: amounts priced with the no-VAT allowance never go on a VAT special invoice")
    void INV1_noVatAllowanceNeverOnAVatInvoice() {
        Api finance = login("finance");
        long customer = customer(true);
        long allowance = fx.order(customer, sales1).vatInvoice(false).lines(Line.allowance("8000.00")).insert();
        long normal = fx.order(customer, sales1).lines(Line.of("6000.00")).insert();
        JsonNode plan = finance.post("/api/invoices/plan", invoice(customer, allowance, "8000.00")).json();
        assertThat(plan.path("outcome").path("type").asString()).isEqualTo("ORDINARY");
        assertThat(plan.path("hits").get(0).path("ruleId").asString()).isEqualTo("PRC-5");
        Api.Response mixed = finance.post("/api/invoices", invoice(customer, allowance, "8000.00", normal, "6000.00"));
        assertThat(mixed.status()).isEqualTo(422);
        assertThat(mixed.json().path("errors").get(0).path("code").asString()).isEqualTo("invoice-mixed-allowance");
        JsonNode issued = finance.post("/api/invoices", invoice(customer, allowance, "8000.00")).json();
        assertThat(issued.path("invoice").path("invoice").path("type").asString()).isEqualTo("ORDINARY");
    }

    @Test
    @DisplayName("INV-2: partial invoices add up to at most the order's total; over the uninvoiced amount is a 422 changing nothing")
    void INV2_neverOverInvoiced() {
        Api finance = login("finance");
        long customer = customer(false);
        long order = fx.order(customer, sales1).lines(Line.of("1000.00")).insert();
        assertThat(finance.post("/api/invoices", invoice(customer, order, "600.00")).status()).isEqualTo(201);
        JsonNode invoiceable = finance.get("/api/invoices/orders?customerId=" + customer).json();
        assertThat(invoiceable).hasSize(1);
        assertThat(invoiceable.get(0).path("left").decimalValue()).isEqualByComparingTo("400.00");
        long invoices = fx.count("SELECT count(*) FROM invoice");
        Api.Response over = finance.post("/api/invoices", invoice(customer, order, "400.01"));
        assertThat(over.status()).isEqualTo(422);
        assertThat(over.json().path("errors").get(0).path("field").asString()).isEqualTo("orders[0].amount");
        assertThat(over.json().path("errors").get(0).path("code").asString()).isEqualTo("invoice-over-uninvoiced");
        assertThat(over.body()).contains("400.00");
        assertThat(fx.count("SELECT count(*) FROM invoice")).isEqualTo(invoices);
        assertThat(fx.invoiced(order)).isEqualByComparingTo("600.00");
        assertThat(finance.post("/api/invoices", invoice(customer, order, "400.00")).status()).isEqualTo(201);
        assertThat(fx.invoiced(order)).isEqualByComparingTo("1000.00");
        // bad input
        assertThat(finance.post("/api/invoices", Map.of()).status()).isEqualTo(422);
        assertThat(finance.post("/api/invoices", invoice(customer, order, "0.001")).status()).isEqualTo(422);
        assertThat(finance.post("/api/invoices", invoice(customer, 987654321L, "1.00")).status()).isEqualTo(422);
        long otherCustomer = customer(false);
        assertThat(finance.post("/api/invoices", invoice(otherCustomer, order, "1.00")).status()).isEqualTo(422);
        assertThat(login("cashier").post("/api/invoices", invoice(customer, order, "1.00")).status()).isEqualTo(403);
        assertThat(login("sales1").get("/api/invoices").status()).isEqualTo(403);
        assertThat(finance.get("/api/invoices/987654321").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("INV-2: two invoices issued at once for the same order never exceed its total")
    void INV2_concurrentInvoicesNeverExceedTheTotal() throws Exception {
        long customer = customer(false);
        long order = fx.order(customer, sales1).lines(Line.of("1000.00")).insert();
        List<Integer> statuses = ReceiptsIT.race(6, i -> login(i % 2 == 0 ? "finance" : "cfo")
                .post("/api/invoices", invoice(customer, order, "600.00")).status());
        assertThat(statuses).containsOnly(201, 422);
        assertThat(statuses.stream().filter(s -> s == 201).count()).isEqualTo(1);
        assertThat(fx.invoiced(order)).isEqualByComparingTo("600.00");
        assertThat(fx.sys(() -> jdbc.sql("SELECT sum(amount) FROM invoice_order WHERE order_id = :o").param("o", order)
                .query(BigDecimal.class).single())).isEqualByComparingTo("600.00");
    }
}
