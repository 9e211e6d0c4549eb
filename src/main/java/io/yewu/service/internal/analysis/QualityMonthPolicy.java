package io.yewu.service.internal.analysis;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * SVC-10: the monthly service-quality analysis drawn from the shift logs. When the job produces it (the previous
 * month's, on the due day of the month in force or on the first run after it, unless it is stored already) and what
 * it points out to the service director.
 */
public final class QualityMonthPolicy {

    /** Tickets past their promise above this share of the month's tickets are called out. */
    public static final BigDecimal OVERDUE_CEILING = new BigDecimal("0.05");
    /** A QC average rate under this is called out. */
    public static final BigDecimal QC_FLOOR = new BigDecimal("0.85");

    /** @param month the month analysed; {@code produce} whether the run should produce it now */
    public record Due(YearMonth month, LocalDate dueDate, boolean produce) {}

    /** A QC item the month's inspections scored lowest, with its names in both languages. */
    public record WeakItem(String zh, String en, BigDecimal averageRate) {}

    /** One agent with tickets past their promise. */
    public record AgentOverdue(String name, long overdue) {}

    /**
     * The month in figures: tickets received, closed, past their promise, escalated; rostered shifts (day × shift)
     * and those with a shift log; QC inspections and their average rate (null without any); the weak items.
     */
    public record Facts(YearMonth month, long received, long closed, long overdue, long escalated, int shiftsRostered,
                        int shiftsLogged, int inspections, BigDecimal qcAverageRate, List<WeakItem> weakItems,
                        List<AgentOverdue> agentsOverdue) {}

    public record Finding(String code, String zh, String en) {}

    /** Is the previous month's analysis due at a run on {@code today}, with the due day in force? */
    public Decision<Due> due(LocalDate today, long dueDay, boolean stored, long settingsVersion) {
        YearMonth month = YearMonth.from(today).minusMonths(1);
        LocalDate dueDate = YearMonth.from(today).atDay((int) Math.min(Math.max(dueDay, 1), 28));
        boolean produce = !stored && !today.isBefore(dueDate);
        String why = stored ? "已生成" : produce ? "今日生成" : "未到报送日";
        String whyEn = stored ? "already produced" : produce ? "produced today" : "not due yet";
        return Decision.of(new Due(month, dueDate, produce), settingsVersion, RuleHit.hit("SVC-10",
                month + " 月度服务质量分析须于 " + dueDate + " 前报送客服主任：" + why + "。",
                "The " + month + " service-quality analysis is due to the service director by " + dueDate + ": " + whyEn + ".",
                "today", today, "dueDay", dueDay, "stored", stored));
    }

    /** What the month's figures point out, each finding with its reason. */
    public Decision<List<Finding>> findings(Facts f, long settingsVersion) {
        List<Finding> out = new ArrayList<>();
        List<RuleHit> hits = new ArrayList<>();
        int unlogged = Math.max(0, f.shiftsRostered() - f.shiftsLogged());
        if (unlogged > 0) {
            out.add(new Finding("shift-log", "排班的 " + f.shiftsRostered() + " 个班次中有 " + unlogged + " 个没有值班日志：交接内容可能缺失。",
                    unlogged + " of " + f.shiftsRostered() + " rostered shifts have no shift log: handovers may be missing."));
        }
        BigDecimal overdueRate = AnalysisPolicy.rate(f.overdue(), f.received());
        if (overdueRate != null && overdueRate.compareTo(OVERDUE_CEILING) > 0) {
            String who = f.agentsOverdue().isEmpty() ? "" : f.agentsOverdue().getFirst().name();
            out.add(new Finding("overdue", "超时工单占 " + pct(overdueRate) + "，高于 5%" + (who.isEmpty() ? "" : "，最多的是" + who) + "：检查排班与座席分配。",
                    "Tickets past their promise are " + pct(overdueRate) + ", above 5 %" + (who.isEmpty() ? "" : ", most with " + who)
                            + ": check the roster and the seats."));
        }
        if (f.escalated() > 0) {
            out.add(new Finding("escalated", f.escalated() + " 张工单升级：在质量分析会上逐一说明原因。",
                    f.escalated() + " tickets were escalated: explain each at the quality meeting."));
        }
        if (f.qcAverageRate() != null && f.qcAverageRate().compareTo(QC_FLOOR) < 0) {
            out.add(new Finding("qc-average", "质检平均得分率 " + pct(f.qcAverageRate()) + "，低于 85%：安排培训。",
                    "The QC average rate is " + pct(f.qcAverageRate()) + ", below 85 %: plan training."));
        }
        if (!f.weakItems().isEmpty()) {
            WeakItem w = f.weakItems().getFirst();
            out.add(new Finding("qc-common", "质检常见问题：" + String.join("、", f.weakItems().stream().map(WeakItem::zh).toList())
                    + "（最低为" + w.zh() + " " + pct(w.averageRate()) + "）：在班前点名点评中讲评。",
                    "Common QC findings: " + String.join(", ", f.weakItems().stream().map(WeakItem::en).toList())
                            + " (lowest " + w.en() + " " + pct(w.averageRate()) + "): present them at the roll calls."));
            hits.add(RuleHit.hit("QC-3", "质检常见问题取本月得分率最低的评分项。", "Common QC findings are the items the month's inspections scored lowest.",
                    "items", f.weakItems().size()));
        }
        if (f.received() == 0 && f.shiftsRostered() == 0 && f.inspections() == 0) {
            out.add(new Finding("empty", "本月没有工单、排班和质检记录。", "The month has no tickets, roster or inspections."));
        }
        hits.addFirst(RuleHit.hit("SVC-10", "月度服务质量分析：值班日志、工单（受理、办结、超时、升级）与质检。",
                "Monthly service-quality analysis: shift logs, tickets (received, closed, overdue, escalated) and QC.",
                "month", f.month(), "received", f.received(), "closed", f.closed(), "overdue", f.overdue(), "escalated", f.escalated(),
                "shiftsRostered", f.shiftsRostered(), "shiftsLogged", f.shiftsLogged(), "inspections", f.inspections(),
                "qcAverageRate", f.qcAverageRate(), "overdueRate", overdueRate));
        return new Decision<>(List.copyOf(out), hits, settingsVersion);
    }

    private static String pct(BigDecimal rate) {
        return rate.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
