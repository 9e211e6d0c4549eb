package io.yewu.pricing.internal.policy;

import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.pricing.PriceCheck;
import io.yewu.pricing.PriceLine;
import io.yewu.pricing.PriceVerdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PriceCheckPolicyTest {

    private static final BigDecimal G = new BigDecimal("100.00");
    private static final BigDecimal BASE = new BigDecimal("0.03");
    private final PriceCheckPolicy policy = new PriceCheckPolicy();
    private final PricingRules rules = PricingRules.defaults();

    private PriceCheck check(boolean vat, String x, String p) {
        return policy.check(new PriceLine(G, new BigDecimal(p), new BigDecimal(x), vat, BigDecimal.ONE), rules).outcome();
    }

    @ParameterizedTest(name = "PRC-4…8 worked example {0}: VAT invoice {1}, x {2}, P {3} -> N {4}, {5}, s {6}, commission {7}")
    @CsvSource({
            "a, true,  0,    100.00, 100.00, OK,            0,    0.03",
            "b, false, 0,    95.00,  95.00,  OK,            0,    0.03",
            "c, true,  0,    95.00,  95.00,  SPECIAL_PRICE, 0.05, 0.025",
            "d, false, 0,    90.00,  90.00,  SPECIAL_PRICE, 0.04, 0.026",
            "e, true,  0,    89.99,  89.99,  REFUSED,       ,     ",
            "f, true,  0.05, 105.27, 100.01, OK,            0,    0.03"})
    void workedExamples(String example, boolean vat, String x, String p, BigDecimal n, PriceVerdict verdict,
                        BigDecimal s, BigDecimal commission) {
        PriceCheck c = check(vat, x, p);
        assertThat(c.netPrice()).isEqualByComparingTo(n);
        assertThat(c.verdict()).isEqualTo(verdict);
        if (s != null) {
            assertThat(c.specialDiscount()).isEqualByComparingTo(s);
            assertThat(c.commissionRate(BASE)).isEqualByComparingTo(commission);
        }
    }

    @Test
    void PRC8_workedExampleF_booksTheFeeAsExpense() {
        PriceCheck c = policy.check(new PriceLine(G, new BigDecimal("105.27"), new BigDecimal("0.05"), true, new BigDecimal("10")), rules).outcome();
        assertThat(c.feePerUnit()).isEqualByComparingTo("5.26");
        assertThat(c.feeExpense()).isEqualByComparingTo("52.60");
    }

    @ParameterizedTest(name = "PRC-4: VAT invoice, P {0} -> {1}")
    @CsvSource({"100.00, OK", "100.01, OK", "250.00, OK", "99.99, SPECIAL_PRICE"})
    void PRC4_guidePriceNeedsNoApproval(String p, PriceVerdict expected) {
        var d = policy.check(new PriceLine(G, new BigDecimal(p), BigDecimal.ZERO, true, BigDecimal.ONE), rules);
        assertThat(d.outcome().verdict()).isEqualTo(expected);
        assertThat(d.ruleIds()).containsExactly(expected == PriceVerdict.OK ? "PRC-4" : "PRC-6");
    }

    @ParameterizedTest(name = "PRC-5: no VAT invoice, N {0} (0.94 G = 94.00) -> {1}, s {2}")
    @CsvSource({"94.00, OK, 0", "94.01, OK, 0", "93.99, SPECIAL_PRICE, 0.0001", "99.00, OK, 0"})
    void PRC5_noVatAllowance(String p, PriceVerdict expected, BigDecimal s) {
        PriceCheck c = check(false, "0", p);
        assertThat(c.verdict()).isEqualTo(expected);
        assertThat(c.allowance()).isEqualByComparingTo("0.06");
        assertThat(c.specialDiscount()).isEqualByComparingTo(s);
    }

    @ParameterizedTest(name = "PRC-6: VAT invoice {0}, P {1}, plan rate {2} -> s {3}, reduction {4}, rate {5}")
    @CsvSource({
            "true,  97.50, 0.03,  0.025,  0.0025, 0.0275",  // s = 2.5 % -> -0.25 pt
            "true,  95.00, 0.03,  0.05,   0.005,  0.025",
            "false, 92.00, 0.03,  0.02,   0.002,  0.028",
            "true,  90.00, 0.03,  0.10,   0.01,   0.02",
            "true,  90.00, 0.005, 0.10,   0.01,   0",      // never below zero
            "true,  99.99, 0.03,  0.0001, 0.00001, 0.02999"})
    void PRC6_specialPriceLowersCommissionProRata(boolean vat, String p, BigDecimal plan, BigDecimal s,
                                                  BigDecimal reduction, BigDecimal rate) {
        PriceCheck c = check(vat, "0", p);
        assertThat(c.verdict()).isEqualTo(PriceVerdict.SPECIAL_PRICE);
        assertThat(c.specialDiscount()).isEqualByComparingTo(s);
        assertThat(c.commissionReduction()).isEqualByComparingTo(reduction);
        assertThat(c.commissionRate(plan)).isEqualByComparingTo(rate);
    }

    @ParameterizedTest(name = "PRC-7: VAT invoice {0}, N {1} (0.90 G = 90.00) -> {2}")
    @CsvSource({"true, 90.00, SPECIAL_PRICE", "true, 89.99, REFUSED", "false, 90.00, SPECIAL_PRICE",
            "false, 89.99, REFUSED", "true, 1.00, REFUSED"})
    void PRC7_hardFloor(boolean vat, String p, PriceVerdict expected) {
        var d = policy.check(new PriceLine(G, new BigDecimal(p), BigDecimal.ZERO, vat, BigDecimal.ONE), rules);
        assertThat(d.outcome().verdict()).isEqualTo(expected);
        assertThat(d.outcome().verdict().saveable()).isEqualTo(expected != PriceVerdict.REFUSED);
        if (expected == PriceVerdict.REFUSED) assertThat(d.ruleIds()).containsExactly("PRC-7");
    }

    @ParameterizedTest(name = "PRC-7: hard floor setting {0}, N 89.99 -> {1}")
    @CsvSource({"0.90, REFUSED", "0.85, SPECIAL_PRICE", "0.8999, SPECIAL_PRICE"})
    void PRC7_floorIsASetting(BigDecimal floor, PriceVerdict expected) {
        PricingRules changed = PricingRules.from(SettingsSnapshot.defaults().with(PricingSettings.HARD_FLOOR, floor));
        var d = policy.check(new PriceLine(G, new BigDecimal("89.99"), BigDecimal.ZERO, true, BigDecimal.ONE), changed);
        assertThat(d.outcome().verdict()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PRC-8: x {0}, P {1} -> F {2}, N {3}, {4}")
    @CsvSource({
            "0.05, 105.27, 5.26, 100.01, OK",
            "0.05, 105.26, 5.26, 100.00, OK",
            "0.05, 105.25, 5.26, 99.99,  SPECIAL_PRICE",   // F = 5.2625 -> 5.26
            "0.05, 94.74,  4.74, 90.00,  SPECIAL_PRICE",
            "0.05, 94.73,  4.74, 89.99,  REFUSED",
            "0.10, 111.12, 11.11, 100.01, OK"})
    void PRC8_checksApplyToTheNetPrice(String x, String p, BigDecimal fee, BigDecimal n, PriceVerdict expected) {
        PriceCheck c = check(true, x, p);
        assertThat(c.feePerUnit()).isEqualByComparingTo(fee);
        assertThat(c.netPrice()).isEqualByComparingTo(n);
        assertThat(c.verdict()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "PRC-8: malformed line x {0}, P {1}, quantity {2} -> refused")
    @CsvSource({"1, 100.00, 1", "-0.01, 100.00, 1", "0, 0, 1", "0, 100.00, 0"})
    void PRC8_malformedLinesAreRefused(String x, String p, String qty) {
        var d = policy.check(new PriceLine(G, new BigDecimal(p), new BigDecimal(x), true, new BigDecimal(qty)), rules);
        assertThat(d.outcome().verdict()).isEqualTo(PriceVerdict.REFUSED);
    }

    static Stream<Arguments> grossUpGrid() {
        List<Arguments> rows = new ArrayList<>();
        for (String g : List.of("0.01", "1.00", "9.99", "99.99", "100.00", "123.45", "8888.88"))
            for (String x : List.of("0", "0.01", "0.03", "0.05", "0.075", "0.10", "0.2", "0.333"))
                rows.add(Arguments.of(new BigDecimal(g), new BigDecimal(x)));
        return rows.stream();
    }

    @ParameterizedTest(name = "PRC-8: gross-up of G {0} with x {1} keeps N at G or a fen above")
    @MethodSource("grossUpGrid")
    void PRC8_grossUpKeepsTheNetPrice(BigDecimal g, BigDecimal x) {
        BigDecimal p = new FeeGrossUpPolicy().quotedPrice(g, x, rules).outcome();
        PriceCheck c = policy.check(new PriceLine(g, p, x, true, BigDecimal.ONE), rules).outcome();
        assertThat(c.netPrice()).isBetween(g, g.add(new BigDecimal("0.01")));
        assertThat(c.verdict()).isEqualTo(PriceVerdict.OK);
    }

    @ParameterizedTest(name = "PRC-3: no guide price, P {0} -> awaiting a guide price")
    @CsvSource({"50.00", "1000.00"})
    void PRC3_lineWithoutGuidePriceWaits(String p) {
        var d = policy.check(new PriceLine(null, new BigDecimal(p), BigDecimal.ZERO, true, BigDecimal.ONE), rules);
        assertThat(d.outcome().verdict()).isEqualTo(PriceVerdict.AWAITING_GUIDE_PRICE);
        assertThat(d.outcome().verdict().saveable()).isTrue();
        assertThat(d.ruleIds()).containsExactly("PRC-3");
    }

    @ParameterizedTest(name = "PRC-9: special price approved at N {0}, edited to N {1}, guide {2} -> approval holds {3}")
    @CsvSource({"95.00, 95.00, 100.00, true", "95.00, 96.00, 100.00, true", "95.00, 94.99, 100.00, false",
            "95.00, 95.00, 101.00, false"})
    void PRC9_anApprovalCoversThePriceItApproved(String approvedP, String newP, String newG, boolean holds) {
        PriceCheck approved = check(true, "0", approvedP);
        PriceCheck now = policy.check(new PriceLine(new BigDecimal(newG), new BigDecimal(newP), BigDecimal.ZERO, true, BigDecimal.ONE), rules).outcome();
        var d = policy.approvalHolds(approved, now, rules);
        assertThat(d.outcome()).isEqualTo(holds);
        assertThat(d.ruleIds()).containsExactly("PRC-9");
    }

    @Test
    void PRC6_hitsCarryTheRuleIdTheInputsAndTheSettingsVersion() {
        SettingsSnapshot snapshot = new SettingsSnapshot(42, java.util.Map.of());
        var d = policy.check(new PriceLine(G, new BigDecimal("95.00"), BigDecimal.ZERO, true, BigDecimal.ONE), PricingRules.from(snapshot));
        assertThat(d.settingsVersion()).isEqualTo(42);
        assertThat(d.hits()).singleElement().satisfies(h -> {
            assertThat(h.ruleId()).isEqualTo("PRC-6");
            assertThat(h.zh()).contains("特价");
            assertThat(h.en()).contains("Special price");
            assertThat(h.inputs()).containsKeys("guidePrice", "netPrice", "allowance", "specialDiscount", "commissionReduction");
            assertThat(h.inputs().get("netPrice")).isEqualTo(new BigDecimal("95.00"));
        });
    }
}
