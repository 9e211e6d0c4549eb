package io.yewu.pricing;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PRC-10: a quote shows in advance the payment and delivery terms the order would get, as the order capability's
 * {@link OrderTermsPreview} decides them (ORD-3a for a new Guangzhou customer's order of 2,000.00: pay on delivery;
 * ORD-7: four working days after release); each of its decisions is stored beside the version.
 */
class QuoteTermsIT extends IntegrationTest {

    @Test
    @DisplayName("PRC-10: payment and delivery terms shown on the quote in advance, their decisions stored")
    void PRC10_termsShownInAdvance() {
        Api sales1 = login("sales1");
        long product = new PricingFixture(login("mktdir"), login("gm")).standard("100.00");
        long customer = PricingFixture.customer(sales1, PricingFixture.unique("条件客户"));
        Api.Response created = sales1.post("/api/quotes", Map.of("customerId", customer, "lines",
                List.of(Map.of("productId", product, "quantity", 20, "unitPrice", new BigDecimal("100.00")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode v = created.json().path("current");
        assertThat(v.path("paymentTerms").asString()).contains("货到付款");
        assertThat(v.path("deliveryTerms").asString()).contains("4 个工作日");
        assertThat(created.json().path("decisions").findValuesAsString("kind")).contains("order-terms-1");
        assertThat(created.json().path("decisions").findValuesAsString("ruleId")).contains("ORD-3a", "ORD-7");
    }
}
