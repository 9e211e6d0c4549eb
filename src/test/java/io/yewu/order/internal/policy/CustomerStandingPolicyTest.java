package io.yewu.order.internal.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerStandingPolicyTest {

    @ParameterizedTest(name = "ORD-2: {0} orders delivered and fully paid -> new {1}")
    @CsvSource({"0, true", "1, false", "12, false"})
    void ORD2_newUntilTheFirstOrderIsDeliveredAndPaid(long done, boolean isNew) {
        var d = new CustomerStandingPolicy().isNew(done, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(isNew);
        assertThat(d.ruleIds()).containsExactly("ORD-2");
        assertThat(d.hits().getFirst().inputs()).containsEntry("ordersDeliveredAndPaid", done);
    }
}
