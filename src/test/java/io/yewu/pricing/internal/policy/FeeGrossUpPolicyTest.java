package io.yewu.pricing.internal.policy;

import io.yewu.platform.settings.SettingsSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class FeeGrossUpPolicyTest {

    private final FeeGrossUpPolicy policy = new FeeGrossUpPolicy();

    @ParameterizedTest(name = "PRC-8: G {0}, x {1} -> P {2} (rounded up to the fen)")
    @CsvSource({"100.00, 0.05, 105.27", "100.00, 0, 100.00", "100.00, 0.10, 111.12", "99.99, 0.03, 103.09", "95.00, 0.05, 100.00"})
    void PRC8_grossUpPrice(BigDecimal g, BigDecimal x, BigDecimal p) {
        var d = policy.quotedPrice(g, x, PricingRules.defaults());
        assertThat(d.outcome()).isEqualByComparingTo(p);
        assertThat(d.ruleIds()).containsExactly("PRC-8");
        assertThat(d.hits().getFirst().inputs()).containsKeys("guidePrice", "feeShare", "quotedPrice");
    }

    @ParameterizedTest(name = "PRC-8: fee 52.60, order 1052.70, received {0}, payable after payment {1} -> payable now {2}")
    @CsvSource({"0, true, 0.00", "1052.69, true, 0.00", "1052.70, true, 52.60", "0, false, 52.60"})
    void PRC8_feePayableOnceTheCustomerHasPaid(BigDecimal received, boolean afterPayment, BigDecimal payable) {
        var rules = PricingRules.from(SettingsSnapshot.defaults().with(PricingSettings.FEE_PAYABLE_AFTER_PAYMENT, afterPayment));
        var d = policy.payableNow(new BigDecimal("52.60"), new BigDecimal("1052.70"), received, rules);
        assertThat(d.outcome()).isEqualByComparingTo(payable);
        assertThat(d.ruleIds()).containsExactly("PRC-8");
    }
}
