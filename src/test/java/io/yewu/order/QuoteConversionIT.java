package io.yewu.order;

import io.yewu.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ORD-1 from a quote, ORD-4 deposits on custom lines priced by finance, PRC-6 special prices on orders, over HTTP. */
class QuoteConversionIT extends OrderFixtures {

    private JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json();
    }

    private JsonNode act(Api api, JsonNode quote, String action) {
        return ok(api.post("/api/quotes/" + quote.path("quote").path("id").asLong() + "/" + action,
                Map.of("version", quote.path("quote").path("version").asLong())));
    }

    @Test
    void ORD1_anAcceptedQuoteBecomesAnOrderWithoutRetypingAndKeepsItsSpecialPriceApproval() {
        Api sales1 = login("sales1");
        long credit = customer("sales1", "深圳", 30, "1000000.00");
        makeExisting(credit);
        JsonNode q = ok(sales1.post("/api/quotes", Map.of("customerId", credit, "notes", "含运费", "lines", List.of(line(standard(), "12", "95.00")))));
        long quoteId = q.path("quote").path("id").asLong();
        ok(sales1.post("/api/quotes/" + quoteId + "/lines/1/special-price", Map.of("version", q.path("quote").path("version").asLong())));
        approveSubject(login("manager"), "quote-line", quoteId + "-1-1");
        JsonNode sent = act(sales1, sales1.get("/api/quotes/" + quoteId).json(), "send");
        act(sales1, sales1.get("/api/quotes/" + quoteId).json(), "accept");
        assertThat(sent.path("quote").path("id").asLong()).isEqualTo(quoteId);

        Api.Response converted = sales1.post("/api/orders/from-quote", Map.of("quoteId", quoteId, "submit", true));
        assertThat(converted.status()).as(converted.body()).isEqualTo(201);
        JsonNode o = converted.json();
        assertThat(o.path("order").path("channel").asString()).isEqualTo("QUOTE");
        assertThat(o.path("order").path("quoteId").asLong()).isEqualTo(quoteId);
        assertThat(o.path("order").path("total").decimalValue()).isEqualByComparingTo("1140.00");
        JsonNode line = o.path("lines").get(0);
        assertThat(line.path("verdict").asString()).isEqualTo("SPECIAL_PRICE");
        assertThat(line.path("quantity").decimalValue()).isEqualByComparingTo("12");
        assertThat(line.path("specialApprovalId").isNull()).as("carried from the quote").isFalse();
        assertThat(line.path("commissionReduction").decimalValue()).isEqualByComparingTo("0.005");
        assertThat(state(o)).as("no approval needed again").isEqualTo("RELEASED");
        assertThat(sales1.post("/api/orders/from-quote", Map.of("quoteId", quoteId)).status()).as("converted once").isEqualTo(404);
        assertThat(login("sales3").post("/api/orders/from-quote", Map.of("quoteId", quoteId)).status()).isEqualTo(404);
    }

    @Test
    void PRC6_aSpecialPriceOnADirectOrderWaitsForTheBusinessManager() {
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州", null, null);
        JsonNode o = submitted(sales1, gz, List.of(line(standard(), "20", "95.00")));
        long id = id(o);
        assertThat(state(o)).isEqualTo("AWAITING_APPROVAL");
        assertThat(decision(o, "approval-chain").toString()).contains("PRC-6");
        approveSubject(login("manager"), "sales-order", id);
        JsonNode released = detail(sales1, id);
        assertThat(state(released)).isEqualTo("RELEASED");
        assertThat(released.path("lines").get(0).path("specialApprovalId").isNull()).isFalse();
    }

    @Test
    void PRC6_ORD5d_raisingAnOrderVoidsTheApprovalOfItsSpecialPriceWhichIsAskedForAgain() {
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州", null, null);
        long id = id(submitted(sales1, gz, List.of(line(standard(), "20", "95.00"))));
        approveSubject(login("manager"), "sales-order", id);
        JsonNode released = detail(sales1, id);
        assertThat(state(released)).isEqualTo("RELEASED");
        // the approval covered 1,900.00; at 1,995.00 it is void, and with it the special price it approved: no credit
        // rule asks for anyone here, so only PRC-6 keeps the order from the warehouse
        Api.Response higher = sales1.put("/api/orders/" + id, Map.of("lines", List.of(line(standard(), "21", "95.00")),
                "version", released.path("order").path("version").asLong()));
        assertThat(higher.status()).as(higher.body()).isEqualTo(200);
        assertThat(state(higher.json())).isEqualTo("AWAITING_APPROVAL");
        assertThat(decision(higher.json(), "approval-chain").toString()).contains("PRC-6");
        assertThat(higher.json().path("lines").get(0).path("specialApprovalId").isNull()).isTrue();
    }

    @Test
    void ORD4_aNewGuangzhouOrderOf10000With4000CustomPaysOnDeliveryAfterADepositOf1200() {
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州", null, null);
        JsonNode request = ok(sales1.post("/api/quote-requests", Map.of("customerId", gz, "productId", custom(), "quantity", 1)));
        long requestId = request.path("request").path("id").asLong();
        ok(login("finance").post("/api/quote-requests/" + requestId + "/answer", Map.of("guidePrice", new BigDecimal("4000.00"), "version", 0)));
        Map<String, Object> customLine = new HashMap<>(line(custom(), "1", "4000.00"));
        customLine.put("quoteRequestId", requestId);
        Api.Response r = sales1.post("/api/orders", Map.of("customerId", gz, "lines", List.of(line(standard(), "60", "100.00"), customLine),
                "customShipOn", TODAY.plusDays(20).toString(), "submit", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode o = r.json();
        long id = id(o);
        assertThat(o.path("order").path("total").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(o.path("order").path("paymentMode").asString()).isEqualTo("PAY_ON_DELIVERY");
        assertThat(o.path("order").path("depositDue").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(decision(o, "credit-approval").path("outcome").asString()).isEqualTo("[]");
        assertThat(state(o)).isEqualTo("AWAITING_PAYMENT");
        assertThat(decision(o, "release").path("hits").toString()).contains("ORD-4");
        pay(id, "1199.99");
        assertThat(state(detail(sales1, id))).isEqualTo("AWAITING_PAYMENT");
        pay(id, "0.01");
        JsonNode released = detail(sales1, id);
        assertThat(state(released)).isEqualTo("RELEASED");
        assertThat(released.path("order").path("shipBy").asString()).isEqualTo(TODAY.plusDays(20).toString());
    }

    private long standard() {
        catalogue();
        return standard;
    }

    private long custom() {
        catalogue();
        return custom;
    }
}
