package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.RoleCode;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * COM-2: a monthly statement per salesperson; the salesperson sees only its own; the marketing director approves
 * the month's distribution, after which the month is locked. An accrual dated in a locked month (a late receipt
 * entry) goes to the next open month, so an approved statement never changes.
 */
public final class CommissionStatementPolicy {

    public Decision<YearMonth> statementMonth(LocalDate accrualDate, Set<YearMonth> lockedMonths, OrderRules rules) {
        YearMonth month = YearMonth.from(accrualDate);
        YearMonth target = month;
        while (lockedMonths.contains(target)) target = target.plusMonths(1);
        boolean moved = !target.equals(month);
        return Decision.of(target, rules.settingsVersion(), hit("COM-2",
                moved ? "该月提成已审批锁定，计入下一个未锁定的月份" : "计入当月提成明细",
                moved ? "That month is approved and locked: the accrual goes to the next open month" : "Goes to the month's statement",
                "accrualDate", accrualDate, "month", month, "statementMonth", target));
    }

    /** Only the marketing director approves, once; an approved month is locked. */
    public Decision<Boolean> mayApprove(RoleCode approver, boolean alreadyApproved, OrderRules rules) {
        boolean ok = approver == RoleCode.MARKETING_DIRECTOR && !alreadyApproved;
        return Decision.of(ok, rules.settingsVersion(), hit("COM-2",
                ok ? "营销总监审批当月提成分配，审批后锁定" : alreadyApproved ? "该月提成已审批锁定" : "只有营销总监可以审批提成分配",
                ok ? "The marketing director approves the month's distribution; it is then locked"
                        : alreadyApproved ? "The month is already approved and locked" : "Only the marketing director approves the distribution",
                "approver", approver, "alreadyApproved", alreadyApproved));
    }

    /**
     * A salesperson sees only its own statement; roles beyond salesperson see statements within their data scope
     * (PLT-5), which the query applies.
     */
    public Decision<Boolean> mayView(long viewerId, Set<RoleCode> viewerRoles, long salespersonId, OrderRules rules) {
        boolean onlySales = viewerRoles.stream().allMatch(r -> r == RoleCode.SALESPERSON);
        boolean ok = viewerId == salespersonId || !onlySales && !viewerRoles.isEmpty();
        return Decision.of(ok, rules.settingsVersion(), hit("COM-2",
                ok ? "可以查看该提成明细" : "业务员只能查看自己的提成明细",
                ok ? "May see this statement" : "A salesperson sees only its own statement",
                "viewer", viewerId, "salesperson", salespersonId, "roles", viewerRoles));
    }
}
