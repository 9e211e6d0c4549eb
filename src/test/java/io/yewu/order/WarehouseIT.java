package io.yewu.order;

import io.yewu.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ORD-6 … ORD-8 and ORD-2 over HTTP: the warehouse's view and stages, ship-by and late flag, take-back, the end of "new". */
class WarehouseIT extends OrderFixtures {

    private JsonNode step(Api warehouse, long id, String action) {
        long version = warehouse.get("/api/warehouse/orders/" + id).json().path("order").path("version").asLong();
        Api.Response r = warehouse.post("/api/warehouse/orders/" + id + "/" + action, Map.of("version", version));
        assertThat(r.status()).as(action + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    private long notices(String username, String kind) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id WHERE u.username = :u AND n.kind = :k")
                .param("u", username).param("k", kind).query(Long.class).single());
    }

    private String stage(long customerId) {
        return asSystem(() -> jdbc.sql("SELECT stage FROM customer WHERE id = :id").param("id", customerId).query(String.class).single());
    }

    private JsonNode released(Api sales, long customerId, String total, String requirementsNote) {
        Api.Response r = sales.post("/api/orders", Map.of("customerId", customerId, "lines", List.of(lineOf(total)), "submit", true,
                "invoiceTitle", "广州某某有限公司", "deliveryWindow", "工作日上午", "carrier", "德邦", "notes", requirementsNote));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void ORD7_theWarehouseSeesRequirementsWithoutPricesAndShipsInTurnWithADueDate() {
        Api sales1 = login("sales1");
        long told = notices("warehouse", "order.warehouse");
        JsonNode o = released(sales1, customer("sales1", "广州", null, null), "1500.00", "送货前电话联系");
        long id = id(o);
        assertThat(state(o)).isEqualTo("RELEASED");
        assertThat(notices("warehouse", "order.warehouse")).isEqualTo(told + 1);
        Api warehouse = login("warehouse");
        Api.Response view = warehouse.get("/api/warehouse/orders/" + id);
        assertThat(view.status()).isEqualTo(200);
        JsonNode row = view.json().path("order");
        assertThat(row.path("deliveryWindow").asString()).isEqualTo("工作日上午");
        assertThat(row.path("carrier").asString()).isEqualTo("德邦");
        assertThat(row.path("notes").asString()).isEqualTo("送货前电话联系");
        assertThat(row.path("invoiceTitle").asString()).isEqualTo("广州某某有限公司");
        assertThat(row.path("shipBy").asString()).isEqualTo(o.path("order").path("shipBy").asString()).isNotBlank();
        assertThat(view.body()).doesNotContain("unitPrice").doesNotContain("1500");
        assertThat(warehouse.get("/api/warehouse/orders?stage=NOT_PRINTED&size=200").body()).contains(o.path("order").path("number").asString());
        assertThat(login("warehouse").get("/api/orders/" + id).status()).isEqualTo(403);
        assertThat(sales1.post("/api/warehouse/orders/" + id + "/print", Map.of("version", 0)).status()).isEqualTo(403);

        Api.Response early = warehouse.post("/api/warehouse/orders/" + id + "/ship", Map.of("version", row.path("version").asLong()));
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.code()).isEqualTo("order-warehouse-stage");
        step(warehouse, id, "print");
        step(warehouse, id, "pack");
        JsonNode shipped = step(warehouse, id, "ship").path("order");
        assertThat(shipped.path("state").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.path("late").asBoolean()).isFalse();
        JsonNode detail = detail(sales1, id).path("order");
        assertThat(detail.path("dueOn").asString()).isEqualTo(TODAY.toString());
        assertThat(detail.path("shippedLate").asBoolean()).isFalse();
        assertThat(step(warehouse, id, "deliver").path("order").path("state").asString()).isEqualTo("DELIVERED");
    }

