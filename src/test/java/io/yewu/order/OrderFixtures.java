package io.yewu.order;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Shared set-up of the order ITs: a catalogue with an approved guide price, customers of each kind, orders over HTTP. */
abstract class OrderFixtures extends IntegrationTest {

    static final AtomicLong SEQ = new AtomicLong(System.nanoTime() % 1_000_000);
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    /** A standard product with an approved guide price of 100.00, a custom one without. */
    static Long standard;
    static Long custom;

    static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    /** The catalogue, made once per JVM: prices at or above 100.00 pass the price checks. */
    void catalogue() {
        if (standard != null) return;
        Api mktdir = login("mktdir");
        standard = product(mktdir, "STANDARD");
        custom = product(mktdir, "CUSTOM");
        Api.Response list = mktdir.post("/api/price-lists", Map.of("name", unique("订单测试指导价"), "effectiveFrom", TODAY.toString(),
                "lines", List.of(Map.of("productId", standard, "guidePrice", new BigDecimal("100.00")))));
        assertThat(list.status()).as(list.body()).isEqualTo(201);
        long listId = list.json().path("list").path("id").asLong();
        long version = list.json().path("list").path("version").asLong();
        assertThat(mktdir.post("/api/price-lists/" + listId + "/submit", Map.of("version", version)).status()).isEqualTo(200);
        approveSubject(login("gm"), "price-list", listId);
    }

    private long product(Api api, String kind) {
        Api.Response created = api.post("/api/products", Map.of("code", unique("OT"), "name", "订单测试产品", "kind", kind, "unit", "米"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /** A customer filed by {@code owner}; {@code creditDays} null for no credit terms. */
    long customer(String owner, String city, Integer creditDays, String creditLimit) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", unique("订单客户"));
        body.put("city", city);
        body.put("address", "测试路 1 号");
        body.put("contacts", List.of(Map.of("name", "王经理", "phone", "139" + String.format("%08d", SEQ.incrementAndGet() % 100_000_000), "position", "采购")));
        Api.Response r = login(owner).post("/api/customers", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().path("id").asLong();
        if (creditDays != null) {
            asSystem(() -> jdbc.sql("UPDATE customer SET credit_term_days = :d, credit_limit = :l WHERE id = :id")
                    .param("d", creditDays).param("l", new BigDecimal(creditLimit)).param("id", id).update());
        }
        return id;
    }

    /** Makes a customer existing (ORD-2): one of its orders delivered and fully paid, written as settlement would leave it. */
    void makeExisting(long customerId) {
        asSystem(() -> jdbc.sql("""
                INSERT INTO sales_order (company_id, number, customer_id, owner_id, state, warehouse_stage, payment_mode, vat_invoice,
                                         total, paid_amount, created_by, delivered_at, shipped_at)
                SELECT c.company_id, 'HIST' || c.id || '-' || :n, c.id, c.owner_id, 'DELIVERED', 'SHIPPED', 'PAY_BEFORE_SHIPMENT', true,
                       100.00, 100.00, c.owner_id, now(), now()
                FROM customer c WHERE c.id = :id""").param("id", customerId).param("n", SEQ.incrementAndGet()).update());
    }

    static Map<String, Object> line(long productId, String quantity, String unitPrice) {
        return Map.of("productId", productId, "quantity", new BigDecimal(quantity), "unitPrice", new BigDecimal(unitPrice));
    }

    /** One standard line worth exactly {@code total}. */
    Map<String, Object> lineOf(String total) {
        catalogue();
        return line(standard, "1", total);
    }

    JsonNode preview(Api api, long customerId, List<Map<String, Object>> lines) {
        Api.Response r = api.post("/api/orders/preview", Map.of("customerId", customerId, "lines", lines));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    void approveSubject(Api approver, String subjectType, Object subjectId) {
        decide(approver, subjectType, subjectId, "approve");
    }

    Api.Response decide(Api approver, String subjectType, Object subjectId, String action) {
        for (JsonNode a : approver.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if (subjectType.equals(a.path("subjectType").asString()) && String.valueOf(subjectId).equals(a.path("subjectId").asString())) {
                Api.Response r = approver.post("/api/approvals/" + a.path("id").asLong() + "/" + action, Map.of("comment", "同意"));
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                return r;
            }
        }
        throw new AssertionError("no pending " + subjectType + " " + subjectId + " for this approver");
    }

    boolean hasPending(Api approver, String subjectType, Object subjectId) {
        for (JsonNode a : approver.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if (subjectType.equals(a.path("subjectType").asString()) && String.valueOf(subjectId).equals(a.path("subjectId").asString())) {
                return true;
            }
        }
        return false;
    }

    /** A draft order over HTTP; asserts 201. */
    JsonNode draft(Api api, long customerId, List<Map<String, Object>> lines) {
        Api.Response r = api.post("/api/orders", Map.of("customerId", customerId, "lines", lines));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A draft submitted at once; answers the order as stored. */
    JsonNode submitted(Api api, long customerId, List<Map<String, Object>> lines) {
        Api.Response r = api.post("/api/orders", Map.of("customerId", customerId, "lines", lines, "submit", true));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode detail(Api api, long orderId) {
        Api.Response r = api.get("/api/orders/" + orderId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static long id(JsonNode order) {
        return order.path("order").path("id").asLong();
    }

    static String state(JsonNode order) {
        return order.path("order").path("state").asString();
    }

    static long version(JsonNode order) {
        return order.path("order").path("version").asLong();
    }

    /** The stored decision of a kind, newest first. */
    static JsonNode decision(JsonNode order, String kind) {
        for (JsonNode d : order.path("decisions")) if (kind.equals(d.path("kind").asString())) return d;
        throw new AssertionError("no decision " + kind + " in " + order.path("decisions"));
    }

    /** What settlement does when receipts are matched: paid amount up and the event in the same transaction. */
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationEventPublisher events;
    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    void pay(long orderId, String amount) {
        long company = asSystem(() -> jdbc.sql("SELECT company_id FROM sales_order WHERE id = :id").param("id", orderId).query(Long.class).single());
        io.yewu.platform.security.CompanyContext.runAs(company, () -> tx.executeWithoutResult(s -> {
            jdbc.sql("UPDATE sales_order SET paid_amount = paid_amount + :a WHERE id = :id").param("a", new BigDecimal(amount)).param("id", orderId).update();
            events.publishEvent(new OrderPaymentsChanged(company, orderId));
        }));
    }
}
