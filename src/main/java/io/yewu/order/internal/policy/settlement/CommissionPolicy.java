package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;
import io.yewu.pricing.LineMoney;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * COM-1: commission accrues on receipts. The amount a receipt pays on an order is spread over its lines pro rata to
 * their amounts; each line earns its share × (plan rate − PRC-6 reduction, never below zero). Shares and commission
 * are rounded on the cumulative amounts paid, so every receipt's shares add up to what it paid on the order, and once
 * an order is paid in full each line has been paid exactly its amount and has earned exactly amount × rate, to the
 * fen (a line's share of one receipt may differ from the exact pro-rata figure by less than a fen).
 */
public final class CommissionPolicy {

    /** @param planRate the salesperson's plan rate for the product category (MKT-4), a fraction */
    public record PaidLine(long lineId, BigDecimal amount, BigDecimal planRate, BigDecimal reduction) {

        public BigDecimal rate() {
            BigDecimal r = planRate.subtract(reduction);
            return r.signum() < 0 ? BigDecimal.ZERO : r;
        }
    }

    public record Accrual(long lineId, BigDecimal share, BigDecimal rate, BigDecimal commission) {}

    /**
     * @param lines      the order's lines
     * @param paidBefore what earlier receipts paid on this order
     * @param paidNow    what this receipt pays on it (RCV-1)
     */
    public Decision<List<Accrual>> accrue(List<PaidLine> lines, BigDecimal paidBefore, BigDecimal paidNow, OrderRules rules) {
        BigDecimal total = lines.stream().map(PaidLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal after = paidBefore.add(paidNow);
        if (after.compareTo(total) > 0 || paidNow.signum() < 0) {
            throw new IllegalArgumentException("an order is paid at most its total");
        }
        List<BigDecimal> before = spread(lines, total, paidBefore);
        List<BigDecimal> now = spread(lines, total, after);
        List<Accrual> accruals = new ArrayList<>();
        BigDecimal sum = LineMoney.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            PaidLine l = lines.get(i);
            BigDecimal share = now.get(i).subtract(before.get(i));
            BigDecimal commission = LineMoney.fen(now.get(i).multiply(l.rate())).subtract(LineMoney.fen(before.get(i).multiply(l.rate())));
            accruals.add(new Accrual(l.lineId(), share, l.rate(), commission));
            sum = sum.add(commission);
        }
        return Decision.of(List.copyOf(accruals), rules.settingsVersion(), hit("COM-1",
                "提成按回款计提：各行回款份额 × （提成方案比例 − 特价降幅）",
                "Commission accrues on receipts: each line's share of the receipt × (plan rate − special-price reduction)",
                "orderTotal", total, "paidBefore", paidBefore, "paidNow", paidNow, "lines", lines.size(), "commission", sum));
    }

    /** The cumulative amount each line has been paid when the order has been paid {@code paid}: prefix sums, floored. */
    private static List<BigDecimal> spread(List<PaidLine> lines, BigDecimal total, BigDecimal paid) {
        List<BigDecimal> shares = new ArrayList<>();
        BigDecimal prefix = BigDecimal.ZERO;
        BigDecimal previous = LineMoney.ZERO;
        for (PaidLine l : lines) {
            prefix = prefix.add(l.amount());
            BigDecimal upTo = total.signum() == 0 ? LineMoney.ZERO
                    : paid.multiply(prefix).divide(total, 2, RoundingMode.FLOOR);
            shares.add(upTo.subtract(previous));
            previous = upTo;
        }
        return shares;
    }
}
