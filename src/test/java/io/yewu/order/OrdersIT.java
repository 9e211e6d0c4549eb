package io.yewu.order;

import io.yewu.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** ORD-1, ORD-3, ORD-6 and PLT-2 over HTTP: drafts, edits, submission, stored decisions, release, scope and bad input. */
class OrdersIT extends OrderFixtures {

    private long orders() {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM sales_order").query(Long.class).single());
    }

    @Test
    void ORD1_aDraftIsEditedWithItsVersionSubmittedAndReleasedOncePaid() {
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州", null, null);
        JsonNode draft = draft(sales1, gz, List.of(lineOf("1500.00")));
        assertThat(state(draft)).isEqualTo("DRAFT");
        assertThat(draft.path("order").path("number").asString()).matches("SO" + TODAY.toString().replace("-", "") + "\\d{4}");
        assertThat(draft.path("order").path("total").decimalValue()).isEqualByComparingTo("1500.00");
        assertThat(draft.path("lines").get(0).path("verdict").asString()).isEqualTo("OK");
        assertThat(draft.path("lines").get(0).path("guidePrice").decimalValue()).isEqualByComparingTo("100.00");
        long id = id(draft);

        Map<String, Object> edit = new HashMap<>(Map.of("lines", List.of(lineOf("1499.99")), "version", version(draft),
                "deliveryWindow", "上午", "carrier", "顺丰"));
        Api.Response edited = sales1.put("/api/orders/" + id, edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("order").path("total").decimalValue()).isEqualByComparingTo("1499.99");
        JsonNode change = edited.json().path("changes").get(0);
        assertThat(change.path("kind").asString()).isEqualTo("EDIT");
        assertThat(change.path("content").asString()).contains("1499.99").contains("顺丰");
        Api.Response confirmed = sales1.post("/api/orders/" + id + "/changes/" + change.path("id").asLong() + "/confirm", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("changes").get(0).path("customerConfirmedAt").asString()).isNotBlank();
        assertThat(sales1.post("/api/orders/" + id + "/changes/" + change.path("id").asLong() + "/confirm", Map.of()).code())
                .isEqualTo("order-change-confirmed");
        assertThat(login("sales3").post("/api/orders/" + id + "/changes/" + change.path("id").asLong() + "/confirm", Map.of()).status())
                .isEqualTo(404);
        Api.Response stale = sales1.put("/api/orders/" + id, edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("version-conflict");

        Api.Response submitted = sales1.post("/api/orders/" + id + "/submit", Map.of("version", version(edited.json())));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        JsonNode o = submitted.json();
        assertThat(o.path("order").path("paymentMode").asString()).isEqualTo("PAY_BEFORE_SHIPMENT");
        assertThat(state(o)).isEqualTo("AWAITING_PAYMENT");
        assertThat(decision(o, "payment-mode").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-3a");
        assertThat(decision(o, "release").path("outcome").asString()).contains("PREPAYMENT");
        assertThat(sales1.post("/api/orders/" + id + "/submit", Map.of("version", version(o))).code()).isEqualTo("order-not-draft");

        pay(id, "1499.99");
        JsonNode released = detail(sales1, id);
        assertThat(state(released)).isEqualTo("RELEASED");
        assertThat(released.path("order").path("shipBy").asString()).isNotBlank();
        assertThat(decision(released, "delivery-promise").path("hits").get(0).path("ruleId").asString()).isEqualTo("ORD-7");
    }

    @Test
    void ORD3a_aNewGuangzhouOrderOf1500PaysOnDeliveryAndIsReleasedAtOnce() {
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州市", null, null);
        JsonNode o = submitted(sales1, gz, List.of(lineOf("1500.00")));
        assertThat(o.path("order").path("paymentMode").asString()).isEqualTo("PAY_ON_DELIVERY");
        assertThat(state(o)).isEqualTo("RELEASED");
        // the salesperson may agree a stricter mode, never a more lenient one
        Map<String, Object> prepaid = Map.of("customerId", gz, "lines", List.of(lineOf("1500.00")), "paymentMode", "PAY_BEFORE_SHIPMENT", "submit", true);
        Api.Response strict = sales1.post("/api/orders", prepaid);
        assertThat(strict.json().path("order").path("paymentMode").asString()).isEqualTo("PAY_BEFORE_SHIPMENT");
        Api.Response lenient = sales1.post("/api/orders", Map.of("customerId", gz, "lines", List.of(lineOf("1500.00")), "paymentMode", "CREDIT"));
        assertThat(lenient.status()).isEqualTo(422);
        long foshan = customer("sales1", "佛山", null, null);
        assertThat(submitted(sales1, foshan, List.of(lineOf("8000.00"))).path("order").path("paymentMode").asString()).isEqualTo("PAY_BEFORE_SHIPMENT");
    }

    @Test
    void ORD1_badLinesAre422InChineseAndEnglishAndNothingIsSaved() {
        catalogue();
        Api mktdir = login("mktdir");
        Api.Response p = mktdir.post("/api/products", Map.of("code", unique("OFF"), "name", "停用产品", "kind", "STANDARD", "unit", "米"));
        long inactive = p.json().path("id").asLong();
        assertThat(mktdir.post("/api/products/" + inactive + "/deactivate", Map.of("version", 0)).status()).isEqualTo(200);
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州", null, null);
        long before = orders();
        record Bad(Map<String, Object> line, String field, String code) {}
        List<Bad> bad = List.of(
                new Bad(line(standard, "0", "100.00"), "lines[0].quantity", "quantity-positive"),
                new Bad(line(standard, "-1", "100.00"), "lines[0].quantity", "quantity-positive"),
                new Bad(line(standard, "1.234", "100.00"), "lines[0].quantity", "quantity-decimals"),
                new Bad(line(standard, "1", "100.001"), "lines[0].unitPrice", "money-decimals"),
                new Bad(line(standard, "1", "0"), "lines[0].unitPrice", "price-positive"),
                new Bad(line(987654321L, "1", "100.00"), "lines[0].productId", "unknown"),
                new Bad(line(inactive, "1", "100.00"), "lines[0].productId", "product-inactive"),
                new Bad(line(standard, "1", "89.99"), "lines[0].unitPrice", "price-refused"));
        for (Bad b : bad) {
            Api.Response zh = sales1.language("zh-CN").post("/api/orders", Map.of("customerId", gz, "lines", List.of(b.line())));
            assertThat(zh.status()).as(b.toString() + zh.body()).isEqualTo(422);
            JsonNode error = zh.json().path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo(b.field());
            assertThat(error.path("code").asString()).isEqualTo(b.code());
            assertThat(error.path("message").asString()).as("zh").isNotBlank().doesNotContain(b.code());
            Api.Response en = sales1.language("en").post("/api/orders", Map.of("customerId", gz, "lines", List.of(b.line())));
            assertThat(en.json().path("errors").get(0).path("message").asString()).as("en").isNotBlank()
                    .isNotEqualTo(error.path("message").asString());
        }
        assertThat(sales1.post("/api/orders", Map.of()).status()).isEqualTo(422);
        assertThat(orders()).isEqualTo(before);
    }

    @Test
    void PLT2_aChangedSettingAppliesOnlyToOrdersCreatedAfterIt() {
        Api sales1 = login("sales1");
        long credit = customer("sales1", "深圳", 30, "1000000.00");
        makeExisting(credit);
        JsonNode older = draft(sales1, credit, List.of(lineOf("25000.00")));
        Api admin = login("admin");
        try {
            assertThat(admin.post("/api/admin/settings/order.credit.manager-above", Map.of("value", new BigDecimal("30000.00"))).status()).isEqualTo(200);
            JsonNode newer = draft(sales1, credit, List.of(lineOf("25000.00")));
            JsonNode o1 = sales1.post("/api/orders/" + id(older) + "/submit", Map.of("version", version(older))).json();
            JsonNode o2 = sales1.post("/api/orders/" + id(newer) + "/submit", Map.of("version", version(newer))).json();
            assertThat(state(o1)).isEqualTo("AWAITING_APPROVAL");
            assertThat(decision(o1, "credit-approval").path("outcome").asString()).contains("BUSINESS_MANAGER");
            assertThat(state(o2)).isEqualTo("RELEASED");
            assertThat(o2.path("order").path("settingsVersion").asLong()).isGreaterThan(o1.path("order").path("settingsVersion").asLong());
            assertThat(decision(o2, "credit-approval").path("settingsVersion").asLong()).isEqualTo(o2.path("order").path("settingsVersion").asLong());
        } finally {
            admin.post("/api/admin/settings/order.credit.manager-above", Map.of("value", new BigDecimal("20000.00")));
        }
    }

    @Test
    void PLT4_aRetriedSubmitWithTheSameIdempotencyKeyMakesOneOrder() {
        Api sales1 = login("sales1");
        long gz = customer("sales1", "广州", null, null);
        Map<String, Object> body = Map.of("customerId", gz, "lines", List.of(lineOf("2000.00")), "submit", true);
        long before = orders();
        String key = unique("order-key-");
        Api.Response first = sales1.header("Idempotency-Key", key).post("/api/orders", body);
        Api.Response again = sales1.header("Idempotency-Key", key).post("/api/orders", body);
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(id(again.json())).isEqualTo(id(first.json()));
        assertThat(again.body()).as("the stored answer (deflated when large) replays byte for byte").isEqualTo(first.body());
        assertThat(orders()).isEqualTo(before + 1);
    }

    /** Decision 0043: attempts in flight at once with one key each act, but one stores the key; the others replay it. */
    @Test
    void PLT4_attemptsInFlightAtOnceWithTheSameKeyMakeOneOrder() throws Exception {
        long gz = customer("sales1", "广州", null, null);
        Map<String, Object> body = Map.of("customerId", gz, "lines", List.of(lineOf("2000.00")), "submit", true);
        long before = orders();
        String key = unique("order-key-");
        List<java.util.concurrent.Callable<Api.Response>> attempts = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Api sales1 = login("sales1"); // one client each (an Api's next headers are its own), the same user and key
            attempts.add(() -> sales1.header("Idempotency-Key", key).post("/api/orders", body));
        }
        List<Api.Response> answers = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            for (var f : pool.invokeAll(attempts)) answers.add(f.get());
        }
        assertThat(answers).extracting(Api.Response::status).containsOnly(201);
        assertThat(answers).extracting(a -> id(a.json())).containsOnly(id(answers.getFirst().json()));
        assertThat(orders()).isEqualTo(before + 1);
    }

