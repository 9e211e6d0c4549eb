package io.yewu.service.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.service.TicketType;
import io.yewu.service.internal.policy.ReturnVisitPolicy;
import io.yewu.service.internal.policy.TicketClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The return-visit desk (SVC-6 … SVC-8): the queue by deadline, each attempt logged (never in quiet hours), booked
 * callbacks, and the close: solved / not solved with satisfaction, or unreachable. Not solved reopens the ticket
 * with the written feedback, told to the service director (SVC-7).
 */
@Component
class ReturnVisits {

    record Filter(String state, Boolean open, Boolean overdue, String q, Long campaignId, Boolean mine) {}

    record Row(long id, Long ticketId, String ticketNumber, String ticketType, String reason, String state, String contactName,
               String contactPhone, OffsetDateTime dueAt, OffsetDateTime callbackAt, int attempts, boolean overdue,
               Integer satisfaction, OffsetDateTime closedAt, long version, Long campaignId, String campaignName,
               String assignedName) {}

    record Attempt(long id, OffsetDateTime at, String byName, String outcome, String channel, OffsetDateTime callbackAt, String note) {}

    /** A return-visit SMS (SVC-6, PLT-7) with its delivery state: queued (held for quiet hours or a retry), sent, failed. */
    record Message(long id, String phone, String body, String state, OffsetDateTime queuedAt, OffsetDateTime sendAt, int tries,
                   String lastError, OffsetDateTime sentAt) {}

    record Detail(Row visit, String feedback, List<Attempt> attempts, List<Message> messages) {}

    record NewAttempt(String outcome, String channel, OffsetDateTime callbackAt, String note) {}

    record Close(String result, Integer satisfaction, String feedback) {}

    private static final Set<String> OUTCOMES = Set.of("REACHED", "NO_ANSWER", "BUSY", "WRONG_NUMBER", "CALLBACK");
    private static final Set<String> FAILED = Set.of("NO_ANSWER", "BUSY", "WRONG_NUMBER");

    private static final String ROW = """
            SELECT v.id, v.ticket_id, t.number AS ticket_number, t.type AS ticket_type, v.reason, v.state, v.contact_name,
                   v.contact_phone, v.due_at, v.callback_at, v.attempts, (v.closed_at IS NULL AND v.due_at < :now) AS overdue,
                   v.satisfaction, v.closed_at, v.version, v.campaign_id, cp.name AS campaign_name, au.display_name AS assigned_name
            """;

    private final JdbcClient jdbc;
    private final Settings settings;
    private final BusinessCalendar calendar;
    private final DecisionRecords decisions;
    private final TicketHistory history;
    private final TicketTimers timers;
    private final Notifier notifier;
    private final AuditTrail audit;
    private final Clock clock;

    ReturnVisits(JdbcClient jdbc, Settings settings, BusinessCalendar calendar, DecisionRecords decisions, TicketHistory history,
                 TicketTimers timers, Notifier notifier, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.calendar = calendar;
        this.decisions = decisions;
        this.history = history;
        this.timers = timers;
        this.notifier = notifier;
        this.audit = audit;
        this.clock = clock;
    }

