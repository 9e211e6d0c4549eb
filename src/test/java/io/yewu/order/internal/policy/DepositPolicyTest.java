package io.yewu.order.internal.policy;

import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.pricing.ProductKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DepositPolicyTest {

    @ParameterizedTest(name = "ORD-4: standard {0}, custom {1}, share {2} -> deposit {3}")
    @CsvSource({"6000.00, 4000.00, 0.30, 1200.00", "10000.00, 0, 0.30, 0.00", "0, 333.33, 0.30, 100.00",
            "0, 0.05, 0.30, 0.02", "0, 1000.00, 0.50, 500.00", "500.00, 1000.00, 0, 0.00"})
    void ORD4_customLinesNeedADeposit(BigDecimal standard, BigDecimal custom, BigDecimal share, BigDecimal deposit) {
        var rules = OrderRules.from(SettingsSnapshot.defaults().with(OrderSettings.DEPOSIT_SHARE, share));
        var d = new DepositPolicy().deposit(List.of(new OrderLine(ProductKind.STANDARD, standard),
                new OrderLine(ProductKind.NON_STANDARD, custom)), rules);
        assertThat(d.outcome()).isEqualByComparingTo(deposit);
        assertThat(d.ruleIds()).containsExactly("ORD-4");
        assertThat(d.hits().getFirst().inputs()).containsKeys("customLinesAmount", "depositShare", "deposit");
    }
}
