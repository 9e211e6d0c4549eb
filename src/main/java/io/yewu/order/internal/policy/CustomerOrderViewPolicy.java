package io.yewu.order.internal.policy;

import io.yewu.order.OrderState;
import io.yewu.platform.decision.Decision;

import java.time.LocalDate;
import java.util.Optional;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * ORD-8b: what a customer (or an agent answering one) sees of an order. Internal reasons — approvals, credit
 * holds — show only as "processing"; drafts are not shown at all.
 */
public final class CustomerOrderViewPolicy {

    public enum PublicState { PROCESSING, SHIPPED, DELIVERED, CANCELLED }

    /** @param expectedShipment the promised ship-by date while not yet shipped (ORD-7), else the shipment date; none when cancelled */
    public record View(PublicState state, LocalDate expectedShipment, LocalDate shippedOn, LocalDate deliveredOn) {}

    public Decision<Optional<View>> view(OrderState state, LocalDate shipBy, LocalDate shippedOn, LocalDate deliveredOn,
                                         OrderRules rules) {
        PublicState shown = switch (state) {
            case DRAFT -> null;
            case SUBMITTED, AWAITING_APPROVAL, AWAITING_PAYMENT, RELEASED -> PublicState.PROCESSING;
            case SHIPPED -> PublicState.SHIPPED;
            case DELIVERED, CLOSED -> PublicState.DELIVERED;
            case CANCELLED -> PublicState.CANCELLED;
        };
        Optional<View> view = Optional.ofNullable(shown)
                .map(s -> new View(s, s == PublicState.CANCELLED ? null : shippedOn != null ? shippedOn : shipBy, shippedOn, deliveredOn));
        return Decision.of(view, rules.settingsVersion(), hit("ORD-8b",
                "客户可实时查询订单状态、发货和预计发货日期；内部审批原因不对外显示",
                "The customer sees the order's state, shipment and expected date; internal approval reasons stay internal",
                "state", state, "shown", shown, "shipBy", shipBy, "shippedOn", shippedOn));
    }
}
