package io.yewu.order.internal.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.AgingPolicy;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.CompanyJob;
import io.yewu.platform.settings.Settings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RCV-3: every morning at 08:30, per company, the owner of each open receivable is reminded on its due date and
 * every 7 days after it while unpaid. A reminder is stored per receivable and period (the due date, then each
 * 7-day step), so a rerun or a late catch-up never repeats one and a missed day still reminds once in its period.
 */
@Component
class ReceivableReminderJob implements CompanyJob {

    private final JdbcClient jdbc;
    private final Settings settings;
    private final DecisionRecords decisions;
    private final Notifier notifier;
    private final AgingPolicy policy = new AgingPolicy();

    ReceivableReminderJob(JdbcClient jdbc, Settings settings, DecisionRecords decisions, Notifier notifier) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.decisions = decisions;
        this.notifier = notifier;
    }

    @Override
    public String name() {
        return "settlement.receivable-reminders";
    }

    @Override
    public String cron() {
        return "0 30 8 * * *";
    }

    private record Sent(long orderId, LocalDate periodStart, long ownerId, BigDecimal openAmount, String number,
                        LocalDate dueOn, String customerName) {}

    @Override
    public void run(long companyId, Instant occurrence) {
        LocalDate today = LocalDate.ofInstant(occurrence, WorkCalendar.ZONE);
        OrderRules rules = OrderRules.from(settings.snapshotAt(occurrence));
        List<Sent> sent = jdbc.sql("""
                WITH ins AS (
                  INSERT INTO receivable_reminder (company_id, order_id, period_start, owner_id, open_amount)
                  SELECT o.company_id, o.id, o.due_on + 7 * ((CAST(:today AS date) - o.due_on) / 7), o.owner_id, o.total - o.paid_amount
                  FROM sales_order o
                  WHERE o.company_id = :c AND o.paid_amount < o.total AND o.state NOT IN ('CANCELLED', 'DRAFT') AND o.due_on <= :today
                  ON CONFLICT DO NOTHING
                  RETURNING order_id, period_start, owner_id, open_amount)
                SELECT ins.order_id, ins.period_start, ins.owner_id, ins.open_amount, o.number, o.due_on, c.name AS customer_name
                FROM ins JOIN sales_order o ON o.company_id = :c AND o.id = ins.order_id
                JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id
                ORDER BY ins.order_id""")
                .param("c", companyId).param("today", today).query(Sent.class).list();
        Map<String, Decision<Boolean>> byOrder = new LinkedHashMap<>();
        for (Sent s : sent) {
            Decision<Boolean> why = policy.remindToday(s.dueOn(), s.periodStart(), rules);
            byOrder.put(s.orderId() + "", why);
            long days = s.periodStart().toEpochDay() - s.dueOn().toEpochDay();
            String open = s.openAmount().toPlainString();
            notifier.notify(s.ownerId(), "receivable.reminder",
                    days == 0 ? "应收款今日到期：" + s.number() : "应收款逾期" + days + "天：" + s.number(),
                    days == 0 ? "Receivable due today: " + s.number() : "Receivable " + days + " days overdue: " + s.number(),
                    s.customerName() + " 未收 " + open + " 元，到期日 " + s.dueOn(),
                    s.customerName() + " owes " + open + " yuan, due " + s.dueOn(), "/receivables");
        }
        if (!byOrder.isEmpty()) decisions.recordAll("sales-order", "receivable-reminder", byOrder);
    }
}
