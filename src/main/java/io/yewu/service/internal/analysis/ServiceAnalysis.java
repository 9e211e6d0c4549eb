package io.yewu.service.internal.analysis;

import io.yewu.order.OrderDirectory;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;

/**
 * SVC-9 weekly satisfaction analysis (stored, reopened, exported), SVC-5 monthly complaint analysis and SVC-10
 * daily / weekly statistics per agent, all read from the tickets and return visits of V34.
 */
@Service
class ServiceAnalysis {

    record Count(String key, long count) {}

    record Group(String key, String name, long visits, long satisfied, long unsolved, long tickets) {}

    record Topic(String text, long count) {}

    record Weekly(LocalDate weekStart, LocalDate weekEnd, long ticketsReceived, long visitsDue, long visitsDone,
                  BigDecimal visitRate, List<Count> satisfaction, long unsolved, long unreachable, List<Group> byType,
                  List<Group> byDepartment, List<Topic> suggestions, List<Topic> needs, List<Topic> hotTopics,
                  Decision<List<AnalysisPolicy.Finding>> findings) {}

    record ReportSummary(long id, String kind, LocalDate periodStart, LocalDate periodEnd, Instant producedAt) {}

    record Report(ReportSummary report, JsonNode content) {}

    record MonthRow(String month, long complaints, long closed, BigDecimal averageHoursToClose) {}

    record ComplaintAnalysis(String month, long complaints, long closed, BigDecimal averageHoursToClose,
                             List<Count> byCause, List<Count> bySeverity, List<Group> byDepartment, List<MonthRow> trend) {}

    record AgentStats(long agentId, String agentName, long tickets, long phoneCalls, long inquiries, long lookups,
                      long proactive, long open, long overdue) {}

    /** @param publicLookups order-status look-ups customers made themselves on the public page (no agent) */
    record Statistics(LocalDate from, LocalDate to, List<AgentStats> agents, long publicLookups) {}

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final String WEEKLY = "WEEKLY_SATISFACTION";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final DecisionRecords decisions;
    private final Notifier notifier;
    private final UserDirectory users;
    private final OrderDirectory orders;
    private final Clock clock;
    private final AnalysisPolicy policy = new AnalysisPolicy();

