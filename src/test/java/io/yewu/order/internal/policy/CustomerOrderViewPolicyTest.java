package io.yewu.order.internal.policy;

import io.yewu.order.OrderState;
import io.yewu.order.internal.policy.CustomerOrderViewPolicy.PublicState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerOrderViewPolicyTest {

    @ParameterizedTest(name = "ORD-8b: {0}, shipped {1} -> customer sees {2}, expected {3}")
    @CsvSource({"DRAFT, '', '', ''", "SUBMITTED, '', PROCESSING, 2026-11-30", "AWAITING_APPROVAL, '', PROCESSING, 2026-11-30",
            "AWAITING_PAYMENT, '', PROCESSING, 2026-11-30", "RELEASED, '', PROCESSING, 2026-11-30",
            "SHIPPED, 2026-11-27, SHIPPED, 2026-11-27", "CLOSED, 2026-11-27, DELIVERED, 2026-11-27", "CANCELLED, '', CANCELLED, ''"})
    void ORD8b_customersSeeStateAndShipmentButNotInternalReasons(OrderState state, String shipped, String shown, String expected) {
        var d = new CustomerOrderViewPolicy().view(state, LocalDate.parse("2026-11-30"),
                shipped.isEmpty() ? null : LocalDate.parse(shipped), null, OrderRules.defaults());
        if (shown.isEmpty()) {
            assertThat(d.outcome()).isEmpty();
        } else {
            assertThat(d.outcome()).hasValueSatisfying(v -> {
                assertThat(v.state()).isEqualTo(PublicState.valueOf(shown));
                assertThat(v.expectedShipment()).isEqualTo(expected.isEmpty() ? null : LocalDate.parse(expected));
            });
        }
        assertThat(d.ruleIds()).containsExactly("ORD-8b");
    }
}
