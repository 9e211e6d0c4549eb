package io.yewu.order.internal.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.CommissionPolicy;
import io.yewu.order.internal.policy.settlement.CommissionStatementPolicy;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.transfer.ExcelExport;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.pricing.LineMoney;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * COM-1 … COM-3: commission accrues on each receipt matched to an order, line by line, for the salesperson the
 * receipt is credited to; monthly statements; the marketing director approves (and so locks) a month. Accruals and
 * the approval take one company-wide advisory lock (shared / exclusive), so no accrual slips into a month while it
 * is being approved; the database trigger of V29 refuses any write into a locked month besides.
 */
@Service
class Commissions {

    record Accrual(long id, long salespersonId, String salespersonName, LocalDate month, LocalDate accruedOn,
                   long receiptId, String receiptReference, long orderId, String orderNumber, String customerName,
                   int lineNo, BigDecimal share, BigDecimal planRate, BigDecimal reduction, BigDecimal rate,
                   BigDecimal commission, String kind) {}

    record SalespersonTotal(long salespersonId, String salespersonName, BigDecimal receipts, BigDecimal commission, int accruals) {}

    record Statement(String month, boolean locked, Long approvedBy, Instant approvedAt, BigDecimal total,
                     List<SalespersonTotal> salespeople, List<Accrual> accruals) {}

    record MonthApproval(String month, long approvedBy, Instant approvedAt, BigDecimal total, int accruals,
                         Decision<Boolean> decision) {}

    private static final String LOCK = "SELECT count(*) FROM (SELECT pg_advisory_xact_lock%s(hashtextextended('commission-month', :c))) x";

    private final JdbcClient jdbc;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Settings settings;
    private final Clock clock;
    private final CommissionPolicy policy = new CommissionPolicy();
    private final CommissionStatementPolicy statements = new CommissionStatementPolicy();

