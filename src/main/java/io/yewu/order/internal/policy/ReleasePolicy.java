package io.yewu.order.internal.policy;

import io.yewu.order.PaymentMode;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static io.yewu.platform.decision.RuleHit.hit;

/** ORD-6: an order goes to the warehouse only when approvals are complete, prepayment and deposit received. */
public final class ReleasePolicy {

    public enum Condition { APPROVALS, CREDIT_HOLD, PREPAYMENT, DEPOSIT }

    /**
     * @param pendingApprovals approval steps not yet approved (ORD-5)
     * @param creditHold       an unreleased ORD-5c hold
     * @param received         receipts matched to the order so far
     */
    public record Facts(int pendingApprovals, boolean creditHold, PaymentMode mode, BigDecimal total,
                        BigDecimal deposit, BigDecimal received) {}

    /** The conditions still unmet; empty means release. */
    public Decision<Set<Condition>> unmet(Facts f, OrderRules rules) {
        Set<Condition> unmet = EnumSet.noneOf(Condition.class);
        List<RuleHit> hits = new ArrayList<>();
        if (f.pendingApprovals() > 0) {
            unmet.add(Condition.APPROVALS);
            hits.add(hit("ORD-6", "审批未完成", "Approvals are not complete", "pendingApprovals", f.pendingApprovals()));
        }
        if (f.creditHold()) {
            unmet.add(Condition.CREDIT_HOLD);
            hits.add(hit("ORD-5c", "信用冻结尚未由总经理放行", "The credit hold has not been released by the general manager"));
        }
        if (f.mode() == PaymentMode.PAY_BEFORE_SHIPMENT && f.received().compareTo(f.total()) < 0) {
            unmet.add(Condition.PREPAYMENT);
            hits.add(hit("ORD-6", "款到发货：货款尚未付清", "Pay before shipment: not yet paid in full",
                    "total", f.total(), "received", f.received()));
        }
        if (f.deposit().signum() > 0 && f.received().compareTo(f.deposit()) < 0) {
            unmet.add(Condition.DEPOSIT);
            hits.add(hit("ORD-4", "定制产品定金尚未收到", "The deposit for custom lines has not been received",
                    "deposit", f.deposit(), "received", f.received()));
        }
        if (hits.isEmpty()) {
            hits.add(hit("ORD-6", "放行条件均已满足，订单交仓库，送货上门", "All conditions hold: released to the warehouse, delivered to the door",
                    "mode", f.mode(), "total", f.total(), "deposit", f.deposit(), "received", f.received()));
        }
        return new Decision<>(Set.copyOf(unmet), hits, rules.settingsVersion());
    }
}
