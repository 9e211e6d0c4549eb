package io.yewu.service.internal.analysis;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.service.internal.ServiceSettings;
import io.yewu.service.internal.quality.QualityInspection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * SVC-10 the monthly service-quality analysis (月度服务质量分析), drawn from the month's shift logs and roster, its
 * tickets per agent and per shift (received, closed, overdue, escalated) and its QC scores and common findings.
 * Stored as a {@code service_report} of kind MONTHLY_QUALITY, reopened and exported; the job produces last month's on
 * the due day in force ({@link QualityMonthPolicy}), the shift lead or service director on demand for a month past.
 */
@Service
public class QualityMonths {

    static final String KIND = "MONTHLY_QUALITY";

    /** QC items by code: Chinese and English names (the score sheet of QC-2). */
    static final Map<String, String[]> QC_ITEMS = Map.of(
            "LANGUAGE", new String[] {"服务用语", "Service language"}, "GREETING", new String[] {"三声服务：问候声", "Three courtesies: greeting"},
            "RESPONSE", new String[] {"三声服务：应答声", "Three courtesies: response"}, "FAREWELL", new String[] {"三声服务：道别声", "Three courtesies: farewell"},
            "ATTITUDE", new String[] {"服务态度", "Attitude"}, "TONE", new String[] {"语音语调", "Tone"},
            "NEED_SUMMARY", new String[] {"总结客户需求", "Summarising the customer's need"}, "HANDLING", new String[] {"问题处理能力", "Handling ability"});

    record AgentRow(long agentId, String agentName, long received, long closed, long overdue, long escalated, long open,
                    int dayShifts, int nightShifts, int logs, int inspections, BigDecimal qcAverageRate) {}

    record ShiftRow(String shift, int rostered, int logged, long received, long overdue, int urgentItems, int handovers,
                    int prospects) {}

    record LogLine(LocalDate shiftDate, String shift, String authorName, String urgentItems, String handoverCustomers,
                   String prospects) {}

    record Common(String item, String zh, String en, BigDecimal averageRate, String training) {}

    record Analysis(String month, LocalDate dueDate, long received, long closed, long overdue, long escalated,
                    int shiftsRostered, int shiftsLogged, int inspections, BigDecimal qcAverageRate, List<Common> commonFindings,
                    List<AgentRow> agents, List<ShiftRow> shifts, List<LogLine> logLines,
                    Decision<List<QualityMonthPolicy.Finding>> findings) {}

    record Summary(long id, String month, LocalDate periodStart, LocalDate periodEnd, Instant producedAt, long received,
                   long overdue, BigDecimal qcAverageRate, int findings) {}

    record Report(Summary report, JsonNode content) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final QualityInspection quality;
    private final Settings settings;
    private final DecisionRecords decisions;
    private final Notifier notifier;
    private final UserDirectory users;
    private final AuditTrail audit;
    private final Clock clock;
    private final QualityMonthPolicy policy = new QualityMonthPolicy();

