package io.yewu.pricing.internal.policy;

import io.yewu.pricing.PriceVerdict;
import io.yewu.pricing.internal.policy.QuotePolicy.Action;
import io.yewu.pricing.internal.policy.QuotePolicy.Line;
import io.yewu.pricing.internal.policy.QuotePolicy.Quote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class QuotePolicyTest {

    private static final LocalDate ISSUED = LocalDate.parse("2026-11-02");
    private final QuotePolicy policy = new QuotePolicy();

    private static Line line(PriceVerdict v, boolean approved) {
        return new Line(v, approved, new BigDecimal("113.00"));
    }

    @ParameterizedTest(name = "PRC-9: second line {0} (approved {1}), {2} -> allowed {3}")
    @CsvSource({
            "OK, false, SAVE, true", "OK, false, SEND, true",
            "SPECIAL_PRICE, false, SAVE, true", "SPECIAL_PRICE, false, SEND, false", "SPECIAL_PRICE, false, CONVERT, false",
            "SPECIAL_PRICE, true, SEND, true", "SPECIAL_PRICE, true, CONVERT, true",
            "REFUSED, false, SAVE, false", "REFUSED, true, SEND, false",
            "AWAITING_GUIDE_PRICE, false, SAVE, true", "AWAITING_GUIDE_PRICE, false, SEND, false"})
    void PRC9_refusedLinesCannotBeSavedSpecialPricesWaitForApproval(PriceVerdict second, boolean approved, Action action, boolean allowed) {
        Quote q = new Quote(1, 1, ISSUED, true, List.of(line(PriceVerdict.OK, false), line(second, approved)));
        var d = policy.allows(action, q, ISSUED.plusDays(1), PricingRules.defaults());
        assertThat(d.outcome()).isEqualTo(allowed);
        assertThat(d.ruleIds()).isNotEmpty();
        if (allowed) assertThat(d.ruleIds()).containsExactly("PRC-11");
    }

    @ParameterizedTest(name = "PRC-10: version {0} of {1}, accepted {2}, converted on day +{3} -> allowed {4}")
    @CsvSource({"2, 2, true, 0, true", "2, 2, true, 30, true", "2, 2, true, 31, false", "1, 2, true, 5, false",
            "2, 2, false, 5, false"})
    void PRC10_theAcceptedNewestVersionConvertsWithinItsValidity(int version, int newest, boolean accepted, int day, boolean allowed) {
        Quote q = new Quote(version, newest, ISSUED, accepted, List.of(line(PriceVerdict.OK, false)));
        var d = policy.allows(Action.CONVERT, q, ISSUED.plusDays(day), PricingRules.defaults());
        assertThat(d.outcome()).isEqualTo(allowed);
        if (!allowed) assertThat(d.ruleIds()).contains("PRC-10");
    }

    @Test
    void PRC10_validityAndTaxInclusiveTotals() {
        assertThat(policy.validUntil(ISSUED, PricingRules.defaults())).isEqualTo(LocalDate.parse("2026-12-02"));
        var totals = policy.totals(List.of(new Line(PriceVerdict.OK, false, new BigDecimal("113.00")),
                new Line(PriceVerdict.OK, false, new BigDecimal("100.00"))), PricingRules.defaults());
        assertThat(totals.total()).isEqualByComparingTo("213.00");
        assertThat(totals.tax()).isEqualByComparingTo("24.50"); // 13.00 + 11.50, line by line (PLT-8)
    }

    @Test
    void PRC10_aQuoteWithoutLinesCannotBeSent() {
        var d = policy.allows(Action.SEND, new Quote(1, 1, ISSUED, false, List.of()), ISSUED, PricingRules.defaults());
        assertThat(d.outcome()).isFalse();
        assertThat(d.ruleIds()).containsExactly("PRC-10");
    }
}
