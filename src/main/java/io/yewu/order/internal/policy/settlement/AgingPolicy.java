package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;
import io.yewu.pricing.LineMoney;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.yewu.platform.decision.RuleHit.hit;

/**
 * RCV-3: receivables aging (not due, 1–30, 31–60, 61–90, over 90 days overdue, calendar days after the due date) and
 * reminders to the owner on the due date and every 7 days while overdue.
 */
public final class AgingPolicy {

    public enum Bucket { NOT_DUE, DAYS_1_30, DAYS_31_60, DAYS_61_90, OVER_90 }

    public record Receivable(LocalDate dueDate, BigDecimal open) {}

    public Bucket bucket(LocalDate dueDate, LocalDate today) {
        long overdue = ChronoUnit.DAYS.between(dueDate, today);
        if (overdue <= 0) return Bucket.NOT_DUE;
        if (overdue <= 30) return Bucket.DAYS_1_30;
        if (overdue <= 60) return Bucket.DAYS_31_60;
        if (overdue <= 90) return Bucket.DAYS_61_90;
        return Bucket.OVER_90;
    }

    /** The open amounts per bucket, every bucket present (zero when empty). */
    public Decision<Map<Bucket, BigDecimal>> age(List<Receivable> receivables, LocalDate today, OrderRules rules) {
        Map<Bucket, BigDecimal> totals = new EnumMap<>(Bucket.class);
        for (Bucket b : Bucket.values()) totals.put(b, LineMoney.ZERO);
        for (Receivable r : receivables) totals.merge(bucket(r.dueDate(), today), r.open(), BigDecimal::add);
        return Decision.of(Map.copyOf(totals), rules.settingsVersion(), hit("RCV-3",
                "应收帐龄：未到期、逾期1–30、31–60、61–90、90天以上", "Receivables aging: not due, 1–30, 31–60, 61–90, over 90 days overdue",
                "today", today, "receivables", receivables.size()));
    }

    public Decision<Boolean> remindToday(LocalDate dueDate, LocalDate today, OrderRules rules) {
        long overdue = ChronoUnit.DAYS.between(dueDate, today);
        boolean remind = overdue >= 0 && overdue % 7 == 0;
        return Decision.of(remind, rules.settingsVersion(), hit("RCV-3",
                overdue == 0 ? "应收款今日到期，提醒归属业务员" : remind ? "应收款逾期，每周提醒归属业务员" : "今日无需提醒",
                overdue == 0 ? "The receivable is due today: remind the owner" : remind ? "Overdue: weekly reminder to the owner" : "No reminder today",
                "dueDate", dueDate, "today", today, "daysOverdue", overdue));
    }
}