    Commissions(JdbcClient jdbc, DecisionRecords decisions, AuditTrail audit, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.decisions = decisions;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    private record Line(int lineNo, BigDecimal amount, BigDecimal reduction) {}

    /**
     * COM-1: what one receipt match earns, line by line, for {@code salespersonId} (none when the receipt is credited
     * to no one, COM-3). Stored with the decision under the match.
     */
    void accrue(long companyId, long receiptId, long matchId, long orderId, Long salespersonId, LocalDate receivedOn,
                BigDecimal paidBefore, BigDecimal paidNow, SettingsSnapshot snapshot) {
        if (salespersonId == null) return;
        OrderRules rules = OrderRules.from(snapshot);
        BigDecimal planRate = snapshot.get(SettlementSettings.COMMISSION_BASE_RATE);
        List<Line> lines = jdbc.sql("""
                SELECT line_no, amount, commission_reduction AS reduction FROM sales_order_line
                WHERE company_id = :c AND order_id = :o ORDER BY line_no""")
                .param("c", companyId).param("o", orderId).query(Line.class).list();
        if (lines.isEmpty()) return;
        List<CommissionPolicy.PaidLine> paid = lines.stream()
                .map(l -> new CommissionPolicy.PaidLine(l.lineNo(), l.amount(), planRate, l.reduction())).toList();
        BigDecimal linesTotal = paid.stream().map(CommissionPolicy.PaidLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        // the lines are the order's total; should they ever fall short, commission is earned on the lines only
        BigDecimal before = paidBefore.min(linesTotal);
        BigDecimal now = paidBefore.add(paidNow).min(linesTotal).subtract(before);
        Decision<List<CommissionPolicy.Accrual>> accrued = policy.accrue(paid, before, now, rules);
        jdbc.sql(LOCK.formatted("_shared")).param("c", companyId).query(Long.class).single();
        Decision<YearMonth> month = statements.statementMonth(receivedOn, lockedMonths(companyId), rules);
        decisions.record("receipt-match", String.valueOf(matchId), "commission", accrued);
        decisions.record("receipt-match", String.valueOf(matchId), "commission-month", month);
        Map<Integer, Line> byNo = lines.stream().collect(Collectors.toMap(Line::lineNo, l -> l));
        for (CommissionPolicy.Accrual a : accrued.outcome()) {
            if (a.share().signum() == 0 && a.commission().signum() == 0) continue;
            insert(companyId, salespersonId, month.outcome(), receivedOn, receiptId, matchId, orderId, (int) a.lineId(),
                    a.share(), planRate, byNo.get((int) a.lineId()).reduction(), a.rate(), a.commission(), "RECEIPT");
        }
    }

    /**
     * ORD-8 with COM-1: a paid refund takes back what the order's receipts earned, into the month open on the refund
     * date (never into a locked month).
     */
    void clawBack(long companyId, long orderId, LocalDate paidOn, SettingsSnapshot snapshot) {
        OrderRules rules = OrderRules.from(snapshot);
        jdbc.sql(LOCK.formatted("_shared")).param("c", companyId).query(Long.class).single();
        Decision<YearMonth> month = statements.statementMonth(paidOn, lockedMonths(companyId), rules);
        record Earned(long salespersonId, long receiptId, int lineNo, BigDecimal planRate, BigDecimal reduction,
                      BigDecimal rate, BigDecimal share, BigDecimal commission) {}
        List<Earned> earned = jdbc.sql("""
                SELECT salesperson_id, min(receipt_id) AS receipt_id, line_no, min(plan_rate) AS plan_rate, min(reduction) AS reduction,
                       min(rate) AS rate, sum(share) AS share, sum(commission) AS commission
                FROM commission_accrual WHERE company_id = :c AND order_id = :o GROUP BY salesperson_id, line_no
                HAVING sum(commission) <> 0 OR sum(share) <> 0""")
                .param("c", companyId).param("o", orderId).query(Earned.class).list();
        decisions.record("sales-order-refund", String.valueOf(orderId), "commission-month", month);
        for (Earned e : earned) {
            insert(companyId, e.salespersonId(), month.outcome(), paidOn, e.receiptId(), null, orderId, e.lineNo(),
                    e.share().negate(), e.planRate(), e.reduction(), e.rate(), e.commission().negate(), "REFUND");
        }
    }

    private void insert(long companyId, long salespersonId, YearMonth month, LocalDate on, long receiptId, Long matchId,
                        long orderId, int lineNo, BigDecimal share, BigDecimal planRate, BigDecimal reduction,
                        BigDecimal rate, BigDecimal commission, String kind) {
        jdbc.sql("""
                INSERT INTO commission_accrual (company_id, salesperson_id, month, accrued_on, receipt_id, match_id, order_id,
                  line_no, share, plan_rate, reduction, rate, commission, kind)
                VALUES (:c, :s, :m, :on, :r, :match, :o, :line, :share, :plan, :red, :rate, :com, :kind)""")
                .param("c", companyId).param("s", salespersonId).param("m", month.atDay(1)).param("on", on)
                .param("r", receiptId).param("match", matchId, java.sql.Types.BIGINT).param("o", orderId)
                .param("line", lineNo).param("share", share).param("plan", planRate).param("red", reduction)
                .param("rate", rate).param("com", commission).param("kind", kind).update();
    }

    private Set<YearMonth> lockedMonths(long companyId) {
        return new HashSet<>(jdbc.sql("SELECT month FROM commission_month WHERE company_id = :c")
                .param("c", companyId).query(LocalDate.class).list().stream().map(YearMonth::from).toList());
    }

    static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("month", "month-format");
        }
    }

    /** The statement's accruals shown at most (the export holds up to {@link ListQuery#EXPORT_LIMIT}). */
    private static final int STATEMENT_ROWS = 5000;

    /**
     * The month's accruals in the reader's scope (optionally one salesperson's), as a CTE every statement query reads
     * first: a small set by the month index, then look-ups by primary key. The plan cannot turn into nested loops over
     * every order when the statistics lag behind a burst of writes (it took 78 s on a busy shared database before).
     */
    private record Scoped(String acc, String where, Map<String, Object> params) {}

