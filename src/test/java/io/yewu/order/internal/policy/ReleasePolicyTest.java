package io.yewu.order.internal.policy;

import io.yewu.order.PaymentMode;
import io.yewu.order.internal.policy.ReleasePolicy.Condition;
import io.yewu.order.internal.policy.ReleasePolicy.Facts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ReleasePolicyTest {

    @ParameterizedTest(name = "ORD-6: {0}, pending approvals {1}, hold {2}, total {3}, deposit {4}, received {5} -> unmet [{6}]")
    @CsvSource({
            "PAY_BEFORE_SHIPMENT, 0, false, 1000.00, 0,       1000.00, ''",
            "PAY_BEFORE_SHIPMENT, 0, false, 1000.00, 0,       999.99,  PREPAYMENT",
            "PAY_ON_DELIVERY,     0, false, 10000.00, 1200.00, 1200.00, ''",
            "PAY_ON_DELIVERY,     0, false, 10000.00, 1200.00, 1199.99, DEPOSIT",
            "PAY_ON_DELIVERY,     0, false, 10000.00, 0,       0,       ''",
            "CREDIT,              1, false, 30000.00, 0,       0,       APPROVALS",
            "CREDIT,              0, true,  30000.00, 0,       0,       CREDIT_HOLD",
            "CREDIT,              2, true,  30000.00, 900.00,  0,       APPROVALS CREDIT_HOLD DEPOSIT",
            "CREDIT,              0, false, 30000.00, 900.00,  900.00,  ''"})
    void ORD6_releasedOnlyWhenConditionsHold(PaymentMode mode, int pending, boolean hold, BigDecimal total, BigDecimal deposit,
                                            BigDecimal received, String unmet) {
        var d = new ReleasePolicy().unmet(new Facts(pending, hold, mode, total, deposit, received), OrderRules.defaults());
        Set<Condition> expected = unmet.isBlank() ? Set.of() : Arrays.stream(unmet.split(" ")).map(Condition::valueOf).collect(Collectors.toSet());
        assertThat(d.outcome()).isEqualTo(expected);
        assertThat(d.hits()).hasSize(Math.max(1, expected.size()));
    }
}
