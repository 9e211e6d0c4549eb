package io.yewu.order.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.RoleCode;

import java.math.BigDecimal;
import java.util.List;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * ORD-5a, ORD-5b, ORD-5d: who confirms a credit order before shipment, on the total including tax. Cash orders
 * (pay before shipment or on delivery) need no confirmation.
 */
public final class CreditApprovalPolicy {

    private static final RoleCode BM = RoleCode.BUSINESS_MANAGER;
    private static final RoleCode GM = RoleCode.GENERAL_MANAGER;

    public Decision<List<RoleCode>> steps(BigDecimal total, CustomerFacts customer, OrderRules rules) {
        long v = rules.settingsVersion();
        if (!customer.hasCredit()) {
            return Decision.of(List.of(), v, hit("ORD-5a", "非帐期订单，无需帐期审批", "Not a credit order: no credit approval", "total", total));
        }
        if (customer.newCustomer()) {
            boolean both = total.compareTo(rules.newCustomerCreditFrom()) >= 0;
            return Decision.of(both ? List.of(BM, GM) : List.of(), v, hit("ORD-5b",
                    both ? "新客户帐期订单达到金额：业务经理确认后再由总经理确认" : "新客户帐期订单未达到确认金额",
                    both ? "New customer on credit at or above the amount: business manager, then general manager"
                            : "New customer on credit below the amount: no confirmation",
                    "total", total, "newCustomerCreditFrom", rules.newCustomerCreditFrom()));
        }
        if (total.compareTo(rules.creditGeneralManagerAbove()) > 0) {
            return Decision.of(rules.creditLadderBoth() ? List.of(BM, GM) : List.of(GM), v, hit("ORD-5a",
                    rules.creditLadderBoth() ? "帐期订单超过总经理金额：业务经理与总经理依次确认" : "帐期订单超过总经理金额：由总经理确认（代替业务经理）",
                    rules.creditLadderBoth() ? "Credit order above the general manager's amount: business manager, then general manager"
                            : "Credit order above the general manager's amount: the general manager confirms (instead)",
                    "total", total, "generalManagerAbove", rules.creditGeneralManagerAbove(), "ladderBoth", rules.creditLadderBoth()));
        }
        boolean bm = total.compareTo(rules.creditManagerAbove()) > 0;
        return Decision.of(bm ? List.of(BM) : List.of(), v, hit("ORD-5a",
                bm ? "帐期订单超过经理金额：发货前须业务经理确认" : "帐期订单未超过确认金额",
                bm ? "Credit order above the manager's amount: the business manager confirms before shipment"
                        : "Credit order not above the amount: no confirmation",
                "total", total, "managerAbove", rules.creditManagerAbove()));
    }

    /**
     * ORD-5d with PLT-3: an approval covers the total it approved. Any rise voids it and the ladder runs again on the
     * new total (which may need no one); a fall keeps it.
     */
    public Decision<Boolean> approvalHolds(BigDecimal approvedTotal, BigDecimal newTotal, OrderRules rules) {
        boolean holds = newTotal.compareTo(approvedTotal) <= 0;
        return Decision.of(holds, rules.settingsVersion(), hit("ORD-5d",
                holds ? "订单金额未增加，原审批仍然有效" : "已审批订单金额增加，原审批作废，按新金额重新审批",
                holds ? "The total did not rise: the approval still holds"
                        : "The approved order's total rose: the approval is void and the ladder runs again on the new total",
                "approvedTotal", approvedTotal, "total", newTotal));
    }
}