    private static Scoped scoped(YewuPrincipal me, YearMonth month, Long salespersonId) {
        DataScope.Condition scope = DataScope.of(me, "a.company_id", "a.salesperson_id");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("m", month.atDay(1));
        String where = " WHERE " + scope.sql() + " AND a.month = :m";
        if (salespersonId != null) {
            where += " AND a.salesperson_id = :sp";
            params.put("sp", salespersonId);
        }
        return new Scoped("WITH acc AS MATERIALIZED (SELECT a.* FROM commission_accrual a" + where + ")\n", where, params);
    }

    /** COM-2: the month's accruals with order, receipt and rate reduction, by salesperson and date: statement and export. */
    private ListQuery<Accrual> accruals(Scoped scoped) {
        return new ListQuery<>(jdbc, Accrual.class, scoped.acc() + """
                SELECT a.id, a.salesperson_id, u.display_name AS salesperson_name, a.month, a.accrued_on, a.receipt_id,
                       r.reference AS receipt_reference, a.order_id, o.number AS order_number, c.name AS customer_name, a.line_no,
                       a.share, a.plan_rate, a.reduction, a.rate, a.commission, a.kind
                FROM acc a
                JOIN app_user u ON u.company_id = a.company_id AND u.id = a.salesperson_id
                JOIN receipt r ON r.company_id = a.company_id AND r.id = a.receipt_id
                JOIN sales_order o ON o.company_id = a.company_id AND o.id = a.order_id
                JOIN customer c ON c.company_id = o.company_id AND c.id = o.customer_id""",
                " FROM commission_accrual a" + scoped.where(), scoped.params(),
                "u.display_name, a.accrued_on, a.order_id, a.line_no, a.id");
    }

    private YearMonth monthOrNow(String monthText) {
        return month(monthText == null ? YearMonth.now(clock.withZone(io.yewu.platform.calendar.WorkCalendar.ZONE)).toString() : monthText);
    }

    /**
     * COM-2: a month's statement, every accrual with its order, receipt and rate reduction, and the totals per
     * salesperson. Within the reader's data scope over the salesperson: a salesperson sees only its own.
     */
    Statement statement(YewuPrincipal me, String monthText, Long salespersonId) {
        YearMonth month = monthOrNow(monthText);
        Scoped scoped = scoped(me, month, salespersonId);
        List<Accrual> accruals = accruals(scoped).first(STATEMENT_ROWS);
        List<SalespersonTotal> totals = jdbc.sql(scoped.acc() + """
                SELECT a.salesperson_id, min(u.display_name) AS salesperson_name, sum(a.share) AS receipts,
                       sum(a.commission) AS commission, count(*)::int AS accruals
                FROM acc a JOIN app_user u ON u.company_id = a.company_id AND u.id = a.salesperson_id
                GROUP BY a.salesperson_id ORDER BY min(u.display_name)""")
                .params(scoped.params()).query(SalespersonTotal.class).list();
        record Locked(long approvedBy, Instant approvedAt) {}
        Locked locked = jdbc.sql("SELECT approved_by, approved_at FROM commission_month WHERE company_id = :c AND month = :m")
                .param("c", me.companyId()).param("m", month.atDay(1)).query(Locked.class).optional().orElse(null);
        BigDecimal total = totals.stream().map(SalespersonTotal::commission).reduce(LineMoney.ZERO, BigDecimal::add);
        return new Statement(month.toString(), locked != null, locked == null ? null : locked.approvedBy(),
                locked == null ? null : locked.approvedAt(), total, totals, accruals);
    }