    /** The list with its filters and the caller's scope, for a page of it or its export. */
    ListQuery<Row> query(YewuPrincipal user, Filter f) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(user, f, params);
        return new ListQuery<>(jdbc, Row.class, ROW + fromWhere, fromWhere, params, "coalesce(v.callback_at, v.due_at), v.id");
    }

    Page<Row> queue(YewuPrincipal user, Filter f, PageQuery page) {
        return query(user, f).page(page);
    }

    private String fromWhere(YewuPrincipal user, Filter f, Map<String, Object> params) {
        TicketScope scope = TicketScope.of(user, "t");
        params.putAll(scope.params());
        params.put("now", Tickets.at(clock.instant()));
        // campaign visits (SVC-6, 统一回访) have no ticket: the desk sees them all
        StringBuilder sql = new StringBuilder("""
                 FROM return_visit v LEFT JOIN ticket t ON t.company_id = v.company_id AND t.id = v.ticket_id
                 LEFT JOIN return_visit_campaign cp ON cp.company_id = v.company_id AND cp.id = v.campaign_id
                 LEFT JOIN app_user au ON au.company_id = v.company_id AND au.id = v.assigned_to
                 WHERE v.company_id = :visitCompany AND (v.ticket_id IS NULL OR """).append(scope.sql()).append(")");
        params.put("visitCompany", user.companyId());
        if (f.campaignId() != null) {
            sql.append(" AND v.campaign_id = :campaign");
            params.put("campaign", f.campaignId());
        }
        if (Boolean.TRUE.equals(f.mine())) {
            sql.append(" AND v.assigned_to = :me");
            params.put("me", user.id());
        }
        if (f.state() != null && !f.state().isBlank()) {
            sql.append(" AND v.state = :state");
            params.put("state", f.state());
        }
        if (!Boolean.FALSE.equals(f.open()) && (f.state() == null || f.state().isBlank())) sql.append(" AND v.closed_at IS NULL");
        if (Boolean.TRUE.equals(f.overdue())) sql.append(" AND v.closed_at IS NULL AND v.due_at < :now");
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" AND (t.number = :q OR v.contact_phone = :q OR v.contact_name = :q OR cp.name = :q)");
            params.put("q", f.q().strip());
        }
        return sql.toString();
    }

    Detail detail(YewuPrincipal user, long id) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(user, new Filter(null, false, null, null, null, null), params);
        Row row = jdbc.sql(ROW + fromWhere + " AND v.id = :id").params(params).param("id", id).query(Row.class).optional()
                .orElseThrow(() -> ProblemException.notFound("return visit " + id));
        String feedback = jdbc.sql("SELECT feedback FROM return_visit WHERE company_id = :c AND id = :id")
                .param("c", user.companyId()).param("id", id).query(String.class).single();
        List<Attempt> attempts = jdbc.sql("""
                SELECT a.id, a.at, u.display_name AS by_name, a.outcome, a.channel, a.callback_at, a.note
                FROM return_visit_attempt a JOIN app_user u ON u.company_id = a.company_id AND u.id = a.by_user_id
                WHERE a.company_id = :c AND a.visit_id = :id ORDER BY a.at, a.id""")
                .param("c", user.companyId()).param("id", id).query(Attempt.class).list();
        List<Message> messages = jdbc.sql("""
                SELECT id, phone, body, state, queued_at, send_at, tries, last_error, sent_at FROM return_visit_sms
                WHERE company_id = :c AND visit_id = :id ORDER BY id""")
                .param("c", user.companyId()).param("id", id).query(Message.class).list();
        return new Detail(row, feedback, attempts, messages);
    }

    /** SVC-8: one attempt, logged with its time; refused in quiet hours (SVC-6). */
    @Transactional
    void attempt(YewuPrincipal user, long id, NewAttempt in) {
        Row v = openVisit(user, id);
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (in.outcome() == null || !OUTCOMES.contains(in.outcome())) problems.add(new ProblemException.FieldProblem("outcome", in.outcome() == null ? "required" : "invalid"));
        String channel = in.channel() == null ? "PHONE" : in.channel();
        if (!Set.of("PHONE", "SMS").contains(channel)) problems.add(new ProblemException.FieldProblem("channel", "invalid"));
        Tickets.text(problems, "note", in.note(), 2000, false);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        Instant now = clock.instant();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        Decision<Boolean> may = ReturnVisitPolicy.mayCall(now, snapshot);
        if (!may.outcome()) {
            throw ProblemException.invalid("at", "quiet-hours", snapshot.get(ServiceSettings.CALLS_FROM).toString(),
                    snapshot.get(ServiceSettings.CALLS_UNTIL).toString());
        }
        if ("CALLBACK".equals(in.outcome())) {
            if (in.callbackAt() == null) throw ProblemException.invalid("callbackAt", "callback-required");
            if (!in.callbackAt().toInstant().isAfter(now)) throw ProblemException.invalid("callbackAt", "invalid");
            if (!ReturnVisitPolicy.mayCall(in.callbackAt().toInstant(), snapshot).outcome()) {
                throw ProblemException.invalid("callbackAt", "quiet-hours", snapshot.get(ServiceSettings.CALLS_FROM).toString(),
                        snapshot.get(ServiceSettings.CALLS_UNTIL).toString());
            }
        }
        jdbc.sql("""
                INSERT INTO return_visit_attempt (company_id, visit_id, at, by_user_id, outcome, channel, callback_at, note)
                VALUES (:c, :v, :at, :by, :outcome, :channel, :cb, :note)""")
                .param("c", user.companyId()).param("v", id).param("at", Tickets.at(now)).param("by", user.id())
                .param("outcome", in.outcome()).param("channel", channel)
                .param("cb", "CALLBACK".equals(in.outcome()) ? in.callbackAt() : null).param("note", Tickets.strip(in.note())).update();
        jdbc.sql("""
                UPDATE return_visit SET attempts = attempts + 1, version = version + 1,
                       state = CASE WHEN :outcome = 'CALLBACK' THEN 'CALLBACK' ELSE state END,
                       callback_at = CASE WHEN :outcome = 'CALLBACK' THEN :cb ELSE callback_at END,
                       assigned_to = coalesce(assigned_to, :by)
                WHERE company_id = :c AND id = :id""")
                .param("outcome", in.outcome()).param("cb", in.callbackAt()).param("by", user.id())
                .param("c", user.companyId()).param("id", id).update();
        audit.record("return-visit", id, "attempt", Changes.of().created("outcome", in.outcome()));
        if (v.ticketId() != null) history.add(user.companyId(), v.ticketId(), user.id(), "NOTE", Tickets.strip(in.note()),
                Map.of("returnVisitAttempt", in.outcome(), "visitId", id), null);
    }

    /** SVC-7 / SVC-8: closes the visit; not solved reopens the ticket. */
    @Transactional
    void close(YewuPrincipal user, long id, Close in) {
        Row v = openVisit(user, id);
        ReturnVisitPolicy.Result result;
        try {
            result = ReturnVisitPolicy.Result.valueOf(in.result() == null ? "" : in.result());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("result", in.result() == null ? "required" : "invalid");
        }
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        Tickets.text(problems, "feedback", in.feedback(), 4000, result == ReturnVisitPolicy.Result.NOT_SOLVED);
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        List<String> outcomes = jdbc.sql("SELECT outcome FROM return_visit_attempt WHERE company_id = :c AND visit_id = :id")
                .param("c", user.companyId()).param("id", id).query(String.class).list();
        int failed = (int) outcomes.stream().filter(FAILED::contains).count();
        Instant now = clock.instant();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        Decision<ReturnVisitPolicy.CloseVerdict> decision = ReturnVisitPolicy.close(result, in.satisfaction(), failed,
                outcomes.contains("WRONG_NUMBER"), snapshot);
        switch (decision.outcome()) {
            case NEEDS_SATISFACTION -> throw ProblemException.invalid("satisfaction", "satisfaction");
            case TOO_FEW_ATTEMPTS -> throw ProblemException.invalid("result", "too-few-attempts",
                    snapshot.get(ServiceSettings.MAX_ATTEMPTS), failed);
            case NO_WRONG_NUMBER -> throw ProblemException.invalid("result", "no-wrong-number");
            default -> { }
        }
        boolean reached = result == ReturnVisitPolicy.Result.SOLVED || result == ReturnVisitPolicy.Result.NOT_SOLVED;
        long decisionId = decisions.record("return-visit", String.valueOf(id), "close", decision);
        jdbc.sql("""
                UPDATE return_visit SET state = :state, solved = :solved, satisfaction = :sat, feedback = :fb, closed_at = :now,
                       closed_by = :by, version = version + 1 WHERE company_id = :c AND id = :id""")
                .param("state", result.name()).param("solved", reached ? result == ReturnVisitPolicy.Result.SOLVED : null)
                .param("sat", reached ? in.satisfaction() : null).param("fb", Tickets.strip(in.feedback()))
                .param("now", Tickets.at(now)).param("by", user.id()).param("c", user.companyId()).param("id", id).update();
        audit.record("return-visit", id, "closed", Changes.of().created("result", result.name()));
        if (v.ticketId() == null) return;
        long ticketId = v.ticketId();
        history.add(user.companyId(), ticketId, user.id(), "RETURN_VISIT_CLOSED", Tickets.strip(in.feedback()),
                Map.of("visitId", id, "result", result.name(), "satisfaction", reached ? in.satisfaction() : 0), decisionId);
        if (decision.outcome() == ReturnVisitPolicy.CloseVerdict.REOPEN) reopen(user, ticketId, in.feedback().strip(), now);
        else jdbc.sql("""
                UPDATE ticket SET state = 'CLOSED', closed_at = :now, version = version + 1
                WHERE company_id = :c AND id = :id AND state = 'RESOLVED'
                  AND NOT EXISTS (SELECT 1 FROM return_visit o WHERE o.company_id = :c AND o.ticket_id = :id AND o.closed_at IS NULL)""")
                .param("now", Tickets.at(now)).param("c", user.companyId()).param("id", ticketId).update();
    }

    /** SVC-7: the ticket opens again with a new promise (the type's limit from now, by the settings of its receipt). */
    private void reopen(YewuPrincipal user, long ticketId, String feedback, Instant now) {
        Map<String, Object> t = jdbc.sql("SELECT type, received_at, number, subject FROM ticket WHERE company_id = :c AND id = :id FOR UPDATE")
                .param("c", user.companyId()).param("id", ticketId).query().singleRow();
        SettingsSnapshot atReceipt = settings.snapshotAt(TicketQueries.odt(t.get("received_at")).toInstant());
        TicketClock ticketClock = TicketClock.of(atReceipt, calendar.calendar());
        Instant promised = ticketClock.plus(now, atReceipt.get(ServiceSettings.REPLY_LIMIT.get(TicketType.valueOf((String) t.get("type")))));
        int cycle = jdbc.sql("SELECT coalesce(max(cycle), 0) + 1 FROM ticket_timer WHERE company_id = :c AND ticket_id = :id")
                .param("c", user.companyId()).param("id", ticketId).query(Integer.class).single();
        jdbc.sql("""
                UPDATE ticket SET state = 'OPEN', closed_at = NULL, resolved_at = NULL, resolved_by = NULL, promised_at = :promised,
                       reminded_at = NULL, overdue_at = NULL, reopen_count = reopen_count + 1, version = version + 1
                WHERE company_id = :c AND id = :id""")
                .param("promised", Tickets.at(promised)).param("c", user.companyId()).param("id", ticketId).update();
        history.add(user.companyId(), ticketId, user.id(), "REOPENED", feedback, Map.of("promisedAt", promised.toString(), "cycle", cycle), null);
        timers.start(user.companyId(), ticketId, cycle, now, promised, ticketClock, atReceipt);
        for (long director : timers.inDepartmentElseCompany(RoleCode.SERVICE_DIRECTOR, user.departmentId())) {
            notifier.notify(director, "service.ticket-reopened", "回访未解决，工单重开：" + t.get("number"),
                    "Return visit not solved, ticket reopened: " + t.get("number"), "回访反馈：" + feedback,
                    "Return-visit feedback: " + feedback, "/tickets/" + ticketId);
        }
    }

    Row openVisit(YewuPrincipal user, long id) {
        Row v = detail(user, id).visit();
        jdbc.sql("SELECT id FROM return_visit WHERE company_id = :c AND id = :id FOR UPDATE").param("c", user.companyId()).param("id", id)
                .query(Long.class).single();
        if (v.closedAt() != null) throw ProblemException.conflict("visit-closed");
        return v;
    }
}
