package io.yewu.pricing.internal.policy;

import io.yewu.platform.security.RoleCode;
import io.yewu.pricing.ProductKind;
import io.yewu.pricing.internal.policy.GuidePricePolicy.ListedPrice;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class GuidePricePolicyTest {

    private final GuidePricePolicy policy = new GuidePricePolicy();
    private static final List<ListedPrice> LISTS = List.of(
            new ListedPrice(1, LocalDate.parse("2026-01-01"), true, new BigDecimal("100.00")),
            new ListedPrice(2, LocalDate.parse("2026-07-01"), true, new BigDecimal("110.00")),
            new ListedPrice(3, LocalDate.parse("2026-09-01"), false, new BigDecimal("130.00")));

    @ParameterizedTest(name = "PRC-2: standard product on {0} -> list {1}, guide {2}")
    @CsvSource({"2026-03-15, 1, 100.00", "2026-06-30, 1, 100.00", "2026-07-01, 2, 110.00", "2026-10-01, 2, 110.00"})
    void PRC2_approvedListInForceOnTheDay(LocalDate on, long list, BigDecimal guide) {
        var d = policy.guidePrice(ProductKind.STANDARD, LISTS, Optional.empty(), on, PricingRules.defaults());
        assertThat(d.outcome()).hasValueSatisfying(g -> {
            assertThat(g.priceListId()).isEqualTo(list);
            assertThat(g.price()).isEqualByComparingTo(guide);
        });
        assertThat(d.ruleIds()).containsExactly("PRC-2");
        assertThat(d.hits().getFirst().inputs()).containsKeys("priceListId", "effectiveFrom", "guidePrice", "on");
    }

    @ParameterizedTest(name = "PRC-1: {0} product, listed {1}, request answered {2} -> guide {3} by {4}")
    @CsvSource({
            "NON_STANDARD, false, 250.00, 250.00, PRC-3",
            "NON_STANDARD, false, ,       ,       PRC-1",
            "STANDARD,     false, 80.00,  80.00,  PRC-3",   // not on the list: priced on request
            "STANDARD,     false, ,       ,       PRC-1",
            "NON_STANDARD, true,  250.00, 250.00, PRC-3"})  // custom items never take a list price
    void PRC1_nonStandardItemsArePricedOnRequest(ProductKind kind, boolean listed, BigDecimal answer, BigDecimal expected, String rule) {
        var d = policy.guidePrice(kind, listed ? LISTS : List.of(), Optional.ofNullable(answer), LocalDate.parse("2026-08-01"), PricingRules.defaults());
        assertThat(d.outcome().map(GuidePricePolicy.GuidePrice::price).orElse(null)).isEqualTo(expected);
        assertThat(d.ruleIds()).containsExactly(rule);
    }

    @ParameterizedTest(name = "PRC-2: price list drafted by {0} -> approval steps {1}")
    @CsvSource({"MARKETING_DIRECTOR, GENERAL_MANAGER", "SALESPERSON, ''", "GENERAL_MANAGER, ''"})
    void PRC2_marketingDirectorDraftsGeneralManagerApproves(RoleCode drafter, String steps) {
        var d = policy.priceListApproval(drafter, PricingRules.defaults());
        assertThat(d.outcome()).isEqualTo(steps.isEmpty() ? List.of() : List.of(RoleCode.valueOf(steps)));
        assertThat(d.ruleIds()).containsExactly("PRC-2");
    }
}
