package io.yewu.order.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.security.RoleCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * ORD-5c: a credit order goes on hold when the customer's exposure with it exceeds the credit limit, or when any of
 * its receivables is overdue by more than N days; only the general manager releases a hold, with a reason. Exposure
 * counts outstanding receivables and the customer's other open credit orders not yet invoiced, so splitting an order
 * or reopening one cannot slip past the limit.
 */
public final class CreditHoldPolicy {

    /**
     * @param outstandingReceivables invoiced or shipped credit amounts not yet received
     * @param openCreditOrders       the customer's other credit orders submitted but not yet receivables
     * @param oldestOpenDueDate      the due date of the oldest unpaid receivable, null when there is none
     */
    public record Exposure(BigDecimal outstandingReceivables, BigDecimal openCreditOrders, LocalDate oldestOpenDueDate) {}

    public record Hold(boolean held, BigDecimal exposure, long daysOverdue) {}

    public Decision<Hold> decide(BigDecimal orderTotal, CustomerFacts customer, Exposure e, LocalDate today, OrderRules rules) {
        if (!customer.hasCredit()) {
            return Decision.of(new Hold(false, orderTotal, 0), rules.settingsVersion(),
                    hit("ORD-5c", "非帐期订单，不做信用额度检查", "Not a credit order: no credit-limit check", "total", orderTotal));
        }
        BigDecimal exposure = e.outstandingReceivables().add(e.openCreditOrders()).add(orderTotal);
        long overdue = e.oldestOpenDueDate() == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(e.oldestOpenDueDate(), today));
        List<RuleHit> hits = new ArrayList<>();
        BigDecimal limit = customer.credit().limit();
        if (limit == null || exposure.compareTo(limit) > 0) {
            hits.add(hit("ORD-5c", "应收余额加本单超过信用额度：冻结，须总经理说明理由放行",
                    "Receivables plus this order exceed the credit limit: on hold until the general manager releases it with a reason",
                    "outstandingReceivables", e.outstandingReceivables(), "openCreditOrders", e.openCreditOrders(),
                    "total", orderTotal, "exposure", exposure, "creditLimit", limit));
        }
        if (overdue > rules.creditHoldOverdueDays()) {
            hits.add(hit("ORD-5c", "有应收款逾期超过规定天数：冻结，须总经理说明理由放行",
                    "A receivable is overdue by more than the set days: on hold until the general manager releases it with a reason",
                    "oldestOpenDueDate", e.oldestOpenDueDate(), "today", today, "daysOverdue", overdue,
                    "holdOverdueDays", rules.creditHoldOverdueDays()));
        }
        if (!hits.isEmpty()) return new Decision<>(new Hold(true, exposure, overdue), hits, rules.settingsVersion());
        return Decision.of(new Hold(false, exposure, overdue), rules.settingsVersion(), hit("ORD-5c",
                "在信用额度内且无超期应收款", "Within the credit limit and nothing overdue beyond the set days",
                "exposure", exposure, "creditLimit", limit, "daysOverdue", overdue, "holdOverdueDays", rules.creditHoldOverdueDays()));
    }

    /** Only the general manager releases a hold, and only with a reason. */
    public Decision<Boolean> mayRelease(RoleCode releaser, String reason, OrderRules rules) {
        boolean gm = releaser == RoleCode.GENERAL_MANAGER;
        boolean hasReason = reason != null && !reason.isBlank();
        boolean ok = gm && hasReason;
        return Decision.of(ok, rules.settingsVersion(), hit("ORD-5c",
                ok ? "总经理说明理由放行信用冻结" : !gm ? "只有总经理可以放行信用冻结" : "放行信用冻结须说明理由",
                ok ? "The general manager releases the credit hold with a reason"
                        : !gm ? "Only the general manager may release a credit hold" : "Releasing a credit hold needs a reason",
                "releaser", releaser, "reasonGiven", hasReason));
    }
}