    ServiceAnalysis(JdbcClient jdbc, DecisionRecords decisions, Notifier notifier, UserDirectory users, OrderDirectory orders,
                    Clock clock) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.decisions = decisions;
        this.notifier = notifier;
        this.users = users;
        this.clock = clock;
    }

    private static java.sql.Timestamp at(LocalDate day) {
        return java.sql.Timestamp.from(day.atStartOfDay(SHANGHAI).toInstant());
    }

    /** SVC-9: the analysis of the week starting {@code monday} (Asia/Shanghai), over the whole company. */
    Weekly weekly(long companyId, LocalDate monday) {
        LocalDate end = monday.plusDays(7);
        Map<String, Object> p = Map.of("c", companyId, "from", at(monday), "to", at(end));
        record Visits(long due, long done, long unsolved, long unreachable, long satisfied, long rated) {}
        Visits v = jdbc.sql("""
                SELECT count(*) FILTER (WHERE due_at >= :from AND due_at < :to) AS due,
                       count(*) FILTER (WHERE due_at >= :from AND due_at < :to AND state IN ('SOLVED', 'NOT_SOLVED')) AS done,
                       count(*) FILTER (WHERE closed_at >= :from AND closed_at < :to AND state = 'NOT_SOLVED') AS unsolved,
                       count(*) FILTER (WHERE closed_at >= :from AND closed_at < :to AND state IN ('UNREACHABLE', 'WRONG_CONTACT')) AS unreachable,
                       count(*) FILTER (WHERE closed_at >= :from AND closed_at < :to AND satisfaction >= 4) AS satisfied,
                       count(*) FILTER (WHERE closed_at >= :from AND closed_at < :to AND satisfaction IS NOT NULL) AS rated
                FROM return_visit WHERE company_id = :c AND ((due_at >= :from AND due_at < :to) OR (closed_at >= :from AND closed_at < :to))""")
                .params(p).query(Visits.class).single();
        List<Count> satisfaction = jdbc.sql("""
                SELECT s::text AS key, (SELECT count(*) FROM return_visit WHERE company_id = :c AND closed_at >= :from
                  AND closed_at < :to AND satisfaction = s) AS count FROM generate_series(5, 1, -1) s""")
                .params(p).query(Count.class).list();
        long received = jdbc.sql("SELECT count(*) FROM ticket WHERE company_id = :c AND received_at >= :from AND received_at < :to")
                .params(p).query(Long.class).single();
        String groups = """
                SELECT %s AS key, %s AS name, count(v.id) AS visits, count(*) FILTER (WHERE v.satisfaction >= 4) AS satisfied,
                       count(*) FILTER (WHERE v.state = 'NOT_SOLVED') AS unsolved, count(DISTINCT t.id) AS tickets
                FROM return_visit v LEFT JOIN ticket t ON t.company_id = v.company_id AND t.id = v.ticket_id
                %s
                WHERE v.company_id = :c AND v.closed_at >= :from AND v.closed_at < :to
                GROUP BY 1, 2 ORDER BY visits DESC, key""";
        // a campaign's visits (统一回访) have no ticket: their own group by type, "-" by department
        List<Group> byType = jdbc.sql(groups.formatted("coalesce(t.type, 'CAMPAIGN')", "coalesce(t.type, 'CAMPAIGN')", ""))
                .params(p).query(Group.class).list();
        List<Group> byDept = jdbc.sql(groups.formatted("coalesce(d.id::text, '-')", "coalesce(d.name, '-')",
                "LEFT JOIN department d ON d.company_id = t.company_id AND d.id = t.owner_department_id")).params(p).query(Group.class).list();
        String topics = """
                SELECT subject AS text, count(*) AS count FROM ticket WHERE company_id = :c AND received_at >= :from
                  AND received_at < :to AND %s GROUP BY subject ORDER BY count DESC, subject LIMIT 10""";
        List<Topic> suggestions = jdbc.sql(topics.formatted("type = 'SUGGESTION'")).params(p).query(Topic.class).list();
        List<Topic> needs = jdbc.sql(topics.formatted("type = 'SPECIAL_REQUEST'")).params(p).query(Topic.class).list();
        List<Topic> hot = jdbc.sql(topics.formatted("true")).params(p).query(Topic.class).list();
        Decision<List<AnalysisPolicy.Finding>> findings = policy.findings(v.due(), v.done(), v.satisfied(), v.rated(), v.unsolved());
        return new Weekly(monday, end.minusDays(1), received, v.due(), v.done(), AnalysisPolicy.rate(v.done(), v.due()),
                satisfaction, v.unsolved(), v.unreachable(), byType, byDept, suggestions, needs, hot, findings);
    }

    /**
     * SVC-9: produces and stores the previous week's analysis (once per week: a re-run keeps the first) and tells
     * the service directors. {@code occurrence} is the Monday run; the week is the one before it.
     */
    @Transactional
    long produceWeekly(long companyId, Instant occurrence) {
        LocalDate monday = LocalDate.ofInstant(occurrence, SHANGHAI).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(1);
        Weekly w = weekly(companyId, monday);
        Long id = jdbc.sql("""
                INSERT INTO service_report (company_id, kind, period_start, period_end, content, produced_at)
                VALUES (:c, :kind, :start, :end, CAST(:content AS jsonb), :now)
                ON CONFLICT (company_id, kind, period_start) DO NOTHING RETURNING id""")
                .param("c", companyId).param("kind", WEEKLY).param("start", monday).param("end", w.weekEnd())
                .param("content", JSON.writeValueAsString(w)).param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return jdbc.sql("SELECT id FROM service_report WHERE company_id = :c AND kind = :kind AND period_start = :start")
                    .param("c", companyId).param("kind", WEEKLY).param("start", monday).query(Long.class).single();
        }
        decisions.record("service-report", String.valueOf(id), "findings", w.findings());
        for (long director : users.withRole(RoleCode.SERVICE_DIRECTOR, null)) {
            notifier.notify(director, "service.weekly-satisfaction", "上周满意度分析已生成：" + monday + " 至 " + w.weekEnd(),
                    "Last week's satisfaction analysis is ready: " + monday + " to " + w.weekEnd(),
                    "回访率、满意度分布、未解决问题及本周建议、需求和热点。",
                    "Return-visit rate, satisfaction distribution, unsolved problems, and the week's suggestions, needs and hot topics.",
                    "/service/reports/" + id);
        }
        return id;
    }

    List<ReportSummary> reports(YewuPrincipal me) {
        return jdbc.sql("""
                SELECT id, kind, period_start, period_end, produced_at FROM service_report WHERE company_id = :c AND kind = :kind
                ORDER BY period_start DESC, id DESC LIMIT 200""").param("c", me.companyId()).param("kind", WEEKLY).query(ReportSummary.class).list();
    }

    Report report(YewuPrincipal me, long id) {
        record Row(long id, String kind, LocalDate periodStart, LocalDate periodEnd, Instant producedAt, String content) {}
        Row r = jdbc.sql("SELECT id, kind, period_start, period_end, produced_at, content::text AS content FROM service_report WHERE company_id = :c AND kind = :kind AND id = :id")
                .param("c", me.companyId()).param("kind", WEEKLY).param("id", id).query(Row.class).optional()
                .orElseThrow(() -> ProblemException.notFound("service-report " + id));
        return new Report(new ReportSummary(r.id(), r.kind(), r.periodStart(), r.periodEnd(), r.producedAt()), JSON.readTree(r.content()));
    }

    /** SVC-5: the month's complaints: counts, causes, severity, departments, time to close, and six months of trend. */
    ComplaintAnalysis complaints(YewuPrincipal me, YearMonth month) {
        LocalDate from = month.atDay(1);
        Map<String, Object> p = Map.of("c", me.companyId(), "from", at(from), "to", at(month.plusMonths(1).atDay(1)));
        String where = " FROM ticket t WHERE t.company_id = :c AND t.type = 'COMPLAINT' AND t.received_at >= :from AND t.received_at < :to";
        MonthRow total = jdbc.sql("""
                SELECT to_char(CAST(:from AS timestamptz) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS complaints,
                       count(t.closed_at) AS closed,
                       round(avg(extract(epoch FROM t.closed_at - t.received_at) / 3600)::numeric, 1) AS average_hours_to_close""" + where)
                .params(p).query(MonthRow.class).single();
        List<Count> causes = jdbc.sql("SELECT coalesce(t.root_cause, '-') AS key, count(*) AS count" + where + " GROUP BY 1 ORDER BY 2 DESC, 1")
                .params(p).query(Count.class).list();
        List<Count> severity = jdbc.sql("SELECT coalesce(t.severity, '-') AS key, count(*) AS count" + where + " GROUP BY 1 ORDER BY 2 DESC, 1")
                .params(p).query(Count.class).list();
        List<Group> depts = jdbc.sql("""
                SELECT coalesce(d.id::text, '-') AS key, coalesce(d.name, '-') AS name, 0 AS visits, 0 AS satisfied,
                       count(*) FILTER (WHERE t.closed_at IS NULL) AS unsolved, count(*) AS tickets
                FROM ticket t LEFT JOIN department d ON d.company_id = t.company_id AND d.id = t.owner_department_id
                WHERE t.company_id = :c AND t.type = 'COMPLAINT' AND t.received_at >= :from AND t.received_at < :to
                GROUP BY 1, 2 ORDER BY tickets DESC, key""").params(p).query(Group.class).list();
        List<MonthRow> trend = jdbc.sql("""
                SELECT to_char(t.received_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS month, count(*) AS complaints,
                       count(t.closed_at) AS closed,
                       round(avg(extract(epoch FROM t.closed_at - t.received_at) / 3600)::numeric, 1) AS average_hours_to_close
                FROM ticket t WHERE t.company_id = :c AND t.type = 'COMPLAINT' AND t.received_at >= :trendFrom AND t.received_at < :to
                GROUP BY 1 ORDER BY 1""").param("c", me.companyId()).param("trendFrom", at(month.minusMonths(5).atDay(1)))
                .param("to", at(month.plusMonths(1).atDay(1))).query(MonthRow.class).list();
        return new ComplaintAnalysis(month.toString(), total.complaints(), total.closed(), total.averageHoursToClose(),
                causes, severity, depts, trend);
    }

    /**
     * SVC-10: per agent (the caller's data scope over the ticket owner) for the days {@code from} … {@code to}:
     * tickets received, of them by phone, inquiries, order-status look-ups the agent made for callers (counted by
     * the order module, read through its {@link OrderDirectory}), proactive services (tickets the agent filed for a
     * requester it reached out to: channel VISIT or ACCOUNT_MANAGER), and now open and overdue. An agent who only
     * looked orders up is listed too. The public page's look-ups have no agent: one company figure.
     */
    Statistics statistics(YewuPrincipal me, LocalDate from, LocalDate to) {
        DataScope.Condition scope = DataScope.of(me, "t.company_id", "t.owner_id");
        List<AgentStats> rows = jdbc.sql("""
                SELECT t.owner_id AS agent_id, u.display_name AS agent_name,
                       count(*) FILTER (WHERE t.received_at >= :from AND t.received_at < :to) AS tickets,
                       count(*) FILTER (WHERE t.received_at >= :from AND t.received_at < :to AND t.channel = 'PHONE') AS phone_calls,
                       count(*) FILTER (WHERE t.received_at >= :from AND t.received_at < :to AND t.type = 'INQUIRY') AS inquiries,
                       0 AS lookups,
                       count(*) FILTER (WHERE t.received_at >= :from AND t.received_at < :to AND t.channel IN ('VISIT', 'ACCOUNT_MANAGER')) AS proactive,
                       count(*) FILTER (WHERE t.state = 'OPEN') AS open,
                       count(*) FILTER (WHERE t.state = 'OPEN' AND t.promised_at < :now) AS overdue
                FROM ticket t JOIN app_user u ON u.company_id = t.company_id AND u.id = t.owner_id
                WHERE\s""" + scope.sql() + """
                 AND ((t.received_at >= :from AND t.received_at < :to) OR t.state = 'OPEN')
                GROUP BY t.owner_id, u.display_name""")
                .params(scope.params()).param("from", at(from)).param("to", at(to.plusDays(1)))
                .param("now", java.sql.Timestamp.from(clock.instant())).query(AgentStats.class).list();
        Instant start = at(from).toInstant();
        Instant end = at(to.plusDays(1)).toInstant();
        List<OrderDirectory.AgentLookups> lookups = orders.agentLookups(me, start, end);
        Map<Long, AgentStats> byAgent = new java.util.HashMap<>();
        rows.forEach(r -> byAgent.put(r.agentId(), r));
        for (OrderDirectory.AgentLookups l : lookups) {
            AgentStats r = byAgent.get(l.agentId());
            byAgent.put(l.agentId(), r == null
                    ? new AgentStats(l.agentId(), l.agentName(), 0, 0, 0, l.lookups(), 0, 0, 0)
                    : new AgentStats(r.agentId(), r.agentName(), r.tickets(), r.phoneCalls(), r.inquiries(), l.lookups(),
                    r.proactive(), r.open(), r.overdue()));
        }
        List<AgentStats> agents = byAgent.values().stream()
                .sorted(java.util.Comparator.comparing(AgentStats::agentName).thenComparing(AgentStats::agentId)).toList();
        long publicLookups = orders.publicLookups(me.companyId(), start, end);
        return new Statistics(from, to, agents, publicLookups);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), SHANGHAI);
    }
}
