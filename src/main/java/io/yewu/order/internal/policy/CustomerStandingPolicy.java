package io.yewu.order.internal.policy;

import io.yewu.platform.decision.Decision;

import static io.yewu.platform.decision.RuleHit.hit;

/** ORD-2: a customer is new (首次合作) until its first order has been delivered and fully paid. */
public final class CustomerStandingPolicy {

    /** @param anOrderDeliveredAndPaid whether one of the customer's orders is both delivered and fully paid */
    public Decision<Boolean> isNew(boolean anOrderDeliveredAndPaid, OrderRules rules) {
        boolean isNew = !anOrderDeliveredAndPaid;
        return Decision.of(isNew, rules.settingsVersion(), hit("ORD-2",
                isNew ? "新客户：尚无已送达且已付清的订单" : "老客户：已有订单送达并付清",
                isNew ? "New customer: no order delivered and fully paid yet" : "Existing customer: an order was delivered and fully paid",
                "orderDeliveredAndPaid", anOrderDeliveredAndPaid));
    }
}
