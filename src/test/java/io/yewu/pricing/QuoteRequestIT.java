package io.yewu.pricing;

import io.yewu.platform.internal.scheduling.DueTaskRunner;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PRC-3 quote requests over real HTTP: raised by sales, answered by finance, escalated once when overdue, late answers. */
class QuoteRequestIT extends IntegrationTest {

    @Autowired DueTaskRunner dueTasks;

    private PricingFixture fixture;
    private Api sales1;
    private long customer;
    private long custom;

    @BeforeEach
    void setUp() {
        fixture = new PricingFixture(login("mktdir"), login("gm"));
        sales1 = login("sales1");
        customer = PricingFixture.customer(sales1, PricingFixture.unique("询价客户"));
        custom = fixture.product("CUSTOM");
    }

    private JsonNode raise(Api api, long customerId, long productId) {
        Api.Response r = api.post("/api/quote-requests", Map.of("customerId", customerId, "productId", productId,
                "quantity", new BigDecimal("20"), "specification", "铜芯 4 平方，长 2.5 米，两端压端子"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private long userId(String username) {
        return asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    private long notifications(String username, String kind) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM notification WHERE user_id = :u AND kind = :k")
                .param("u", userId(username)).param("k", kind).query(Long.class).single());
    }

    @Test
    @DisplayName("PRC-3: a salesperson raises a request, due in 24 hours; finance sees it first in its inbox and answers it")
    void PRC3_raisedDueIn24HoursAndAnsweredByFinance() {
        long before = notifications("finance", "quote-request.new");
        JsonNode created = raise(sales1, customer, custom);
        long id = created.path("request").path("id").asLong();
        Instant requested = Instant.parse(created.path("request").path("requestedAt").asString());
        Instant due = Instant.parse(created.path("request").path("dueAt").asString());
        assertThat(Duration.between(requested, due)).isEqualTo(Duration.ofHours(24));
        assertThat(created.path("request").path("status").asString()).isEqualTo("OPEN");
        assertThat(created.path("overdue").asBoolean()).isFalse();
        assertThat(created.path("decisions").get(0).path("hits").get(0).path("ruleId").asString()).isEqualTo("PRC-3");
        assertThat(notifications("finance", "quote-request.new")).isEqualTo(before + 1);

        Api finance = login("finance");
        JsonNode inbox = finance.get("/api/quote-requests?status=OPEN&size=200").json().path("items");
        assertThat(inbox.findValuesAsString("id")).isNotEmpty();
        // the inbox is sorted by time left: open ones by their due time
        Instant previous = Instant.MIN;
        for (JsonNode r : inbox) {
            Instant d = Instant.parse(r.path("dueAt").asString());
            assertThat(d).isAfterOrEqualTo(previous);
            previous = d;
        }
        assertThat(inbox.toString()).contains("\"id\":" + id + ",");

        Api.Response answered = finance.post("/api/quote-requests/" + id + "/answer",
                Map.of("guidePrice", new BigDecimal("320.00"), "leadTimeDays", 7, "notes", "交期 7 天", "version", 0));
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().path("request").path("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().path("request").path("answeredLate").asBoolean()).isFalse();
        assertThat(answered.json().path("request").path("guidePrice").decimalValue()).isEqualByComparingTo("320.00");
        assertThat(answered.json().path("request").path("leadTimeDays").asInt()).isEqualTo(7);
        assertThat(notifications("sales1", "quote-request.answered")).isPositive();
        // a second answer is a conflict; the first stands
        Api.Response again = finance.post("/api/quote-requests/" + id + "/answer",
                Map.of("guidePrice", new BigDecimal("1.00"), "version", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(sales1.get("/api/quote-requests/" + id).json().path("request").path("guidePrice").decimalValue())
                .isEqualByComparingTo("320.00");
        // the overdue check was dropped with the answer
        long pending = asSystem(() -> jdbc.sql("SELECT count(*) FROM due_task WHERE kind = 'pricing.quote-request.overdue' AND task_key = :k AND status = 'PENDING'")
                .param("k", String.valueOf(id)).query(Long.class).single());
        assertThat(pending).isZero();
    }

    @Test
    @DisplayName("PRC-3: an overdue request is escalated once to the business manager of the requester's department; a late answer stays late")
    void PRC3_overdueEscalatedOnceAndTheAnswerIsLate() {
        long id = raise(sales1, customer, custom).path("request").path("id").asLong();
        Instant taskDue = asSystem(() -> jdbc.sql("SELECT due_at FROM due_task WHERE kind = 'pricing.quote-request.overdue' AND task_key = :k")
                .param("k", String.valueOf(id)).query(Instant.class).single());
        long managerNotices = notifications("manager", "quote-request.overdue");

        dueTasks.runDue(taskDue.minusSeconds(120));
        assertThat(sales1.get("/api/quote-requests/" + id).json().path("request").path("escalatedAt").isNull()).isTrue();

        dueTasks.runDue(taskDue.plusSeconds(1));
        JsonNode escalated = sales1.get("/api/quote-requests/" + id).json();
        assertThat(escalated.path("request").path("escalatedAt").isNull()).isFalse();
        assertThat(escalated.path("request").path("escalatedToName").asString()).isNotBlank();
        String escalatedTo = asSystem(() -> jdbc.sql("SELECT u.username || '/' || u.id || '/' || u.company_id FROM quote_request r JOIN app_user u ON u.id = r.escalated_to WHERE r.id = :id")
                .param("id", id).query(String.class).single());
        assertThat(escalatedTo).startsWith("manager/");
        assertThat(notifications("manager", "quote-request.overdue")).isEqualTo(managerNotices + 1);
        List<String> kinds = escalated.path("decisions").findValuesAsString("kind");
        assertThat(kinds).contains("escalation", "due");

        // exactly once, whatever runs again
        asSystem(() -> jdbc.sql("UPDATE due_task SET status = 'PENDING' WHERE kind = 'pricing.quote-request.overdue' AND task_key = :k")
                .param("k", String.valueOf(id)).update());
        dueTasks.runDue(taskDue.plusSeconds(60));
        assertThat(notifications("manager", "quote-request.overdue")).isEqualTo(managerNotices + 1);

        // answered after its due time: recorded as late
        asSystem(() -> jdbc.sql("UPDATE quote_request SET requested_at = requested_at - interval '2 days', due_at = due_at - interval '2 days' WHERE id = :id")
                .param("id", id).update());
        long version = sales1.get("/api/quote-requests/" + id).json().path("request").path("version").asLong();
        Api.Response late = login("finance").post("/api/quote-requests/" + id + "/answer", Map.of("guidePrice", new BigDecimal("99.50"), "version", version));
        assertThat(late.status()).as(late.body()).isEqualTo(200);
        assertThat(late.json().path("request").path("answeredLate").asBoolean()).isTrue();
        assertThat(late.json().path("decisions").get(0).path("outcome").asString()).contains("ANSWERED_LATE");
    }

    @Test
    @DisplayName("PLT-5: a salesperson sees only its own requests, the manager its department's, finance all")
    void PLT5_dataScope() {
        long id = raise(sales1, customer, custom).path("request").path("id").asLong();
        assertThat(login("sales2").get("/api/quote-requests/" + id).status()).isEqualTo(404);
        assertThat(login("sales3").get("/api/quote-requests?size=200").body()).doesNotContain("\"id\":" + id + ",");
        assertThat(login("manager").get("/api/quote-requests/" + id).status()).isEqualTo(200);
        assertThat(login("finance").get("/api/quote-requests/" + id).status()).isEqualTo(200);
        // only finance answers; another salesperson cannot raise one for sales1's customer
        assertThat(sales1.post("/api/quote-requests/" + id + "/answer", Map.of("guidePrice", 1, "version", 0)).status()).isEqualTo(403);
        Api.Response foreign = login("sales2").post("/api/quote-requests", Map.of("customerId", customer, "productId", custom, "quantity", 1));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().path("errors").get(0).path("field").asString()).isEqualTo("customerId");
        assertThat(login("agent1").get("/api/quote-requests").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("PRC-3: bad input is 422 on its field in zh and en, and nothing is stored")
    void PRC3_badInput() {
        long standard = fixture.standard("10.00");
        long inactive = fixture.product("CUSTOM");
        assertThat(login("mktdir").post("/api/products/" + inactive + "/deactivate", Map.of("version", 0)).status()).isEqualTo(200);
        long requests = asSystem(() -> jdbc.sql("SELECT count(*) FROM quote_request").query(Long.class).single());

        record Bad(String field, Object value, String expectedField, String code) {}
        for (Bad bad : List.of(
                new Bad("quantity", BigDecimal.ZERO, "quantity", "quantity-positive"),
                new Bad("quantity", new BigDecimal("-3"), "quantity", "quantity-positive"),
                new Bad("quantity", new BigDecimal("1.2345"), "quantity", "quantity-decimals"),
                new Bad("productId", 987654321L, "productId", "unknown"),
                new Bad("productId", inactive, "productId", "product-inactive"),
                new Bad("productId", standard, "productId", "quote-request-priced"),
                new Bad("customerId", 987654321L, "customerId", "unknown"))) {
            Map<String, Object> body = new HashMap<>(Map.of("customerId", customer, "productId", custom, "quantity", BigDecimal.TEN));
            body.put(bad.field(), bad.value());
            Api.Response zh = sales1.post("/api/quote-requests", body);
            assertThat(zh.status()).as(bad.toString()).isEqualTo(422);
            JsonNode error = zh.json().path("errors").get(0);
            assertThat(error.path("field").asString()).isEqualTo(bad.expectedField());
            assertThat(error.path("code").asString()).isEqualTo(bad.code());
            Api.Response en = login("sales1").language("en").post("/api/quote-requests", body);
            assertThat(en.json().path("errors").get(0).path("message").asString())
                    .isNotEqualTo(error.path("message").asString()).matches("[\\x20-\\x7E]+");
        }
        long id = raise(sales1, customer, custom).path("request").path("id").asLong();
        Api finance = login("finance");
        for (Object price : List.of(BigDecimal.ZERO, new BigDecimal("-1"), new BigDecimal("12.345"))) {
            Api.Response bad = finance.post("/api/quote-requests/" + id + "/answer", Map.of("guidePrice", price, "version", 0));
            assertThat(bad.status()).as(price.toString()).isEqualTo(422);
            assertThat(bad.json().path("errors").get(0).path("field").asString()).isEqualTo("guidePrice");
        }
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM quote_request").query(Long.class).single())).isEqualTo(requests + 1);
        assertThat(sales1.get("/api/quote-requests/" + id).json().path("request").path("status").asString()).isEqualTo("OPEN");
    }
}
