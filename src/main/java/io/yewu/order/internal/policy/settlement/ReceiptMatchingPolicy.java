package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;
import io.yewu.pricing.LineMoney;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * RCV-1: a receipt is matched to the customer's open orders, oldest first (by due date, then order date, then id) or
 * in the order finance chose; no order gets more than it still owes; the rest stays on account.
 */
public final class ReceiptMatchingPolicy {

    /** @param dueDate null for an order not yet due (e.g. pay on delivery not yet delivered): sorts after dated ones */
    public record OpenOrder(long orderId, LocalDate orderDate, LocalDate dueDate, BigDecimal open) {}

    public record Allocation(long orderId, BigDecimal amount) {}

    public record Matching(List<Allocation> allocations, BigDecimal onAccount) {}

    /** @param chosen order ids in the order finance chose; empty for oldest first */
    public Decision<Matching> match(BigDecimal receipt, List<OpenOrder> open, List<Long> chosen, OrderRules rules) {
        List<OpenOrder> sequence;
        if (chosen.isEmpty()) {
            sequence = open.stream().sorted(Comparator
                    .comparing(OpenOrder::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(OpenOrder::orderDate).thenComparing(OpenOrder::orderId)).toList();
        } else {
            Map<Long, OpenOrder> byId = open.stream().collect(Collectors.toMap(OpenOrder::orderId, Function.identity()));
            sequence = chosen.stream().map(byId::get).filter(o -> o != null).toList();
        }
        BigDecimal left = LineMoney.fen(receipt);
        List<Allocation> allocations = new ArrayList<>();
        for (OpenOrder o : sequence) {
            if (left.signum() <= 0) break;
            BigDecimal take = left.min(o.open());
            if (take.signum() <= 0) continue;
            allocations.add(new Allocation(o.orderId(), take));
            left = left.subtract(take);
        }
        return Decision.of(new Matching(List.copyOf(allocations), left), rules.settingsVersion(), hit("RCV-1",
                chosen.isEmpty() ? "回款按最早到期的订单依次核销，余额挂客户帐上" : "回款按财务选定的订单核销，余额挂客户帐上",
                chosen.isEmpty() ? "The receipt is matched oldest first; the rest stays on account"
                        : "The receipt is matched to the orders finance chose; the rest stays on account",
                "receipt", receipt, "openOrders", open.size(), "chosen", chosen, "matched", allocations.size(), "onAccount", left));
    }
}
