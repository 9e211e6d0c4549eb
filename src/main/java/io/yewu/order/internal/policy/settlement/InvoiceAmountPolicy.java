package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;
import io.yewu.pricing.LineMoney;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * INV-2: an invoice covers one or more orders; each order's invoices add up to at most its total. Tax per PLT-8,
 * computed on each order's share (the invoice line) and summed, so that amount = net + tax to the fen.
 */
public final class InvoiceAmountPolicy {

    public record Share(long orderId, BigDecimal orderTotal, BigDecimal alreadyInvoiced, BigDecimal amount) {}

    public record Amounts(BigDecimal amount, BigDecimal tax, BigDecimal net) {}

    public Decision<Optional<Amounts>> amounts(List<Share> shares, OrderRules rules) {
        List<RuleHit> refusals = new ArrayList<>();
        BigDecimal amount = LineMoney.ZERO;
        BigDecimal tax = LineMoney.ZERO;
        if (shares.isEmpty()) refusals.add(hit("INV-2", "发票须至少覆盖一个订单", "An invoice covers at least one order"));
        for (Share s : shares) {
            BigDecimal left = s.orderTotal().subtract(s.alreadyInvoiced());
            if (s.amount().signum() <= 0 || s.amount().scale() > 2 && LineMoney.fen(s.amount()).compareTo(s.amount()) != 0
                    || s.amount().compareTo(left) > 0) {
                refusals.add(hit("INV-2", "订单开票金额不能超过未开票余额", "An order's invoices add up to at most its total",
                        "orderId", s.orderId(), "orderTotal", s.orderTotal(), "alreadyInvoiced", s.alreadyInvoiced(),
                        "amount", s.amount(), "left", left));
            }
            amount = amount.add(LineMoney.fen(s.amount()));
            tax = tax.add(LineMoney.taxIncluded(s.amount(), rules.vatRate()));
        }
        if (!refusals.isEmpty()) return new Decision<>(Optional.empty(), refusals, rules.settingsVersion());
        return Decision.of(Optional.of(new Amounts(amount, tax, amount.subtract(tax))), rules.settingsVersion(), hit("INV-2",
                "发票金额与税额按订单逐行计算（四舍五入到分）", "Invoice amount and tax, order by order, half-up to the fen",
                "orders", shares.size(), "amount", amount, "tax", tax, "vatRate", rules.vatRate()));
    }
}
