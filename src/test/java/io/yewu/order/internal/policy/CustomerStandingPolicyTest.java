package io.yewu.order.internal.policy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerStandingPolicyTest {

    @ParameterizedTest(name = "ORD-2: an order delivered and fully paid {0} -> new {1}")
    @CsvSource({"false, true", "true, false"})
    void ORD2_newUntilTheFirstOrderIsDeliveredAndPaid(boolean done, boolean isNew) {
        var d = new CustomerStandingPolicy().isNew(done, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(isNew);
        assertThat(d.ruleIds()).containsExactly("ORD-2");
        assertThat(d.hits().getFirst().inputs()).containsEntry("orderDeliveredAndPaid", done);
    }
}
