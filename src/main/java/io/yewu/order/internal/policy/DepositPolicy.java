package io.yewu.order.internal.policy;

import io.yewu.platform.decision.Decision;
import io.yewu.pricing.LineMoney;

import java.math.BigDecimal;
import java.util.List;

import static io.yewu.platform.decision.RuleHit.hit;

/** ORD-4: custom (non-standard) lines need a deposit of a share of their amount before production, for every customer. */
public final class DepositPolicy {

    public Decision<BigDecimal> deposit(List<OrderLine> lines, OrderRules rules) {
        BigDecimal custom = lines.stream().filter(OrderLine::custom).map(OrderLine::amount).reduce(LineMoney.ZERO, BigDecimal::add);
        BigDecimal deposit = LineMoney.fen(custom.multiply(rules.depositShare()));
        return Decision.of(deposit, rules.settingsVersion(), hit("ORD-4",
                deposit.signum() > 0 ? "定制产品须在投产前交纳定金" : "没有定制产品行，无需定金",
                deposit.signum() > 0 ? "Custom lines need a deposit before production starts" : "No custom lines: no deposit",
                "customLinesAmount", custom, "depositShare", rules.depositShare(), "deposit", deposit));
    }
}