    QualityMonths(JdbcClient jdbc, QualityInspection quality, Settings settings, DecisionRecords decisions, Notifier notifier,
                  UserDirectory users, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.quality = quality;
        this.settings = settings;
        this.decisions = decisions;
        this.notifier = notifier;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ServiceAnalysis.SHANGHAI);
    }

    /** A month that is over (the analysis reads a whole month), as {@code 2026-10}. */
    YearMonth pastMonth(String text) {
        if (text == null || text.isBlank()) throw ProblemException.invalid("month", "required");
        YearMonth m;
        try {
            m = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "month");
        }
        if (!m.isBefore(YearMonth.from(today())) || m.isBefore(YearMonth.of(2000, 1))) {
            throw ProblemException.invalid("month", "quality-month-not-over");
        }
        return m;
    }

    /** The analysis of a month over the whole company, as of now. */
    Analysis analyse(long companyId, YearMonth month) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        SettingsSnapshot snapshot = settings.snapshotAt(clock.instant());
        LocalTime dayStart = snapshot.get(ServiceSettings.DAY_SHIFT_START);
        LocalTime nightStart = snapshot.get(ServiceSettings.NIGHT_SHIFT_START);
        Map<String, Object> p = new HashMap<>(Map.of("c", companyId, "from", at(from), "to", at(to.plusDays(1)),
                "fromDay", from, "toDay", to, "dayStart", dayStart, "nightStart", nightStart));
        String shiftOf = " CASE WHEN (t.received_at AT TIME ZONE 'Asia/Shanghai')::time >= :dayStart"
                + " AND (t.received_at AT TIME ZONE 'Asia/Shanghai')::time < :nightStart THEN 'DAY' ELSE 'NIGHT' END ";
        record TicketRow(long agentId, String agentName, long received, long closed, long overdue, long escalated, long open) {}
        List<TicketRow> tickets = jdbc.sql("""
                SELECT t.owner_id AS agent_id, u.display_name AS agent_name, count(*) AS received,
                       count(*) FILTER (WHERE t.state <> 'OPEN') AS closed, count(t.overdue_at) AS overdue, count(t.escalated_at) AS escalated,
                       count(*) FILTER (WHERE t.state = 'OPEN') AS open
                FROM ticket t JOIN app_user u ON u.company_id = t.company_id AND u.id = t.owner_id
                WHERE t.company_id = :c AND t.received_at >= :from AND t.received_at < :to
                GROUP BY t.owner_id, u.display_name""").params(p).query(TicketRow.class).list();
        record RosterRow(long userId, String name, int dayShifts, int nightShifts) {}
        List<RosterRow> roster = jdbc.sql("""
                SELECT r.user_id, u.display_name AS name, count(*) FILTER (WHERE r.shift = 'DAY')::int AS day_shifts,
                       count(*) FILTER (WHERE r.shift = 'NIGHT')::int AS night_shifts
                FROM shift_roster r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.user_id
                WHERE r.company_id = :c AND r.day BETWEEN :fromDay AND :toDay GROUP BY r.user_id, u.display_name""")
                .params(p).query(RosterRow.class).list();
        record LogCount(long authorId, String name, int logs) {}
        List<LogCount> logCounts = jdbc.sql("""
                SELECT l.author_id, u.display_name AS name, count(*)::int AS logs
                FROM shift_log l JOIN app_user u ON u.company_id = l.company_id AND u.id = l.author_id
                WHERE l.company_id = :c AND l.shift_date BETWEEN :fromDay AND :toDay GROUP BY l.author_id, u.display_name""")
                .params(p).query(LogCount.class).list();
        List<ShiftRow> shifts = jdbc.sql("""
                SELECT s.shift,
                       (SELECT count(DISTINCT r.day)::int FROM shift_roster r WHERE r.company_id = :c AND r.shift = s.shift
                          AND r.day BETWEEN :fromDay AND :toDay) AS rostered,
                       (SELECT count(DISTINCT r.day)::int FROM shift_roster r WHERE r.company_id = :c AND r.shift = s.shift
                          AND r.day BETWEEN :fromDay AND :toDay AND EXISTS (SELECT 1 FROM shift_log l WHERE l.company_id = r.company_id
                          AND l.shift_date = r.day AND l.shift = r.shift)) AS logged,
                       (SELECT count(*) FROM ticket t WHERE t.company_id = :c AND t.received_at >= :from AND t.received_at < :to
                          AND """ + shiftOf + """
                 = s.shift) AS received,
                       (SELECT count(t.overdue_at) FROM ticket t WHERE t.company_id = :c AND t.received_at >= :from AND t.received_at < :to
                          AND """ + shiftOf + """
                 = s.shift) AS overdue,
                       (SELECT count(*)::int FROM shift_log l WHERE l.company_id = :c AND l.shift = s.shift
                          AND l.shift_date BETWEEN :fromDay AND :toDay AND l.urgent_items <> '') AS urgent_items,
                       (SELECT count(*)::int FROM shift_log l WHERE l.company_id = :c AND l.shift = s.shift
                          AND l.shift_date BETWEEN :fromDay AND :toDay AND l.handover_customers <> '') AS handovers,
                       (SELECT count(*)::int FROM shift_log l WHERE l.company_id = :c AND l.shift = s.shift
                          AND l.shift_date BETWEEN :fromDay AND :toDay AND l.prospects <> '') AS prospects
                FROM (VALUES ('DAY'), ('NIGHT')) AS s(shift)""").params(p).query(ShiftRow.class).list();
        List<LogLine> logLines = jdbc.sql("""
                SELECT l.shift_date, l.shift, u.display_name AS author_name, l.urgent_items, l.handover_customers, l.prospects
                FROM shift_log l JOIN app_user u ON u.company_id = l.company_id AND u.id = l.author_id
                WHERE l.company_id = :c AND l.shift_date BETWEEN :fromDay AND :toDay
                  AND (l.urgent_items <> '' OR l.handover_customers <> '' OR l.prospects <> '')
                ORDER BY l.shift_date, l.shift, l.id LIMIT 200""").params(p).query(LogLine.class).list();
        QualityInspection.Findings qc = quality.findings(companyId, from, to);

        Map<Long, AgentRow> agents = new HashMap<>();
        for (TicketRow t : tickets) agents.put(t.agentId(), new AgentRow(t.agentId(), t.agentName(), t.received(), t.closed(),
                t.overdue(), t.escalated(), t.open(), 0, 0, 0, 0, null));
        for (RosterRow r : roster) {
            AgentRow a = agents.getOrDefault(r.userId(), new AgentRow(r.userId(), r.name(), 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
            agents.put(r.userId(), new AgentRow(a.agentId(), a.agentName(), a.received(), a.closed(), a.overdue(), a.escalated(),
                    a.open(), r.dayShifts(), r.nightShifts(), a.logs(), a.inspections(), a.qcAverageRate()));
        }
        for (LogCount l : logCounts) {
            AgentRow a = agents.getOrDefault(l.authorId(), new AgentRow(l.authorId(), l.name(), 0, 0, 0, 0, 0, 0, 0, 0, 0, null));
            agents.put(l.authorId(), new AgentRow(a.agentId(), a.agentName(), a.received(), a.closed(), a.overdue(), a.escalated(),
                    a.open(), a.dayShifts(), a.nightShifts(), l.logs(), a.inspections(), a.qcAverageRate()));
        }
        for (QualityInspection.AgentQc q : qc.agents()) {
            AgentRow a = agents.get(q.agentId());
            if (a == null) continue; // inspected but neither on the roster nor owning a ticket of the month
            agents.put(q.agentId(), new AgentRow(a.agentId(), a.agentName(), a.received(), a.closed(), a.overdue(), a.escalated(),
                    a.open(), a.dayShifts(), a.nightShifts(), a.logs(), q.inspections(), q.averageRate()));
        }
        List<AgentRow> agentRows = agents.values().stream()
                .sorted(java.util.Comparator.comparing(AgentRow::overdue).reversed().thenComparing(AgentRow::agentName)).toList();
        List<Common> common = qc.common().stream().map(i -> {
            String[] names = QC_ITEMS.getOrDefault(i.item(), new String[] {i.item(), i.item()});
            return new Common(i.item(), names[0], names[1], i.averageRate(), i.training());
        }).toList();
        long received = tickets.stream().mapToLong(TicketRow::received).sum();
        long closed = tickets.stream().mapToLong(TicketRow::closed).sum();
        long overdue = tickets.stream().mapToLong(TicketRow::overdue).sum();
        long escalated = tickets.stream().mapToLong(TicketRow::escalated).sum();
        int rostered = shifts.stream().mapToInt(ShiftRow::rostered).sum();
        int logged = shifts.stream().mapToInt(ShiftRow::logged).sum();
        var facts = new QualityMonthPolicy.Facts(month, received, closed, overdue, escalated, rostered, logged, qc.inspections(),
                qc.averageRate(), common.stream().map(c -> new QualityMonthPolicy.WeakItem(c.zh(), c.en(), c.averageRate())).toList(),
                agentRows.stream().filter(a -> a.overdue() > 0).map(a -> new QualityMonthPolicy.AgentOverdue(a.agentName(), a.overdue())).toList());
        Decision<List<QualityMonthPolicy.Finding>> findings = policy.findings(facts, snapshot.version());
        LocalDate dueDate = month.plusMonths(1).atDay((int) Math.min(snapshot.get(ServiceSettings.QUALITY_MONTH_DUE_DAY), 28));
        return new Analysis(month.toString(), dueDate, received, closed, overdue, escalated, rostered, logged, qc.inspections(),
                qc.averageRate(), common, agentRows, shifts, logLines, findings);
    }

    /** The job's run on {@code occurrence}: last month's analysis when due by the setting in force and not yet stored. */
    @Transactional
    Long produceIfDue(long companyId, Instant occurrence) {
        LocalDate day = LocalDate.ofInstant(occurrence, ServiceAnalysis.SHANGHAI);
        SettingsSnapshot snapshot = settings.snapshotAt(occurrence);
        YearMonth month = YearMonth.from(day).minusMonths(1);
        boolean stored = storedId(companyId, month) != null;
        Decision<QualityMonthPolicy.Due> due = policy.due(day, snapshot.get(ServiceSettings.QUALITY_MONTH_DUE_DAY), stored, snapshot.version());
        if (!due.outcome().produce()) return null;
        long id = store(companyId, due.outcome().month(), "produced");
        decisions.record("service-report", String.valueOf(id), "due", due);
        return id;
    }

    /** On demand (shift lead, service director): the analysis of a month past, stored anew (replacing one stored). */
    @Transactional
    long produce(YewuPrincipal me, String monthText) {
        YearMonth month = pastMonth(monthText);
        return store(me.companyId(), month, "produced-on-demand");
    }

    /** The analysis of a month stored for a company in its context (the demo company's last month on first start). */
    @Transactional
    public long produceFor(long companyId, YearMonth month) {
        return store(companyId, month, "produced");
    }

    private Long storedId(long companyId, YearMonth month) {
        return jdbc.sql("SELECT id FROM service_report WHERE company_id = :c AND kind = :kind AND period_start = :start")
                .param("c", companyId).param("kind", KIND).param("start", month.atDay(1)).query(Long.class).optional().orElse(null);
    }

    private long store(long companyId, YearMonth month, String action) {
        Analysis a = analyse(companyId, month);
        long id = jdbc.sql("""
                INSERT INTO service_report (company_id, kind, period_start, period_end, content, produced_at)
                VALUES (:c, :kind, :start, :end, CAST(:content AS jsonb), :now)
                ON CONFLICT (company_id, kind, period_start) DO UPDATE SET content = EXCLUDED.content, produced_at = EXCLUDED.produced_at
                RETURNING id""")
                .param("c", companyId).param("kind", KIND).param("start", month.atDay(1)).param("end", month.atEndOfMonth())
                .param("content", JSON.writeValueAsString(a)).param("now", java.sql.Timestamp.from(clock.instant()))
                .query(Long.class).single();
        decisions.record("service-report", String.valueOf(id), "findings", a.findings());
        audit.record("service-report", id, action, Changes.of().created("month", month.toString()).created("findings", a.findings().outcome().size()));
        for (long director : users.withRole(RoleCode.SERVICE_DIRECTOR, null)) {
            notifier.notify(director, "service.quality-month", month + " 月度服务质量分析已生成（报送日 " + a.dueDate() + "）",
                    "The " + month + " service-quality analysis is ready (due by " + a.dueDate() + ")",
                    "值班日志、各班次与各业务代表的工单、质检得分与常见问题，共 " + a.findings().outcome().size() + " 条建议。",
                    "Shift logs, tickets per shift and agent, QC scores and common findings; " + a.findings().outcome().size() + " findings.",
                    "/service/quality-months/" + id);
        }
        return id;
    }

    private static final String SUMMARY = """
            SELECT id, to_char(period_start, 'YYYY-MM') AS month, period_start, period_end, produced_at,
                   coalesce((content ->> 'received')::bigint, 0) AS received, coalesce((content ->> 'overdue')::bigint, 0) AS overdue,
                   (content ->> 'qcAverageRate')::numeric AS qc_average_rate,
                   coalesce(jsonb_array_length(content -> 'findings' -> 'outcome'), 0) AS findings
            FROM service_report""";

    /** The stored analyses, newest first, optionally of one year. */
    Page<Summary> list(YewuPrincipal me, Integer year, PageQuery page) {
        return query(me, year).page(page);
    }

    /** The company's monthly analyses, newest first, optionally of one year: for a page or the list's export. */
    ListQuery<Summary> query(YewuPrincipal me, Integer year) {
        Map<String, Object> p = new HashMap<>(Map.of("c", me.companyId(), "kind", KIND));
        String where = " WHERE company_id = :c AND kind = :kind";
        if (year != null) {
            if (year < 2000 || year > 2999) throw ProblemException.invalid("year", "invalid");
            where += " AND period_start >= :yFrom AND period_start < :yTo";
            p.put("yFrom", LocalDate.of(year, 1, 1));
            p.put("yTo", LocalDate.of(year + 1, 1, 1));
        }
        return new ListQuery<>(jdbc, Summary.class, SUMMARY + where, " FROM service_report" + where, p, "period_start DESC, id DESC");
    }

    Report report(YewuPrincipal me, long id) {
        record Row(long id, String month, LocalDate periodStart, LocalDate periodEnd, Instant producedAt, long received, long overdue,
                   BigDecimal qcAverageRate, int findings, String content) {}
        Row r = jdbc.sql(SUMMARY.replace("FROM service_report", ", content::text AS content FROM service_report")
                        + " WHERE company_id = :c AND kind = :kind AND id = :id")
                .param("c", me.companyId()).param("kind", KIND).param("id", id).query(Row.class).optional()
                .orElseThrow(() -> ProblemException.notFound("service-report " + id));
        return new Report(new Summary(r.id(), r.month(), r.periodStart(), r.periodEnd(), r.producedAt(), r.received(), r.overdue(),
                r.qcAverageRate(), r.findings()), JSON.readTree(r.content()));
    }

    private static java.sql.Timestamp at(LocalDate day) {
        return java.sql.Timestamp.from(day.atStartOfDay(ServiceAnalysis.SHANGHAI).toInstant());
    }
}