    @Test
    void ORD7_aLateShipmentIsFlaggedAndCountsInTheMonthsOnTimeRateAndCreditFallsDueAfterTheTerm() {
        Api sales1 = login("sales1");
        long credit = customer("sales1", "深圳", 45, "1000000.00");
        makeExisting(credit);
        long id = id(released(sales1, credit, "1000.00", ""));
        asSystem(() -> jdbc.sql("UPDATE sales_order SET ship_by = current_date - 1 WHERE id = :id").param("id", id).update());
        Api warehouse = login("warehouse");
        assertThat(warehouse.get("/api/warehouse/orders/" + id).json().path("order").path("late").asBoolean()).isTrue();
        String month = YearMonth.from(TODAY).toString();
        JsonNode before = warehouse.get("/api/warehouse/on-time?month=" + month).json();
        step(warehouse, id, "print");
        step(warehouse, id, "pack");
        step(warehouse, id, "ship");
        JsonNode after = login("gm").get("/api/warehouse/on-time?month=" + month).json();
        assertThat(after.path("shipments").asLong()).isEqualTo(before.path("shipments").asLong() + 1);
        assertThat(after.path("late").asLong()).isEqualTo(before.path("late").asLong() + 1);
        long shipments = after.path("shipments").asLong();
        BigDecimal expected = BigDecimal.valueOf((shipments - after.path("late").asLong()) * 100)
                .divide(BigDecimal.valueOf(shipments), 2, java.math.RoundingMode.HALF_UP);
        assertThat(after.path("onTimeRate").decimalValue()).isEqualByComparingTo(expected);
        JsonNode o = detail(sales1, id).path("order");
        assertThat(o.path("shippedLate").asBoolean()).isTrue();
        assertThat(o.path("dueOn").asString()).isEqualTo(TODAY.plusDays(45).toString());
        assertThat(decision(detail(sales1, id), "shipment-late").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-7");
        assertThat(warehouse.get("/api/warehouse/on-time?month=2026-13").status()).isEqualTo(422);
    }

    @Test
    void ORD8_aPrintedPrepaidOrderIsTakenBackByTheWarehouseBeforeItIsCancelledWithARefund() {
        Api sales1 = login("sales1");
        long id = id(released(sales1, customer("sales1", "佛山", null, null), "900.00", ""));
        pay(id, "900.00");
        assertThat(state(detail(sales1, id))).isEqualTo("RELEASED");
        Api warehouse = login("warehouse");
        step(warehouse, id, "print");
        JsonNode printed = detail(sales1, id);
        Api.Response refused = sales1.post("/api/orders/" + id + "/cancel", Map.of("reason", "客户取消", "version", version(printed)));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("order-warehouse-take-back");
        Api.Response change = sales1.put("/api/orders/" + id, Map.of("lines", List.of(lineOf("950.00")), "version", version(printed)));
        assertThat(change.code()).isEqualTo("order-warehouse-take-back");
        long toldOwner = notices("sales1", "order.taken-back");
        JsonNode back = step(warehouse, id, "take-back");
        assertThat(back.path("order").path("warehouseStage").asString()).isEqualTo("NOT_PRINTED");
        assertThat(notices("sales1", "order.taken-back")).isEqualTo(toldOwner + 1);
        JsonNode now = detail(sales1, id);
        assertThat(now.path("changes").toString()).contains("TAKE_BACK");
        Api.Response cancelled = sales1.post("/api/orders/" + id + "/cancel", Map.of("reason", "客户取消", "version", version(now)));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        BigDecimal refund = asSystem(() -> jdbc.sql("SELECT amount FROM sales_order_refund WHERE order_id = :id").param("id", id)
                .query(BigDecimal.class).single());
        assertThat(refund).isEqualByComparingTo("900.00");
    }

    @Test
    void ORD2_theFirstDeliveredAndFullyPaidOrderEndsNewCustomerAndMovesTheStageOn() {
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州", null, null);
        Api warehouse = login("warehouse");
        long first = id(released(sales1, gz, "1500.00", ""));
        for (String action : List.of("print", "pack", "ship", "deliver")) step(warehouse, first, action);
        assertThat(preview(sales1, gz, List.of(lineOf("1499.99"))).path("newCustomer").asBoolean()).as("delivered, not paid").isTrue();
        pay(first, "1500.00");
        assertThat(state(detail(sales1, first))).isEqualTo("CLOSED");
        assertThat(stage(gz)).isEqualTo("FIRST_ORDER");
        JsonNode after = preview(sales1, gz, List.of(lineOf("1499.99")));
        assertThat(after.path("newCustomer").asBoolean()).isFalse();
        // ORD-3b: an existing home-city customer may pay on delivery whatever the total
        assertThat(after.path("paymentMode").path("outcome").path("mode").asString()).isEqualTo("PAY_ON_DELIVERY");
        assertThat(after.path("paymentMode").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-3b");

        long second = id(released(sales1, gz, "200.00", ""));
        pay(second, "200.00");
        for (String action : List.of("print", "pack", "ship", "deliver")) step(warehouse, second, action);
        assertThat(state(detail(sales1, second))).isEqualTo("CLOSED");
        assertThat(stage(gz)).isEqualTo("ACTIVE");
    }
}