    @Test
    void PLT5_ordersOutsideTheScopeAre404AndListsShowOnlyTheScope() {
        long theirs = customer("sales3", "广州", null, null);
        JsonNode order = submitted(login("sales3"), theirs, List.of(lineOf("3000.00")));
        long id = id(order);
        String number = order.path("order").path("number").asString();
        Api sales1 = login("sales1");
        assertThat(sales1.get("/api/orders/" + id).status()).isEqualTo(404);
        assertThat(sales1.post("/api/orders/" + id + "/cancel", Map.of("reason", "x", "version", 0)).status()).isEqualTo(404);
        assertThat(sales1.post("/api/orders/" + id + "/copy", Map.of()).status()).isEqualTo(404);
        assertThat(sales1.get("/api/orders?q=" + number).json().path("items")).isEmpty();
        Api.Response mine = sales1.post("/api/orders", Map.of("customerId", theirs, "lines", List.of(lineOf("100.00"))));
        assertThat(mine.status()).isEqualTo(422);
        assertThat(mine.json().path("errors").get(0).path("field").asString()).isEqualTo("customerId");
        for (String reader : List.of("manager", "gm", "finance")) {
            Api api = login(reader);
            assertThat(api.get("/api/orders/" + id).status()).as(reader).isEqualTo(200);
            assertThat(api.get("/api/orders?q=" + number).json().path("items")).as(reader).hasSize(1);
        }
        Api gm = login("gm");
        assertThat(gm.get("/api/orders?q=" + number + "&state=RELEASED&from=" + TODAY + "&to=" + TODAY).json().path("items")).hasSize(1);
        assertThat(gm.get("/api/orders?q=" + number + "&from=" + TODAY.plusDays(1)).json().path("items")).isEmpty();
        assertThat(gm.get("/api/orders?q=" + number + "&state=DRAFT").json().path("items")).isEmpty();
        assertThat(gm.get("/api/orders?state=SOMETHING").status()).isEqualTo(422);
        assertThat(login("agent1").get("/api/orders/" + id).status()).isEqualTo(403);
        Api.Response export = login("finance").get("/api/orders/export?q=" + number);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().get("content-type")).contains("spreadsheetml");
    }

    @Test
    void ORD8_cancellingAPrepaidOrderCreatesARefundAndAShippedOrderCannotChange() {
        Api sales1 = login("sales1");
        long foshan = customer("sales1", "佛山", null, null);
        JsonNode o = submitted(sales1, foshan, List.of(lineOf("800.00")));
        long id = id(o);
        pay(id, "800.00");
        JsonNode released = detail(sales1, id);
        assertThat(state(released)).isEqualTo("RELEASED");
        Api.Response noReason = sales1.post("/api/orders/" + id + "/cancel", Map.of("reason", " ", "version", version(released)));
        assertThat(noReason.status()).isEqualTo(422);
        Api.Response cancelled = sales1.post("/api/orders/" + id + "/cancel", Map.of("reason", "客户改期", "version", version(released)));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(state(cancelled.json())).isEqualTo("CANCELLED");
        BigDecimal refund = asSystem(() -> jdbc.sql("SELECT amount FROM sales_order_refund WHERE order_id = :id").param("id", id)
                .query(BigDecimal.class).single());
        assertThat(refund).isEqualByComparingTo("800.00");
        assertThat(sales1.post("/api/orders/" + id + "/cancel", Map.of("reason", "again", "version", version(cancelled.json()))).code())
                .isEqualTo("order-closed");

        JsonNode shipped = submitted(sales1, customer("sales1", "广州", null, null), List.of(lineOf("1500.00")));
        asSystem(() -> jdbc.sql("UPDATE sales_order SET state = 'SHIPPED', warehouse_stage = 'SHIPPED' WHERE id = :id")
                .param("id", id(shipped)).update());
        JsonNode now = detail(sales1, id(shipped));
        Api.Response change = sales1.language("en").put("/api/orders/" + id(shipped), Map.of("lines", List.of(lineOf("1600.00")), "version", version(now)));
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.code()).isEqualTo("order-shipped-after-sales");
        assertThat(change.json().path("detail").asString()).contains("after-sales");
    }
}
