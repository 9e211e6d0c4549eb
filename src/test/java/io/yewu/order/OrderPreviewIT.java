package io.yewu.order;

import io.yewu.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The preview over HTTP with the spec's worked examples (ORD-3, ORD-4, ORD-5): every decision out, nothing saved. */
class OrderPreviewIT extends OrderFixtures {

    private static String mode(JsonNode p) {
        return p.path("paymentMode").path("outcome").path("mode").asString();
    }

    private static List<String> steps(JsonNode p) {
        return p.path("creditApproval").path("outcome").valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void ORD3a_newGuangzhouCustomerPaysOnDeliveryFrom1500() {
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州市", null, null);
        long orders = count();
        JsonNode below = preview(sales1, gz, List.of(lineOf("1499.99")));
        assertThat(mode(below)).isEqualTo("PAY_BEFORE_SHIPMENT");
        assertThat(below.path("paymentMode").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-3a");
        assertThat(below.path("newCustomer").asBoolean()).isTrue();
        assertThat(steps(below)).isEmpty();
        JsonNode at = preview(sales1, gz, List.of(lineOf("1500.00")));
        assertThat(mode(at)).isEqualTo("PAY_ON_DELIVERY");
        assertThat(at.path("total").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(at.path("lines").get(0).path("priceCheck").path("outcome").path("verdict").asString()).isEqualTo("OK");
        assertThat(count()).as("nothing saved").isEqualTo(orders);

        long foshan = customer("sales1", "佛山", null, null);
        assertThat(mode(preview(sales1, foshan, List.of(lineOf("8000.00"))))).isEqualTo("PAY_BEFORE_SHIPMENT");
    }

    @Test
    void ORD5a_existingCreditCustomerLadderAt20000And50000() {
        Api sales1 = login("sales1");
        long credit = customer("sales1", "深圳", 30, "1000000.00");
        makeExisting(credit);
        JsonNode at = preview(sales1, credit, List.of(lineOf("20000.00")));
        assertThat(mode(at)).isEqualTo("CREDIT");
        assertThat(at.path("newCustomer").asBoolean()).isFalse();
        assertThat(steps(at)).isEmpty();
        assertThat(steps(preview(sales1, credit, List.of(lineOf("20000.01"))))).containsExactly("BUSINESS_MANAGER");
        JsonNode gm = preview(sales1, credit, List.of(lineOf("50000.01")));
        assertThat(steps(gm)).containsExactly("GENERAL_MANAGER");
        assertThat(gm.path("creditApproval").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-5a");
        assertThat(gm.path("creditHold").path("outcome").path("held").asBoolean()).isFalse();
    }

    @Test
    void ORD5b_newCreditCustomerNeedsBothFrom20000() {
        long credit = customer("sales1", "深圳", 30, "1000000.00");
        JsonNode p = preview(login("sales1"), credit, List.of(lineOf("20000.00")));
        assertThat(steps(p)).containsExactly("BUSINESS_MANAGER", "GENERAL_MANAGER");
        assertThat(p.path("creditApproval").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-5b");
    }

    @Test
    void ORD4_customLinesNeedA30PercentDepositAndAPromiseWaitsForProduction() {
        catalogue();
        long gz = customer("sales1", "广州", null, null);
        JsonNode p = preview(login("sales1"), gz, List.of(line(standard, "60", "100.00"), line(custom, "1", "4000.00")));
        assertThat(p.path("total").decimalValue()).isEqualByComparingTo("10000.00");
        assertThat(mode(p)).isEqualTo("PAY_ON_DELIVERY");
        assertThat(p.path("deposit").path("outcome").decimalValue()).isEqualByComparingTo("1200.00");
        assertThat(p.path("deposit").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-4");
        assertThat(steps(p)).isEmpty();
        assertThat(p.path("deliveryPromise").path("outcome").isNull()).isTrue();
        assertThat(p.path("deliveryPromise").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-7");
    }

    @Test
    void ORD5c_exposureAboveTheLimitHolds() {
        long credit = customer("sales1", "深圳", 30, "5000.00");
        makeExisting(credit);
        JsonNode p = preview(login("sales1"), credit, List.of(lineOf("5000.01")));
        assertThat(p.path("creditHold").path("outcome").path("held").asBoolean()).isTrue();
        assertThat(p.path("creditHold").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-5c");
        assertThat(preview(login("sales1"), credit, List.of(lineOf("5000.00"))).path("creditHold").path("outcome").path("held").asBoolean()).isFalse();
    }

    @Test
    void PLT5_aCustomerOutsideTheScopeIs404AndBadLinesAre422() {
        long theirs = customer("sales3", "广州", null, null);
        Api sales1 = login("sales1");
        Api.Response r = sales1.post("/api/orders/preview", Map.of("customerId", theirs, "lines", List.of(lineOf("100.00"))));
        assertThat(r.status()).isEqualTo(404);
        long mine = customer("sales1", "广州", null, null);
        Api.Response zero = sales1.language("en").post("/api/orders/preview", Map.of("customerId", mine,
                "lines", List.of(line(standard, "0", "100.00"))));
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.json().path("errors").get(0).path("field").asString()).isEqualTo("lines[0].quantity");
        assertThat(zero.json().path("errors").get(0).path("message").asString()).contains("above zero");
        assertThat(sales1.post("/api/orders/preview", Map.of()).status()).isEqualTo(422);
    }

    private long count() {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM sales_order").query(Long.class).single());
    }
}
