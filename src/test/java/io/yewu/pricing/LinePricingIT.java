package io.yewu.pricing;

import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import static io.yewu.pricing.PricingFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link LinePricing} on the real catalogue: the guide price in force (PRC-2, PRC-3), the checks (PRC-4 … PRC-8), money (PLT-8). */
class LinePricingIT extends IntegrationTest {

    @Autowired LinePricing pricing;

    private PricingFixture fixture;
    private long company;

    @BeforeEach
    void setUp() {
        fixture = new PricingFixture(login("mktdir"), login("gm"));
        company = asSystem(() -> jdbc.sql("SELECT company_id FROM app_user WHERE username = 'sales1'").query(Long.class).single());
    }

    private Optional<LinePricing.CheckedLine> check(long product, String p, String qty, String x, boolean vat, LocalDate on, Long request) {
        return CompanyContext.callAs(company, () -> pricing.check(product, new BigDecimal(p), new BigDecimal(qty),
                new BigDecimal(x), vat, on, request));
    }

    @ParameterizedTest(name = "PRC-4…8 worked example {0}: VAT {1}, x {2}, P {3} × 10 -> {4}, N {5}, amount {6}, tax {7}")
    @CsvSource({
            "a, true,  0,    100.00, OK,            100.00, 1000.00, 115.04",
            "b, false, 0,    95.00,  OK,            95.00,  950.00,  109.29",
            "c, true,  0,    95.00,  SPECIAL_PRICE, 95.00,  950.00,  109.29",
            "d, false, 0,    90.00,  SPECIAL_PRICE, 90.00,  900.00,  103.54",
            "e, true,  0,    89.99,  REFUSED,       89.99,  899.90,  103.53",
            "f, true,  0.05, 105.27, OK,            100.01, 1052.70, 121.11"})
    @DisplayName("PRC-2/PRC-4…PRC-8: the worked examples against an approved list")
    void workedExamples(String example, boolean vat, String x, String p, PriceVerdict verdict, BigDecimal n,
                        BigDecimal amount, BigDecimal tax) {
        long product = fixture.standard("100.00");
        LinePricing.CheckedLine line = check(product, p, "10", x, vat, TODAY, null).orElseThrow();
        assertThat(line.check().outcome().verdict()).isEqualTo(verdict);
        assertThat(line.check().outcome().guidePrice()).isEqualByComparingTo("100.00");
        assertThat(line.check().outcome().netPrice()).isEqualByComparingTo(n);
        assertThat(line.amount()).isEqualByComparingTo(amount);
        assertThat(line.tax()).isEqualByComparingTo(tax);
        assertThat(line.priceListId()).isNotNull();
        assertThat(line.kind()).isEqualTo(ProductKind.STANDARD);
        assertThat(line.active()).isTrue();
        // the line explains where G came from before what it led to
        assertThat(line.check().ruleIds().getFirst()).isEqualTo("PRC-2");
        assertThat(line.check().hits()).extracting(RuleHit::zh).allMatch(s -> !s.isBlank());
    }

    @Test
    @DisplayName("PRC-2: a list applies from its effective date; before it a standard product has no guide price")
    void PRC2_theListInForceOnTheDay() {
        long product = fixture.standard("100.00");
        LinePricing.CheckedLine before = check(product, "100.00", "1", "0", true, TODAY.minusDays(1), null).orElseThrow();
        assertThat(before.check().outcome().verdict()).isEqualTo(PriceVerdict.AWAITING_GUIDE_PRICE);
        assertThat(before.check().ruleIds()).containsExactly("PRC-1", "PRC-3");
        assertThat(before.priceListId()).isNull();
    }

