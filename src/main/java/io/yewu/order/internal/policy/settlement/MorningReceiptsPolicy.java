package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;
import io.yewu.pricing.LineMoney;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * RCV-4: yesterday's receipts per salesperson for the morning board (TEAM-6: "张三到帐3000"), largest first.
 * Receipts credited to no one (COM-3) do not appear; dates are Asia/Shanghai business dates.
 */
public final class MorningReceiptsPolicy {

    public record CreditedReceipt(Long salespersonId, String name, LocalDate receivedOn, BigDecimal amount) {}

    public record BoardLine(long salespersonId, String name, BigDecimal amount, String zh, String en) {}

    public Decision<List<BoardLine>> yesterday(List<CreditedReceipt> receipts, LocalDate today, OrderRules rules) {
        LocalDate yesterday = today.minusDays(1);
        Map<Long, BigDecimal> sums = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>();
        for (CreditedReceipt r : receipts) {
            if (r.salespersonId() == null || !r.receivedOn().equals(yesterday)) continue;
            sums.merge(r.salespersonId(), r.amount(), BigDecimal::add);
            names.putIfAbsent(r.salespersonId(), r.name());
        }
        List<BoardLine> lines = sums.entrySet().stream().map(e -> {
            BigDecimal amount = LineMoney.fen(e.getValue());
            String shown = amount.remainder(BigDecimal.ONE).signum() == 0 ? amount.setScale(0).toPlainString() : amount.toPlainString();
            String name = names.get(e.getKey());
            return new BoardLine(e.getKey(), name, amount, name + "到帐" + shown, name + " received " + shown);
        }).sorted(Comparator.comparing(BoardLine::amount).reversed().thenComparing(BoardLine::name)).toList();
        return Decision.of(lines, rules.settingsVersion(), hit("RCV-4", "晨会看板：昨日各业务员到帐",
                "Morning board: yesterday's receipts per salesperson", "date", yesterday, "salespeople", lines.size()));
    }
}
