package io.yewu.service.internal;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.scheduling.DueTask;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.TicketType;
import io.yewu.service.internal.policy.EscalationPolicy;
import io.yewu.service.internal.policy.TicketClock;
import io.yewu.service.internal.policy.TimerPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * SVC-4 timers on the platform's one-off tasks (decisions 0020 point 8): each promise schedules a reminder, the
 * overdue mark and the director's escalation; each fires once (the task is claimed once, and {@code fired_at} is
 * set only while empty), on time, and after a restart when it fell due while the application was down.
 */
@Component
class TicketTimers implements DueTaskHandler {

    static final String KIND = "service.ticket-timer";

    private final JdbcClient jdbc;
    private final DueTasks dueTasks;
    private final DecisionRecords decisions;
    private final Notifier notifier;
    private final UserDirectory users;
    private final Clock clock;
    private final TicketHistory history;

    TicketTimers(JdbcClient jdbc, DueTasks dueTasks, DecisionRecords decisions, Notifier notifier, UserDirectory users, Clock clock,
                 TicketHistory history) {
        this.history = history;
        this.jdbc = jdbc;
        this.dueTasks = dueTasks;
        this.decisions = decisions;
        this.notifier = notifier;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** Schedules a promise's three timers (cycle counts promises: the first, then one per reopening). */
    void start(long companyId, long ticketId, int cycle, Instant receivedAt, Instant promisedAt, TicketClock ticketClock,
               SettingsSnapshot snapshot) {
        Decision<TimerPolicy.Timers> decision = TimerPolicy.timers(receivedAt, promisedAt, ticketClock, snapshot);
        decisions.record("ticket", String.valueOf(ticketId), "timers", decision);
        TimerPolicy.Timers t = decision.outcome();
        schedule(companyId, ticketId, cycle, EscalationPolicy.Timer.REMIND, t.remindAt(), snapshot.version());
        schedule(companyId, ticketId, cycle, EscalationPolicy.Timer.OVERDUE, t.overdueAt(), snapshot.version());
        schedule(companyId, ticketId, cycle, EscalationPolicy.Timer.DIRECTOR, t.directorAt(), snapshot.version());
    }

    private void schedule(long companyId, long ticketId, int cycle, EscalationPolicy.Timer timer, Instant at, long settingsVersion) {
        jdbc.sql("""
                INSERT INTO ticket_timer (company_id, ticket_id, cycle, kind, due_at, settings_version)
                VALUES (:c, :t, :cycle, :kind, :at, :sv)""")
                .param("c", companyId).param("t", ticketId).param("cycle", cycle).param("kind", timer.name())
                .param("at", Tickets.at(at)).param("sv", settingsVersion).update();
        dueTasks.schedule(KIND, key(ticketId, cycle, timer), at, Map.of("ticketId", ticketId, "cycle", cycle, "timer", timer.name()));
    }

    /** The ticket is resolved: pending timers are dropped. */
    void cancelAll(long companyId, long ticketId) {
        List<Map<String, Object>> pending = jdbc.sql("""
                UPDATE ticket_timer SET cancelled_at = now()
                WHERE company_id = :c AND ticket_id = :t AND fired_at IS NULL AND cancelled_at IS NULL RETURNING cycle, kind""")
                .param("c", companyId).param("t", ticketId).query().listOfRows();
        for (Map<String, Object> row : pending) {
            dueTasks.cancel(KIND, key(ticketId, ((Number) row.get("cycle")).intValue(), EscalationPolicy.Timer.valueOf((String) row.get("kind"))));
        }
    }

    @Override
    public void handle(DueTask task) {
        long ticketId = ((Number) task.payload().get("ticketId")).longValue();
        int cycle = ((Number) task.payload().get("cycle")).intValue();
        EscalationPolicy.Timer timer = EscalationPolicy.Timer.valueOf((String) task.payload().get("timer"));
        // fires once: only the update that finds fired_at empty goes on
        int claimed = jdbc.sql("""
                UPDATE ticket_timer SET fired_at = :now
                WHERE company_id = :c AND ticket_id = :t AND cycle = :cycle AND kind = :kind AND fired_at IS NULL AND cancelled_at IS NULL""")
                .param("now", Tickets.at(clock.instant())).param("c", task.companyId()).param("t", ticketId)
                .param("cycle", cycle).param("kind", timer.name()).update();
        if (claimed == 0) return;
        Optional<Map<String, Object>> ticket = jdbc.sql("""
                SELECT state, type, escalation_level, marketing_level, settings_version, number, subject
                FROM ticket WHERE company_id = :c AND id = :t FOR UPDATE""")
                .param("c", task.companyId()).param("t", ticketId).query().listOfRows().stream().findFirst();
        if (ticket.isEmpty() || !"OPEN".equals(ticket.get().get("state"))) return;
        Map<String, Object> t = ticket.get();
        Decision<EscalationPolicy.Level> decision = EscalationPolicy.onTimer(timer,
                EscalationPolicy.Level.valueOf((String) t.get("escalation_level")), TicketType.valueOf((String) t.get("type")),
                (Boolean) t.get("marketing_level"), ((Number) t.get("settings_version")).longValue());
        String number = (String) t.get("number");
        if (timer == EscalationPolicy.Timer.REMIND) {
            long decisionId = decisions.record("ticket", String.valueOf(ticketId), "reminder", decision);
            jdbc.sql("UPDATE ticket SET reminded_at = :now WHERE company_id = :c AND id = :t")
                    .param("now", Tickets.at(clock.instant())).param("c", task.companyId()).param("t", ticketId).update();
            event(task.companyId(), ticketId, "REMINDED", "", Map.of("timer", timer.name(), "cycle", cycle), decisionId);
            notifier.notifyAll("service.ticket-reminder", "/tickets/" + ticketId, ownerAndAssignees(task.companyId(), ticketId).stream()
                    .map(userId -> new Notifier.Message(userId, "工单即将到期：" + number, "Ticket due soon: " + number,
                            "承诺答复时间即将到达：" + t.get("subject"), "The promised reply time is near: " + t.get("subject")))
                    .toList());
            return;
        }
        if (timer == EscalationPolicy.Timer.OVERDUE) {
            jdbc.sql("UPDATE ticket SET overdue_at = :now WHERE company_id = :c AND id = :t")
                    .param("now", Tickets.at(clock.instant())).param("c", task.companyId()).param("t", ticketId).update();
            event(task.companyId(), ticketId, "OVERDUE", "", Map.of("timer", timer.name(), "cycle", cycle), null);
        }
        escalate(task.companyId(), ticketId, null, decision, "");
    }

    /** Raises the ticket's level (a timer, or an agent at once) and tells whoever the level names. */
    void escalate(long companyId, long ticketId, Long actorId, Decision<EscalationPolicy.Level> decision, String note) {
        long decisionId = decisions.record("ticket", String.valueOf(ticketId), "escalation", decision);
        EscalationPolicy.Level level = decision.outcome();
        jdbc.sql("""
                UPDATE ticket SET escalation_level = :level, escalated_at = :now, escalation_count = escalation_count + 1,
                       version = version + 1 WHERE company_id = :c AND id = :t""")
                .param("level", level.name()).param("now", Tickets.at(clock.instant())).param("c", companyId).param("t", ticketId).update();
        history.add(companyId, ticketId, actorId, "ESCALATED", note, Map.of("level", level.name(), "byAgent", actorId != null), decisionId);
        Map<String, Object> t = jdbc.sql("SELECT number, subject, owner_department_id FROM ticket WHERE company_id = :c AND id = :t")
                .param("c", companyId).param("t", ticketId).query().singleRow();
        Long dept = t.get("owner_department_id") == null ? null : ((Number) t.get("owner_department_id")).longValue();
        Set<Long> to = new LinkedHashSet<>();
        switch (level) {
            case SHIFT_LEAD -> to.addAll(inDepartmentElseCompany(RoleCode.SHIFT_LEAD, dept));
            case SERVICE_DIRECTOR -> to.addAll(inDepartmentElseCompany(RoleCode.SERVICE_DIRECTOR, dept));
            case MARKETING_DIRECTOR -> {
                to.addAll(inDepartmentElseCompany(RoleCode.SERVICE_DIRECTOR, dept));
                to.addAll(users.withRole(RoleCode.MARKETING_DIRECTOR, null));
            }
            case NONE -> { }
        }
        notifier.notifyAll("service.ticket-escalated", "/tickets/" + ticketId, to.stream()
                .map(userId -> new Notifier.Message(userId, "工单升级：" + t.get("number"), "Ticket escalated: " + t.get("number"),
                        decision.hits().getLast().zh() + "：" + t.get("subject"), decision.hits().getLast().en() + ": " + t.get("subject")))
                .toList());
    }

    List<Long> inDepartmentElseCompany(RoleCode role, Long dept) {
        List<Long> found = dept == null ? List.of() : users.withRole(role, dept);
        return found.isEmpty() ? users.withRole(role, null) : found;
    }

    private List<Long> ownerAndAssignees(long companyId, long ticketId) {
        return jdbc.sql("""
                SELECT DISTINCT user_id FROM ticket_assignee WHERE company_id = :c AND ticket_id = :t AND active AND user_id IS NOT NULL""")
                .param("c", companyId).param("t", ticketId).query(Long.class).list();
    }

    private void event(long companyId, long ticketId, String kind, String note, Map<String, Object> detail, Long decisionId) {
        history.add(companyId, ticketId, null, kind, note, detail, decisionId);
    }

    static String key(long ticketId, int cycle, EscalationPolicy.Timer timer) {
        return "ticket:" + ticketId + ":" + cycle + ":" + timer.name();
    }
}
