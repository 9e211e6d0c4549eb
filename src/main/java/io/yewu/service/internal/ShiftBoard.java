package io.yewu.service.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The shift lead's board (open, due soon, overdue per agent), escalation inbox and shift log (SVC-4, SVC-10). */
@Component
class ShiftBoard {

    record AgentLine(long ownerId, String ownerName, long open, long dueSoon, long overdue, long escalated) {}

    record Escalated(long id, String number, String type, String subject, String ownerName, String escalationLevel,
                     OffsetDateTime escalatedAt, OffsetDateTime promisedAt, boolean overdue, String why, String whyEn) {}

    record LogEntry(long id, String authorName, LocalDate shiftDate, String shift, String content, String handoverCustomers,
                    String urgentItems, String prospects, OffsetDateTime createdAt) {}

    record NewLogEntry(LocalDate shiftDate, String shift, String content, String handoverCustomers, String urgentItems, String prospects) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ShiftBoard(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    List<AgentLine> board(YewuPrincipal user) {
        TicketScope scope = TicketScope.of(user, "t");
        return jdbc.sql("""
                SELECT t.owner_id, o.display_name AS owner_name, count(*) AS open,
                       count(*) FILTER (WHERE t.reminded_at IS NOT NULL AND t.promised_at >= :now) AS due_soon,
                       count(*) FILTER (WHERE t.promised_at < :now) AS overdue,
                       count(*) FILTER (WHERE t.escalation_level <> 'NONE') AS escalated
                FROM ticket t JOIN app_user o ON o.company_id = t.company_id AND o.id = t.owner_id
                WHERE t.state = 'OPEN' AND """ + scope.sql() + """
                 GROUP BY t.owner_id, o.display_name ORDER BY count(*) FILTER (WHERE t.promised_at < :now) DESC, o.display_name""")
                .params(scope.params()).param("now", Tickets.at(clock.instant())).query(AgentLine.class).list();
    }

    Page<Escalated> inbox(YewuPrincipal user, PageQuery page) {
        TicketScope scope = TicketScope.of(user, "t");
        String fromWhere = " FROM ticket t JOIN app_user o ON o.company_id = t.company_id AND o.id = t.owner_id"
                + " WHERE t.state = 'OPEN' AND t.escalation_level <> 'NONE' AND " + scope.sql();
        List<Escalated> items = jdbc.sql("""
                SELECT t.id, t.number, t.type, t.subject, o.display_name AS owner_name, t.escalation_level, t.escalated_at,
                       t.promised_at, (t.promised_at < :now) AS overdue,
                       (SELECT dr.hits -> -1 ->> 'zh' FROM ticket_event e JOIN decision_record dr ON dr.id = e.decision_id
                         WHERE e.company_id = t.company_id AND e.ticket_id = t.id AND e.kind = 'ESCALATED' ORDER BY e.id DESC LIMIT 1) AS why,
                       (SELECT dr.hits -> -1 ->> 'en' FROM ticket_event e JOIN decision_record dr ON dr.id = e.decision_id
                         WHERE e.company_id = t.company_id AND e.ticket_id = t.id AND e.kind = 'ESCALATED' ORDER BY e.id DESC LIMIT 1) AS why_en
                """ + fromWhere + " ORDER BY t.escalated_at DESC, t.id DESC LIMIT :limit OFFSET :offset")
                .params(scope.params()).param("now", Tickets.at(clock.instant())).param("limit", page.size()).param("offset", page.offset())
                .query(Escalated.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, fromWhere, scope.params()));
    }

    Page<LogEntry> logs(YewuPrincipal user, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = logFromWhere(user, params);
        List<LogEntry> items = jdbc.sql(LOG_SELECT + fromWhere + " ORDER BY l.shift_date DESC, l.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(LogEntry.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, fromWhere, params));
    }

    void eachLog(YewuPrincipal user, Consumer<LogEntry> sink) {
        Map<String, Object> params = new HashMap<>();
        try (var rows = jdbc.sql(LOG_SELECT + logFromWhere(user, params) + " ORDER BY l.shift_date DESC, l.id DESC LIMIT 100000")
                .params(params).query(LogEntry.class).stream()) {
            rows.forEach(sink);
        }
    }

    private static final String LOG_SELECT = """
            SELECT l.id, u.display_name AS author_name, l.shift_date, l.shift, l.content, l.handover_customers, l.urgent_items,
                   l.prospects, l.created_at""";

    private static String logFromWhere(YewuPrincipal user, Map<String, Object> params) {
        DataScope.Condition scope = DataScope.of(user, "l.company_id", "l.author_id");
        params.putAll(scope.params());
        return " FROM shift_log l JOIN app_user u ON u.company_id = l.company_id AND u.id = l.author_id WHERE " + scope.sql();
    }

    @Transactional
    long addLog(YewuPrincipal user, NewLogEntry in) {
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (in.shift() == null || !Set.of("DAY", "NIGHT").contains(in.shift())) problems.add(new ProblemException.FieldProblem("shift", in.shift() == null ? "required" : "invalid"));
        Tickets.text(problems, "content", in.content(), 8000, true);
        Tickets.text(problems, "handoverCustomers", in.handoverCustomers(), 4000, false);
        Tickets.text(problems, "urgentItems", in.urgentItems(), 4000, false);
        Tickets.text(problems, "prospects", in.prospects(), 4000, false);
        LocalDate today = clock.instant().atZone(Tickets.ZONE).toLocalDate();
        LocalDate date = in.shiftDate() == null ? today : in.shiftDate();
        if (date.isAfter(today.plusDays(1)) || date.isBefore(today.minusDays(31))) problems.add(new ProblemException.FieldProblem("shiftDate", "invalid"));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        long id = jdbc.sql("""
                INSERT INTO shift_log (company_id, author_id, department_id, shift_date, shift, content, handover_customers, urgent_items, prospects)
                VALUES (:c, :a, :d, :date, :shift, :content, :hc, :ui, :p) RETURNING id""")
                .param("c", user.companyId()).param("a", user.id()).param("d", user.departmentId()).param("date", date)
                .param("shift", in.shift()).param("content", in.content().strip()).param("hc", Tickets.strip(in.handoverCustomers()))
                .param("ui", Tickets.strip(in.urgentItems())).param("p", Tickets.strip(in.prospects())).query(Long.class).single();
        audit.record("shift-log", id, "created", Changes.of().created("shift", in.shift()));
        return id;
    }
}
