package io.yewu.order.internal.policy;

import io.yewu.order.OrderState;
import io.yewu.order.WarehouseStage;
import io.yewu.order.internal.policy.OrderChangePolicy.Route;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class OrderChangePolicyTest {

    private final OrderChangePolicy policy = new OrderChangePolicy();

    @ParameterizedTest(name = "ORD-1: {0} -> {1} allowed {2}")
    @CsvSource({"DRAFT, SUBMITTED, true", "SUBMITTED, AWAITING_APPROVAL, true", "SUBMITTED, AWAITING_PAYMENT, true",
            "AWAITING_APPROVAL, RELEASED, true", "AWAITING_PAYMENT, RELEASED, true", "RELEASED, SHIPPED, true",
            "SHIPPED, DELIVERED, true", "DELIVERED, CLOSED, true", "RELEASED, CANCELLED, true", "DRAFT, CANCELLED, true",
            "SHIPPED, CANCELLED, false", "DELIVERED, CANCELLED, false", "DRAFT, RELEASED, false",
            "AWAITING_APPROVAL, SHIPPED, false", "CANCELLED, SUBMITTED, false", "CLOSED, SUBMITTED, false",
            "RELEASED, SUBMITTED, true"})
    void ORD1_orderStates(OrderState from, OrderState to, boolean allowed) {
        var d = policy.mayMove(from, to, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(allowed);
        assertThat(d.ruleIds()).containsExactly("ORD-1");
    }

    @ParameterizedTest(name = "ORD-8: {0} at warehouse stage {1}, cancel {2}, received {3} -> {4}, recheck {5}, refund {6}")
    @CsvSource({
            "SUBMITTED, NOT_PRINTED, false, 0,       FREE,                 true,  0",
            "RELEASED,  NOT_PRINTED, true,  1000.00, FREE,                 false, 1000.00",
            "RELEASED,  PRINTED,     false, 0,       WAREHOUSE_TAKES_BACK, true,  0",
            "RELEASED,  PACKED,      true,  1200.00, WAREHOUSE_TAKES_BACK, false, 1200.00",
            "RELEASED,  SHIPPED,     true,  1000.00, AFTER_SALES_ONLY,     false, 0",
            "SHIPPED,   SHIPPED,     false, 0,       AFTER_SALES_ONLY,     false, 0",
            "DELIVERED, SHIPPED,     true,  0,       AFTER_SALES_ONLY,     false, 0",
            "CANCELLED, NOT_PRINTED, false, 0,       NONE,                 false, 0"})
    void ORD8_changesByWarehouseStage(OrderState state, WarehouseStage stage, boolean cancel, BigDecimal received,
                                      Route route, boolean recheck, BigDecimal refund) {
        var d = policy.change(state, stage, cancel, received, OrderRules.defaults());
        assertThat(d.outcome().route()).isEqualTo(route);
        assertThat(d.outcome().recheck()).isEqualTo(recheck);
        assertThat(d.outcome().refund()).isEqualByComparingTo(refund);
        assertThat(d.ruleIds()).containsExactly("ORD-8");
        assertThat(d.hits().getFirst().inputs()).containsKeys("state");
    }
}