    @Test
    @DisplayName("PRC-3: a non-standard item takes the guide price of its answered quote request, and only that")
    void PRC3_nonStandardItemsArePricedByTheirAnsweredRequest() {
        long custom = fixture.product("CUSTOM");
        long other = fixture.product("CUSTOM");
        long customer = PricingFixture.customer(login("sales1"), PricingFixture.unique("询价客户"));
        long answered = request(customer, custom, "200.00");
        long open = request(customer, custom, null);

        LinePricing.CheckedLine none = check(custom, "200.00", "2", "0", true, TODAY, null).orElseThrow();
        assertThat(none.check().outcome().verdict()).isEqualTo(PriceVerdict.AWAITING_GUIDE_PRICE);
        assertThat(none.kind()).isEqualTo(ProductKind.NON_STANDARD);

        LinePricing.CheckedLine priced = check(custom, "190.00", "2", "0", true, TODAY, answered).orElseThrow();
        assertThat(priced.check().outcome().verdict()).isEqualTo(PriceVerdict.SPECIAL_PRICE);
        assertThat(priced.check().outcome().guidePrice()).isEqualByComparingTo("200.00");
        assertThat(priced.check().ruleIds()).containsExactly("PRC-3", "PRC-6");
        assertThat(priced.priceListId()).isNull();

        assertThat(check(custom, "200.00", "2", "0", true, TODAY, open).orElseThrow().check().outcome().verdict())
                .isEqualTo(PriceVerdict.AWAITING_GUIDE_PRICE);
        // a request for another product prices nothing
        assertThat(check(other, "200.00", "2", "0", true, TODAY, answered).orElseThrow().check().outcome().verdict())
                .isEqualTo(PriceVerdict.AWAITING_GUIDE_PRICE);
    }

    @Test
    @DisplayName("PRC-1: unknown and other-company products are empty; an inactive one says so for the caller to refuse")
    void PRC1_unknownForeignAndInactiveProducts() {
        assertThat(check(987_654_321L, "10.00", "1", "0", true, TODAY, null)).isEmpty();

        String foreign = userOfNewCompany("LP", RoleCode.MARKETING_DIRECTOR, "外司营销总监");
        Api other = Api.at(port).login(foreign, "Yewu@2026");
        long theirs = other.post("/api/products", java.util.Map.of("code", PricingFixture.unique("F"), "name", "外司电缆",
                "kind", "STANDARD", "unit", "米")).json().path("id").asLong();
        assertThat(check(theirs, "10.00", "1", "0", true, TODAY, null)).isEmpty();

        long product = fixture.standard("50.00");
        Api mktdir = login("mktdir");
        assertThat(mktdir.post("/api/products/" + product + "/deactivate", java.util.Map.of("version", 0)).status()).isEqualTo(200);
        LinePricing.CheckedLine inactive = check(product, "50.00", "1", "0", true, TODAY, null).orElseThrow();
        assertThat(inactive.active()).isFalse();
    }

    @ParameterizedTest(name = "PRC-9: P {0}, quantity {1}, x {2} is refused")
    @CsvSource({"0, 1, 0", "-1.00, 1, 0", "100.00, 0, 0", "100.00, -2, 0", "100.00, 1, 1", "100.00, 1, -0.1"})
    void PRC9_malformedLinesAreRefused(String p, String qty, String x) {
        long product = fixture.standard("100.00");
        assertThat(check(product, p, qty, x, true, TODAY, null).orElseThrow().check().outcome().verdict())
                .isEqualTo(PriceVerdict.REFUSED);
    }

    private long request(long customer, long product, String answer) {
        return asSystem(() -> jdbc.sql("""
                INSERT INTO quote_request (company_id, customer_id, product_id, quantity, requested_by, requested_at, due_at,
                                           status, guide_price, answered_at, settings_version)
                SELECT :c, :cust, :p, 1, u.id, now(), now() + interval '24 hours', :s, CAST(:g AS numeric), CASE WHEN :g IS NULL THEN NULL ELSE now() END, 0
                FROM app_user u WHERE u.username = 'sales1' RETURNING id""")
                .param("c", company).param("cust", customer).param("p", product)
                .param("s", answer == null ? "OPEN" : "ANSWERED").param("g", answer == null ? null : new BigDecimal(answer), java.sql.Types.NUMERIC)
                .query(Long.class).single());
    }
}
