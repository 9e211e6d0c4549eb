package io.yewu.order.internal.status;

import io.yewu.order.OrderFixture;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ORD-8b: order status for customers (public page, number + phone) and for the service desk; SVC-10 counts. */
class OrderStatusIT extends IntegrationTest {

    /** Words that would betray prices, margins, fees, commission or credit terms in a status answer. */
    static final List<String> SECRET = List.of("unitPrice", "unit_price", "guide", "netPrice", "margin", "fee",
            "commission", "credit", "deposit", "paid", "987.65", "1234.55", "0.0025");

    OrderFixture fixture;

    @BeforeEach
    void freshQuota() {
        fixture = new OrderFixture(jdbc);
        asSystem(() -> jdbc.sql("DELETE FROM order_status_quota").update());
    }

    static Map<String, Object> query(String number, String phone) {
        return Map.of("number", number, "phone", phone);
    }

    long lookups(long orderId, String channel) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM order_status_lookup WHERE order_id = :o AND channel = :ch")
                .param("o", orderId).param("ch", channel).query(Long.class).single());
    }

    @Test
    @DisplayName("ORD-8b: the customer sees state, shipment, expected date and total by order number and phone, no account")
    void publicPageAnswersByNumberAndPhone() {
        long customer = fixture.customer("sales1", "查单客户", "020-8888 6666");
        var order = fixture.order(customer, "RELEASED", "PACKED", "2469.10", "13800138000");
        Api.Response r = anonymous().post("/api/public/order-status", query(order.number().toLowerCase(), "+86 138-0013-8000"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("number").asString()).isEqualTo(order.number());
        assertThat(r.json().path("state").asString()).isEqualTo("PROCESSING");
        assertThat(r.json().path("warehouseStage").asString()).isEqualTo("PACKED");
        assertThat(r.json().path("expectedShipment").asString()).isEqualTo("2026-12-04");
        assertThat(r.json().path("total").decimalValue()).isEqualByComparingTo("2469.10");
        assertThat(r.headers().get("cache-control")).contains("no-store");
        for (String secret : SECRET) assertThat(r.body()).as(secret).doesNotContainIgnoringCase(secret);

        Api.Response byContact = anonymous().post("/api/public/order-status", query(order.number(), "02088886666"));
        assertThat(byContact.status()).as("a phone of the customer's contacts").isEqualTo(200);
        assertThat(lookups(order.id(), "PUBLIC")).isEqualTo(2);

        var shipped = fixture.order(customer, "DELIVERED", "SHIPPED", "100.00", "");
        Api.Response delivered = anonymous().post("/api/public/order-status", query(shipped.number(), "020 88886666"));
        assertThat(delivered.json().path("state").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.json().path("shippedAt").asString()).startsWith("2026-12-02");
        assertThat(delivered.json().path("deliveredAt").isMissingNode() || delivered.json().path("deliveredAt").isNull()).isFalse();
    }

    @Test
    @DisplayName("ORD-8b: a wrong number, a wrong phone and a draft all get the same 404, so the page is no oracle")
    void wrongAnswersAreIndistinguishable() {
        long customer = fixture.customer("sales1", "防探测客户", "13900139000");
        var order = fixture.order(customer, "SHIPPED", "SHIPPED", "500.00", "13800138000");
        var draft = fixture.order(customer, "DRAFT", "NOT_PRINTED", "0.00", "13800138000");
        Api.Response wrongPhone = anonymous().post("/api/public/order-status", query(order.number(), "13700137000"));
        Api.Response wrongNumber = anonymous().post("/api/public/order-status", query("SO20991231-9999", "13800138000"));
        Api.Response draftOrder = anonymous().post("/api/public/order-status", query(draft.number(), "13800138000"));
        Api.Response otherCompany = anonymous().post("/api/public/order-status",
                Map.of("number", order.number(), "phone", "13800138000", "company", "NO-SUCH"));
        for (Api.Response r : List.of(wrongPhone, wrongNumber, draftOrder, otherCompany)) {
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("order-status-not-found");
            assertThat(r.body()).isEqualTo(wrongPhone.body());
        }
        assertThat(lookups(order.id(), "PUBLIC")).isZero();
        Api.Response invalid = anonymous().post("/api/public/order-status", Map.of("number", order.number()));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(anonymous().post("/api/public/order-status", query(order.number(), "12")).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("ORD-8b: look-ups are rate-limited per order number and per client address, 429 with Retry-After")
    void rateLimited() {
        long customer = fixture.customer("sales1", "限流客户", null);
        var order = fixture.order(customer, "RELEASED", "NOT_PRINTED", "300.00", "13800138000");
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(anonymous().post("/api/public/order-status", query(order.number(), "13800138001")).status());
        }
        assertThat(statuses).containsExactly(404, 404, 404, 404, 404, 429);
        Api.Response limited = anonymous().post("/api/public/order-status", query(order.number(), "13800138000"));
        assertThat(limited.status()).as("the right phone too, once the number's quota is used").isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().get("retry-after"))).isBetween(1L, 60L);
        assertThat(limited.code()).isEqualTo("order-status-too-many");

        // other numbers from the same address: the address's quota (10 a minute) ends them too
        statuses.clear();
        for (int i = 0; i < 5; i++) {
            statuses.add(anonymous().post("/api/public/order-status", query("SO-PROBE-" + i, "13800138000")).status());
        }
        assertThat(statuses).containsExactly(404, 404, 404, 429, 429);
        assertThat(asSystem(() -> jdbc.sql("SELECT used FROM order_status_quota WHERE key_kind = 'ADDRESS' AND window_kind = 'MINUTE'")
                .query(Integer.class).single())).isEqualTo(12);
    }

    @Test
    @DisplayName("ORD-8b: the service agent sees a caller's orders read-only, without prices, margins, fees, commission or credit")
    void serviceAgentView() {
        long customer = fixture.customer("sales3", "来电客户", "0755-2345 6789");
        var first = fixture.order(customer, "AWAITING_APPROVAL", "NOT_PRINTED", "2469.10", "");
        var second = fixture.order(customer, "SHIPPED", "SHIPPED", "1000.00", "13600136000");
        fixture.order(customer, "DRAFT", "NOT_PRINTED", "0.00", "");
        Api agent = login("agent1");
        Api.Response byCustomer = agent.get("/api/service/orders?customerId=" + customer);
        assertThat(byCustomer.status()).as(byCustomer.body()).isEqualTo(200);
        List<String> numbers = new ArrayList<>();
        byCustomer.json().forEach(o -> numbers.add(o.path("number").asString() + "/" + o.path("customerState").asString()));
        assertThat(numbers).containsExactlyInAnyOrder(first.number() + "/PROCESSING", second.number() + "/SHIPPED");
        for (String secret : SECRET) assertThat(byCustomer.body()).as(secret).doesNotContainIgnoringCase(secret);
        assertThat(byCustomer.body()).contains("2469.1");

        Api.Response byPhone = agent.get("/api/service/orders?phone=075523456789");
        assertThat(byPhone.json().size()).as("the contact's phone finds both").isEqualTo(2);
        Api.Response byOrderPhone = agent.get("/api/service/orders?phone=%2B8613600136000");
        assertThat(byOrderPhone.json().size()).isEqualTo(1);
        assertThat(agent.get("/api/service/orders").status()).isEqualTo(422);
        assertThat(lookups(first.id(), "AGENT")).isEqualTo(2);
        assertThat(lookups(second.id(), "AGENT")).isEqualTo(3);
        assertThat(login("sales1").get("/api/service/orders?customerId=" + customer).status()).isEqualTo(403);

        Api.Response counts = login("shiftlead").get("/api/service/order-lookups");
        assertThat(counts.status()).isEqualTo(200);
        List<String> channels = new ArrayList<>();
        counts.json().forEach(c -> channels.add(c.path("channel").asString()));
        assertThat(channels).contains("AGENT");
    }
}
