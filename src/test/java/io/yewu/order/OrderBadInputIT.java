package io.yewu.order;

import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile input on the order-to-cash endpoints (issue 10), in the manner of the customer side's {@code BadInputIT}:
 * malformed JSON, wrong types, zero, negative and huge quantities and amounts, too many decimals, control characters,
 * unknown ids, another company's ids, a missing or stale version. Each is a 4xx problem — 422 naming the field where
 * a field is at fault — never a 500, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrderBadInputIT extends OrderFixtures {

    private long customerId;
    private long orderId;
    private long orderVersion;
    private String stranger;

    @BeforeAll
    void anOrderAndAStranger() {
        catalogue();
        customerId = customer("sales1", "广州", null, null);
        var draft = draft(login("sales1"), customerId, List.of(line(standard, "2", "100.00")));
        orderId = draft.path("order").path("id").asLong();
        orderVersion = draft.path("order").path("version").asLong();
        stranger = userOfNewCompany("OBI", RoleCode.SALESPERSON, "外司业务员");
    }

    /** The whole state the sweep must leave as it was. */
    private String state() {
        return asSystem(() -> jdbc.sql("""
                SELECT (SELECT count(*) FROM sales_order) || '|' || (SELECT count(*) FROM sales_order_line) || '|'
                    || (SELECT count(*) FROM receipt) || '|' || (SELECT count(*) FROM invoice) || '|'
                    || (SELECT count(*) FROM invoice_accumulation) || '|' || (SELECT count(*) FROM quote) || '|'
                    || (SELECT count(*) FROM price_list) || '|' || (SELECT count(*) FROM product) || '|'
                    || (SELECT version || ':' || total || ':' || state FROM sales_order WHERE id = :id)""")
                .param("id", orderId).query(String.class).single());
    }

    private String body(String json) {
        return json.replace("CID", String.valueOf(customerId)).replace("PID", String.valueOf(standard))
                .replace("OID", String.valueOf(orderId)).replace("VER", String.valueOf(orderVersion))
                .replace("TODAY", TODAY.toString()).replace("TOMORROW", TODAY.plusDays(1).toString())
                .replace("YESTERDAY", TODAY.minusDays(1).toString());
    }

    /** Who sends it, method, path, the raw body, the status and field error expected ({@code -} for none). */
    @ParameterizedTest(name = "{1} {2} {3} → {4} {5} {6}")
    @CsvSource(delimiter = '|', value = {
            // malformed and wrongly typed JSON
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [|400|-|-",
            "sales1|POST|/api/orders|{\"customerId\": \"abc\", \"lines\": []}|422|customerId|integer",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": \"many\"}|422|lines|list",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [null]}|422|lines[0]|null-element",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": \"x\", \"unitPrice\": 100}]}|422|lines[0].quantity|number",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"customShipOn\": 20000, \"lines\": [{\"productId\": PID, \"quantity\": 1, \"unitPrice\": 100}]}|422|customShipOn|date",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"submit\": \"yes\", \"lines\": [{\"productId\": PID, \"quantity\": 1, \"unitPrice\": 100}]}|422|submit|boolean",
            // quantities and amounts
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 0, \"unitPrice\": 100}]}|422|lines[0].quantity|quantity-positive",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": -3, \"unitPrice\": 100}]}|422|lines[0].quantity|quantity-positive",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 1e30, \"unitPrice\": 100}]}|422|lines[0].quantity|quantity-too-large",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 1.001, \"unitPrice\": 100}]}|422|lines[0].quantity|quantity-decimals",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 1, \"unitPrice\": 100.005}]}|422|lines[0].unitPrice|money-decimals",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 1, \"unitPrice\": -100}]}|422|lines[0].unitPrice|price-positive",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 1, \"unitPrice\": 1e40}]}|422|lines[0].unitPrice|price-too-large",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 99999999, \"unitPrice\": 99999999}]}|422|lines[0].quantity|amount-too-large",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 6000000, \"unitPrice\": 100000}, {\"productId\": PID, \"quantity\": 6000000, \"unitPrice\": 100000}]}|422|lines|total-too-large",
            // texts, unknown ids
            "sales1|POST|/api/orders|{\"customerId\": CID, \"notes\": \"a\\u0000b\", \"lines\": [{\"productId\": PID, \"quantity\": 1, \"unitPrice\": 100}]}|422|notes|control-character",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"paymentMode\": \"CASH\", \"lines\": [{\"productId\": PID, \"quantity\": 1, \"unitPrice\": 100}]}|422|paymentMode|order-payment-mode-agreed",
            "sales1|POST|/api/orders|{\"customerId\": 987654321, \"lines\": [{\"productId\": PID, \"quantity\": 1, \"unitPrice\": 100}]}|422|customerId|unknown",
            "sales1|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": 987654321, \"quantity\": 1, \"unitPrice\": 100}]}|422|lines[0].productId|unknown",
            "sales1|POST|/api/orders/from-quote|{\"quoteId\": \"q\"}|422|quoteId|integer",
            "sales1|POST|/api/orders/from-quote|{\"quoteId\": 987654321}|404|-|-",
            "sales1|POST|/api/orders/preview|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": -1, \"unitPrice\": 100}]}|422|lines[0].quantity|quantity-positive",
            // versions
            "sales1|PUT|/api/orders/OID|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 5, \"unitPrice\": 100}]}|422|version|required",
            "sales1|PUT|/api/orders/OID|{\"version\": \"v1\", \"lines\": [{\"productId\": PID, \"quantity\": 5, \"unitPrice\": 100}]}|422|version|integer",
            "sales1|PUT|/api/orders/OID|{\"version\": 9999, \"lines\": [{\"productId\": PID, \"quantity\": 5, \"unitPrice\": 100}]}|409|-|-",
            "sales1|POST|/api/orders/OID/submit|{}|422|version|required",
            "sales1|POST|/api/orders/OID/submit|{\"version\": 9999}|409|-|-",
            "sales1|POST|/api/orders/OID/cancel|{\"version\": VER}|422|reason|required",
            "sales1|POST|/api/orders/OID/cancel|{\"reason\": \"不要了\"}|422|version|required",
            "sales1|POST|/api/orders/OID/cancel|{\"reason\": \"x\\u0007\", \"version\": VER}|422|reason|control-character",
            "sales1|POST|/api/orders/OID/changes/987654321/confirm|{}|404|-|-",
            "sales1|POST|/api/orders/987654321/submit|{\"version\": 0}|404|-|-",
            "gm|POST|/api/orders/OID/release-hold|{\"reason\": \"放行\"}|422|version|required",
            "warehouse|POST|/api/warehouse/orders/OID/print|{}|404|-|-",
            // another company's ids
            "stranger|GET|/api/orders/OID||404|-|-",
            "stranger|PUT|/api/orders/OID|{\"version\": VER, \"lines\": [{\"productId\": PID, \"quantity\": 5, \"unitPrice\": 100}]}|404|-|-",
            "stranger|POST|/api/orders/OID/submit|{\"version\": VER}|404|-|-",
            "stranger|POST|/api/orders/OID/cancel|{\"reason\": \"x\", \"version\": VER}|404|-|-",
            "stranger|POST|/api/orders|{\"customerId\": CID, \"lines\": [{\"productId\": 1, \"quantity\": 1, \"unitPrice\": 100}]}|422|customerId|unknown",
            // receipts
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"BANK\", \"amount\": -5, \"receivedOn\": \"TODAY\"}|422|amount|amount-positive",
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"BANK\", \"amount\": 10.001, \"receivedOn\": \"TODAY\"}|422|amount|money-decimals",
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"BANK\", \"amount\": 1e20, \"receivedOn\": \"TODAY\"}|422|amount|amount-too-large",
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"BANK\", \"amount\": \"ten\", \"receivedOn\": \"TODAY\"}|422|amount|number",
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"CHEQUE\", \"amount\": 10, \"receivedOn\": \"TODAY\"}|422|method|receipt-method",
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"BANK\", \"amount\": 10, \"receivedOn\": \"TOMORROW\"}|422|receivedOn|date-in-future",
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"BANK\", \"amount\": 10, \"receivedOn\": \"TODAY\", \"reference\": \"\\u001b[31m\"}|422|reference|control-character",
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"BANK\", \"amount\": 10, \"receivedOn\": \"TODAY\", \"orderIds\": [\"x\"]}|422|orderIds[0]|integer",
            "finance|POST|/api/receipts|{\"customerId\": 987654321, \"method\": \"BANK\", \"amount\": 10, \"receivedOn\": \"TODAY\"}|422|customerId|unknown",
            "finance|POST|/api/receipts|{\"customerId\": CID, \"method\": \"BANK\", \"amount\": 10, \"receivedOn\": \"TODAY\", \"orderIds\": [OID]}|422|orderIds[0]|receipt-order-not-open",
            "finance|POST|/api/receipts/987654321/match|{\"orderIds\": []}|404|-|-",
            // invoices
            "finance|POST|/api/invoices|{\"customerId\": CID, \"number\": \"1\", \"issuedOn\": \"TODAY\", \"orders\": [{\"orderId\": OID, \"amount\": -1}]}|422|orders[0].amount|amount-positive",
            "finance|POST|/api/invoices|{\"customerId\": CID, \"number\": \"1\", \"issuedOn\": \"TODAY\", \"orders\": [{\"orderId\": OID, \"amount\": 1.234}]}|422|orders[0].amount|money-decimals",
            "finance|POST|/api/invoices|{\"customerId\": CID, \"number\": \"1\", \"issuedOn\": \"TODAY\", \"orders\": [{\"orderId\": OID, \"amount\": 1}]}|422|orders[0].orderId|invoice-order-customer",
            "finance|POST|/api/invoices|{\"customerId\": CID, \"number\": \"1\", \"issuedOn\": \"TODAY\", \"orders\": [{\"orderId\": 987654321, \"amount\": 1}]}|422|orders[0].orderId|invoice-order-customer",
            "finance|POST|/api/invoices|{\"customerId\": CID, \"number\": \"1\", \"issuedOn\": \"TODAY\", \"orders\": \"all\"}|422|orders|list",
            // refunds, commission, quotes, price lists
            "finance|POST|/api/refunds/987654321/pay|{\"method\": \"BANK\", \"reference\": \"r\", \"paidOn\": \"TODAY\", \"version\": 0}|404|-|-",
            "mktdir|POST|/api/commission/months/2026-13/approve|{}|422|month|month-format",
            "sales1|POST|/api/quotes|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": -2, \"unitPrice\": 100}]}|422|lines[0].quantity|quantity-positive",
            "sales1|POST|/api/quotes|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 2, \"unitPrice\": 100.001}]}|422|lines[0].unitPrice|money-decimals",
            "sales1|POST|/api/quotes|{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": 6000000, \"unitPrice\": 100000}, {\"productId\": PID, \"quantity\": 6000000, \"unitPrice\": 100000}]}|422|lines|total-too-large",
            "mktdir|POST|/api/price-lists|{\"name\": \"坏价格表\", \"effectiveFrom\": \"YESTERDAY\", \"lines\": [{\"productId\": PID, \"guidePrice\": 1.001}]}|422|lines[0].guidePrice|money-decimals",
            "mktdir|POST|/api/price-lists|{\"name\": \"坏价格表\", \"effectiveFrom\": \"YESTERDAY\", \"lines\": [{\"productId\": PID, \"guidePrice\": 10}]}|422|effectiveFrom|price-list-date-past",
            "mktdir|POST|/api/products|{\"code\": \"X\\u0000\", \"name\": \"坏产品\", \"kind\": \"STANDARD\", \"unit\": \"米\"}|422|code|control-character",
            "mktdir|POST|/api/products|{\"code\": \"BAD1\", \"name\": \"坏产品\", \"kind\": \"GOLD\", \"unit\": \"米\"}|422|kind|-"})
    void hostileInputIsA4xxAndChangesNothing(String who, String method, String path, String json, int status, String field, String code) {
        String before = state();
        Api api = login("stranger".equals(who) ? stranger : who);
        Api.Response r = api.send(method, body(path), json == null ? null : body(json));
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.body()).doesNotContain("Exception", "tools.jackson", "SQL");
        assertThat(r.headers().getOrDefault("content-type", "")).contains("application/problem+json");
        if (!"-".equals(field)) {
            boolean found = false;
            for (var e : r.json().path("errors")) {
                if (e.path("field").asString().equals(field) && ("-".equals(code) || e.path("code").asString().equals(code))) {
                    found = true;
                    assertThat(e.path("message").asString()).as("a message for " + field).isNotBlank();
                }
            }
            assertThat(found).as("field " + field + " code " + code + " in " + r.body()).isTrue();
        }
        assertThat(state()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aFieldErrorReadsInChineseAndInEnglish() {
        String json = body("{\"customerId\": CID, \"lines\": [{\"productId\": PID, \"quantity\": -1, \"unitPrice\": 100}]}");
        Api.Response zh = login("sales1").language("zh-CN").post("/api/orders", json);
        Api.Response en = login("sales1").language("en").post("/api/orders", json);
        String zhMessage = zh.json().path("errors").get(0).path("message").asString();
        String enMessage = en.json().path("errors").get(0).path("message").asString();
        assertThat(zhMessage).isNotBlank().isNotEqualTo(enMessage).doesNotContain("quantity-positive");
        assertThat(enMessage).isNotBlank().doesNotContain("quantity-positive");
    }

    @Test
    void aStaleVersionAfterARealEditIsAConflictAndKeepsTheEdit() {
        Api sales1 = login("sales1");
        var first = sales1.put("/api/orders/" + orderId, Map.of("version", orderVersion, "lines", List.of(line(standard, "3", "100.00"))));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        var stale = sales1.put("/api/orders/" + orderId, Map.of("version", orderVersion, "lines", List.of(line(standard, "9", "100.00"))));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        assertThat(sales1.get("/api/orders/" + orderId).json().path("order").path("total").decimalValue()).isEqualByComparingTo("300.00");
        orderVersion = first.json().path("order").path("version").asLong();
    }
}
