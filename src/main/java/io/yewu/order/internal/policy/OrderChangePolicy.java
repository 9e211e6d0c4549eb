package io.yewu.order.internal.policy;

import io.yewu.order.OrderState;
import io.yewu.order.WarehouseStage;
import io.yewu.platform.decision.Decision;
import io.yewu.pricing.LineMoney;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

import static io.yewu.order.OrderState.*;
import static io.yewu.platform.decision.RuleHit.hit;

/**
 * ORD-1 state changes and ORD-8 changes and cancellations by warehouse stage. Every allowed change re-runs all
 * checks (the order returns to SUBMITTED), is confirmed to the customer and notifies the warehouse at once.
 */
public final class OrderChangePolicy {

    private static final Map<OrderState, Set<OrderState>> NEXT = Map.of(
            DRAFT, Set.of(SUBMITTED, CANCELLED),
            SUBMITTED, Set.of(AWAITING_APPROVAL, AWAITING_PAYMENT, RELEASED, CANCELLED),
            AWAITING_APPROVAL, Set.of(AWAITING_PAYMENT, RELEASED, SUBMITTED, CANCELLED),
            AWAITING_PAYMENT, Set.of(RELEASED, SUBMITTED, CANCELLED),
            RELEASED, Set.of(SHIPPED, SUBMITTED, CANCELLED),
            SHIPPED, Set.of(DELIVERED),
            DELIVERED, Set.of(CLOSED),
            CLOSED, Set.of(),
            CANCELLED, Set.of());

    public Decision<Boolean> mayMove(OrderState from, OrderState to, OrderRules rules) {
        boolean ok = NEXT.get(from).contains(to);
        return Decision.of(ok, rules.settingsVersion(), hit("ORD-1",
                ok ? "订单状态可以这样变化" : "订单状态不能这样变化（发货后不能取消）",
                ok ? "The order may move to this state" : "The order cannot move to this state (no cancellation after shipment)",
                "from", from, "to", to));
    }

    public enum Route {
        /** Not printed yet: change or cancel at once, all checks re-run. */
        FREE,
        /** Printed or packed: the warehouse retrieves delivery note and parcel and restocks first. */
        WAREHOUSE_TAKES_BACK,
        /** Shipped: only a return or an after-sales ticket. */
        AFTER_SALES_ONLY,
        /** Closed or cancelled: nothing to change. */
        NONE
    }

    /** @param refund what finance pays back on cancellation: all that was received (prepayment, deposit) */
    public record Outcome(Route route, boolean recheck, BigDecimal refund) {}

    /**
     * @param cancel   a cancellation rather than a change
     * @param received receipts matched to the order so far
     */
    public Decision<Outcome> change(OrderState state, WarehouseStage stage, boolean cancel, BigDecimal received, OrderRules rules) {
        long v = rules.settingsVersion();
        if (state == CLOSED || state == CANCELLED) {
            return Decision.of(new Outcome(Route.NONE, false, LineMoney.ZERO), v, hit("ORD-8",
                    "订单已关闭或已取消，不能再变更", "The order is closed or cancelled: it cannot change", "state", state));
        }
        if (!state.beforeShipment() || stage == WarehouseStage.SHIPPED) {
            return Decision.of(new Outcome(Route.AFTER_SALES_ONLY, false, LineMoney.ZERO), v, hit("ORD-8",
                    "已发货：只能办理退货或售后工单", "Shipped: only a return or an after-sales ticket", "state", state, "stage", stage));
        }
        BigDecimal refund = cancel ? received : LineMoney.ZERO;
        boolean inWarehouse = stage == WarehouseStage.PRINTED || stage == WarehouseStage.PACKED;
        Route route = inWarehouse ? Route.WAREHOUSE_TAKES_BACK : Route.FREE;
        return Decision.of(new Outcome(route, !cancel, refund), v, hit("ORD-8",
                inWarehouse ? "已打单或已打包：仓库先取回发货单、快递单和包裹并入库，再变更或取消"
                        : "尚未打单：可直接变更或取消，变更后重新检查",
                inWarehouse ? "Printed or packed: the warehouse retrieves delivery note and parcel and restocks before the change"
                        : "Not printed yet: change or cancel freely; a change re-runs all checks",
                "state", state, "stage", stage, "cancel", cancel, "received", received, "refund", refund));
    }
}