    /** COM-2: the statement's accruals as an xlsx, same month, salesperson and scope; rates in per cent as on the screen. */
    ResponseEntity<StreamingResponseBody> exportStatement(YewuPrincipal me, String monthText, Long salespersonId, Locale locale) {
        YearMonth month = monthOrNow(monthText);
        return accruals(scoped(me, month, salespersonId)).xlsx("提成明细-" + month, "commission-statement-" + month, locale, zh -> List.of(
                new ExcelExport.Column<>("业务员", "Salesperson", Accrual::salespersonName),
                new ExcelExport.Column<>("日期", "Date", Accrual::accruedOn),
                new ExcelExport.Column<>("订单", "Order", Accrual::orderNumber),
                new ExcelExport.Column<>("行", "Line", Accrual::lineNo),
                new ExcelExport.Column<>("客户", "Customer", Accrual::customerName),
                new ExcelExport.Column<>("回款流水号", "Receipt reference", Accrual::receiptReference),
                new ExcelExport.Column<>("回款份额", "Receipt share", Accrual::share),
                new ExcelExport.Column<>("方案比例（%）", "Plan rate (%)", a -> percent(a.planRate())),
                new ExcelExport.Column<>("特价降幅（%）", "Special-price reduction (%)", a -> percent(a.reduction())),
                new ExcelExport.Column<>("提成比例（%）", "Rate (%)", a -> percent(a.rate())),
                new ExcelExport.Column<>("提成", "Commission", Accrual::commission),
                new ExcelExport.Column<>("类别", "Kind", a -> SettlementWords.accrualKind(a.kind(), zh))));
    }

    /** A rate (0.0275) in per cent (2.75), at least two decimals. */
    private static BigDecimal percent(BigDecimal rate) {
        BigDecimal p = rate.movePointRight(2).stripTrailingZeros();
        return p.scale() < 2 ? p.setScale(2) : p;
    }

    /** COM-2: the marketing director approves the month's distribution, once; the month is then locked. */
    @Transactional
    MonthApproval approve(YewuPrincipal me, String monthText) {
        YearMonth month = month(monthText);
        if (month.isAfter(YearMonth.now(clock.withZone(io.yewu.platform.calendar.WorkCalendar.ZONE)))) {
            throw ProblemException.invalid("month", "commission-month-future");
        }
        jdbc.sql(LOCK.formatted("")).param("c", me.companyId()).query(Long.class).single();
        boolean already = jdbc.sql("SELECT count(*) FROM commission_month WHERE company_id = :c AND month = :m")
                .param("c", me.companyId()).param("m", month.atDay(1)).query(Long.class).single() > 0;
        OrderRules rules = OrderRules.from(settings.snapshotAt(clock.instant()));
        RoleCode role = me.hasRole(RoleCode.MARKETING_DIRECTOR) ? RoleCode.MARKETING_DIRECTOR : RoleCode.GENERAL_MANAGER;
        Decision<Boolean> may = statements.mayApprove(role, already, rules);
        decisions.record("commission-month", month.toString(), "approval", may);
        if (!may.outcome()) throw already ? ProblemException.conflict("commission-month-locked") : ProblemException.forbidden("commission-approver");
        record Sum(BigDecimal total, int accruals) {}
        Sum sum = jdbc.sql("SELECT coalesce(sum(commission), 0) AS total, count(*)::int AS accruals FROM commission_accrual WHERE company_id = :c AND month = :m")
                .param("c", me.companyId()).param("m", month.atDay(1)).query(Sum.class).single();
        Instant at = jdbc.sql("""
                INSERT INTO commission_month (company_id, month, approved_by, total, accruals) VALUES (:c, :m, :by, :t, :n)
                RETURNING approved_at""")
                .param("c", me.companyId()).param("m", month.atDay(1)).param("by", me.id()).param("t", sum.total())
                .param("n", sum.accruals()).query(Instant.class).single();
        audit.record("commission-month", month.toString(), "approve", Changes.of().created("month", month.toString())
                .created("total", sum.total()).created("accruals", sum.accruals()));
        return new MonthApproval(month.toString(), me.id(), at, sum.total(), sum.accruals(), may);
    }
}
