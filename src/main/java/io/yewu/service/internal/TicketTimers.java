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
import java.util.Set;

/**
 * SVC-4 timers on the platform's one-off tasks (decisions 0020 point 8): each promise schedules a reminder, the
 * overdue mark and the director's escalation; each fires once (the task is claimed once, and {@code fired_at} is
 * set only while empty), on time, and after a restart when it fell due while the application was down. A
 * transaction's run of timers is one pass ({@link #handleAll}): a statement per kind of write, not per timer
 * (decision 0035), which is what keeps a sweep of thousands a minute ahead of the clock.
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
        handleAll(List.of(task));
    }

    /** Many timers take a few statements, however many there are (a backlog after downtime, a busy hour). */
    @Override
    public boolean batches() {
        return true;
    }

    /**
     * Fires the given timers of one company, set-based: claims them (only those whose {@code fired_at} is empty go
     * on), locks their open tickets, then decides each in due order from the ticket's level as the timers before it
     * left it, and writes the decisions, ticket changes, history and notices a statement each.
     */
    @Override
    public void handleAll(List<DueTask> tasks) {
        long companyId = tasks.getFirst().companyId();
        List<Fire> fires = tasks.stream().map(Fire::of).toList();
        Set<String> claimed = new java.util.HashSet<>(jdbc.sql("""
                UPDATE ticket_timer tt SET fired_at = :now
                FROM unnest(CAST(:tickets AS bigint[]), CAST(:cycles AS int[]), CAST(:kinds AS text[])) AS f(ticket_id, cycle, kind)
                WHERE tt.company_id = :c AND tt.ticket_id = f.ticket_id AND tt.cycle = f.cycle AND tt.kind = f.kind
                  AND tt.fired_at IS NULL AND tt.cancelled_at IS NULL
                RETURNING tt.ticket_id || ':' || tt.cycle || ':' || tt.kind""")
                .param("now", Tickets.at(clock.instant())).param("c", companyId)
                .param("tickets", fires.stream().map(Fire::ticketId).toArray(Long[]::new))
                .param("cycles", fires.stream().map(Fire::cycle).toArray(Integer[]::new))
                .param("kinds", fires.stream().map(f -> f.timer().name()).toArray(String[]::new))
                .query(String.class).list());
        List<Fire> firing = fires.stream().filter(f -> claimed.contains(f.ticketId() + ":" + f.cycle() + ":" + f.timer().name())).toList();
        if (firing.isEmpty()) return;
        Map<Long, Open> open = tickets(companyId, firing.stream().map(Fire::ticketId).distinct().toList(), true);
        Pass pass = new Pass(companyId);
        for (Fire fire : firing) {
            Open t = open.get(fire.ticketId());
            if (t == null) continue; // resolved (or gone) since the timer was set
            Decision<EscalationPolicy.Level> decision = EscalationPolicy.onTimer(fire.timer(), pass.level(t), t.type(),
                    t.marketingLevel(), t.settingsVersion());
            Map<String, Object> detail = Map.of("timer", fire.timer().name(), "cycle", fire.cycle());
            switch (fire.timer()) {
                case REMIND -> pass.remind(t, decision, detail);
                case OVERDUE -> {
                    pass.overdue(t, detail);
                    pass.escalate(t, null, decision, "");
                }
                case DIRECTOR -> pass.escalate(t, null, decision, "");
            }
        }
        pass.write();
    }

    /** Raises the ticket's level at an agent's request and tells whoever the level names (the timers' path). */
    void escalate(long companyId, long ticketId, Long actorId, Decision<EscalationPolicy.Level> decision, String note) {
        Open t = tickets(companyId, List.of(ticketId), false).get(ticketId);
        Pass pass = new Pass(companyId);
        pass.escalate(t, actorId, decision, note);
        pass.write();
    }

    /** The tickets' facts the timers decide from: only open ones, locked in id order, when {@code openLocked}. */
    private Map<Long, Open> tickets(long companyId, List<Long> ids, boolean openLocked) {
        Map<Long, Open> found = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT id, type, escalation_level, marketing_level, settings_version, number, subject, owner_department_id
                FROM ticket WHERE company_id = :c AND id = ANY(:ids)""" + (openLocked ? " AND state = 'OPEN' ORDER BY id FOR UPDATE" : ""))
                .param("c", companyId).param("ids", ids.toArray(Long[]::new))
                .query((rs, n) -> found.put(rs.getLong("id"), new Open(rs.getLong("id"), TicketType.valueOf(rs.getString("type")),
                        EscalationPolicy.Level.valueOf(rs.getString("escalation_level")), rs.getBoolean("marketing_level"),
                        rs.getLong("settings_version"), rs.getString("number"), rs.getString("subject"),
                        (Long) rs.getObject("owner_department_id", Long.class))))
                .list();
        return found;
    }

    private record Fire(long ticketId, int cycle, EscalationPolicy.Timer timer) {
        static Fire of(DueTask task) {
            return new Fire(((Number) task.payload().get("ticketId")).longValue(), ((Number) task.payload().get("cycle")).intValue(),
                    EscalationPolicy.Timer.valueOf((String) task.payload().get("timer")));
        }
    }

    private record Open(long id, TicketType type, EscalationPolicy.Level level, boolean marketingLevel, long settingsVersion,
                        String number, String subject, Long departmentId) {}

    /** What one pass of timers (or one escalation by an agent) changes on each ticket. */
    private static final class Change {
        boolean reminded;
        boolean overdue;
        EscalationPolicy.Level level;
        int escalations;
    }

    private record Step(long ticketId, Long actorId, String kind, String note, Map<String, Object> detail, int decision) {}

    /**
     * The writes of one pass, gathered in order and written a statement each: the decisions (whose ids the history
     * rows point to), the tickets, their history, then the reminder and escalation notices.
     */
    private final class Pass {
        private final long companyId;
        private final List<DecisionRecords.Entry> decisionEntries = new java.util.ArrayList<>();
        private final Map<Long, Change> changes = new java.util.LinkedHashMap<>();
        private final List<Step> steps = new java.util.ArrayList<>();
        private final Map<Long, Open> reminders = new java.util.LinkedHashMap<>();
        private final List<Notifier.Linked> escalated = new java.util.ArrayList<>();
        private final Map<String, List<Long>> staff = new java.util.HashMap<>();

        Pass(long companyId) {
            this.companyId = companyId;
        }

        EscalationPolicy.Level level(Open t) {
            Change c = changes.get(t.id());
            return c == null || c.level == null ? t.level() : c.level;
        }

        private Change change(Open t) {
            return changes.computeIfAbsent(t.id(), id -> new Change());
        }

        private int decide(Open t, String kind, Decision<?> decision) {
            decisionEntries.add(new DecisionRecords.Entry("ticket", String.valueOf(t.id()), kind, decision));
            return decisionEntries.size() - 1;
        }

        void remind(Open t, Decision<EscalationPolicy.Level> decision, Map<String, Object> detail) {
            change(t).reminded = true;
            steps.add(new Step(t.id(), null, "REMINDED", "", detail, decide(t, "reminder", decision)));
            reminders.put(t.id(), t);
        }

        void overdue(Open t, Map<String, Object> detail) {
            change(t).overdue = true;
            steps.add(new Step(t.id(), null, "OVERDUE", "", detail, -1));
        }

        void escalate(Open t, Long actorId, Decision<EscalationPolicy.Level> decision, String note) {
            Change c = change(t);
            c.level = decision.outcome();
            c.escalations++;
            steps.add(new Step(t.id(), actorId, "ESCALATED", note,
                    Map.of("level", decision.outcome().name(), "byAgent", actorId != null), decide(t, "escalation", decision)));
            Set<Long> to = new LinkedHashSet<>();
            switch (decision.outcome()) {
                case SHIFT_LEAD -> to.addAll(staff(RoleCode.SHIFT_LEAD, t.departmentId()));
                case SERVICE_DIRECTOR -> to.addAll(staff(RoleCode.SERVICE_DIRECTOR, t.departmentId()));
                case MARKETING_DIRECTOR -> {
                    to.addAll(staff(RoleCode.SERVICE_DIRECTOR, t.departmentId()));
                    to.addAll(staff(RoleCode.MARKETING_DIRECTOR, null));
                }
                case NONE -> { }
            }
            String why = decision.hits().getLast().zh(), whyEn = decision.hits().getLast().en();
            to.forEach(userId -> escalated.add(new Notifier.Linked(new Notifier.Message(userId, "工单升级：" + t.number(),
                    "Ticket escalated: " + t.number(), why + "：" + t.subject(), whyEn + ": " + t.subject()), "/tickets/" + t.id())));
        }

        /** A role's people in the ticket's department, else in the company (the marketing director: the company's). */
        private List<Long> staff(RoleCode role, Long dept) {
            return this.staff.computeIfAbsent(role + ":" + dept, k -> role == RoleCode.MARKETING_DIRECTOR
                    ? users.withRole(role, null) : inDepartmentElseCompany(role, dept));
        }

        void write() {
            List<Long> decisionIds = decisions.recordBatch(decisionEntries);
            if (!changes.isEmpty()) {
                List<Long> ids = List.copyOf(changes.keySet());
                jdbc.sql("""
                        UPDATE ticket t SET reminded_at = CASE WHEN u.reminded THEN :now ELSE t.reminded_at END,
                               overdue_at = CASE WHEN u.overdue THEN :now ELSE t.overdue_at END,
                               escalation_level = coalesce(u.level, t.escalation_level),
                               escalated_at = CASE WHEN u.escalations > 0 THEN :now ELSE t.escalated_at END,
                               escalation_count = t.escalation_count + u.escalations, version = t.version + u.escalations
                        FROM unnest(CAST(:ids AS bigint[]), CAST(:reminded AS boolean[]), CAST(:overdue AS boolean[]),
                                    CAST(:levels AS text[]), CAST(:escalations AS int[])) AS u(id, reminded, overdue, level, escalations)
                        WHERE t.company_id = :c AND t.id = u.id""")
                        .param("now", Tickets.at(clock.instant())).param("c", companyId)
                        .param("ids", ids.toArray(Long[]::new))
                        .param("reminded", ids.stream().map(id -> changes.get(id).reminded).toArray(Boolean[]::new))
                        .param("overdue", ids.stream().map(id -> changes.get(id).overdue).toArray(Boolean[]::new))
                        .param("levels", ids.stream().map(id -> changes.get(id).level == null ? null : changes.get(id).level.name()).toArray(String[]::new))
                        .param("escalations", ids.stream().map(id -> changes.get(id).escalations).toArray(Integer[]::new))
                        .update();
            }
            history.addAll(companyId, steps.stream().map(s -> new TicketHistory.Event(s.ticketId(), s.actorId(), s.kind(), s.note(),
                    s.detail(), s.decision() < 0 ? null : decisionIds.get(s.decision()))).toList());
            List<Notifier.Linked> dueSoon = new java.util.ArrayList<>();
            if (!reminders.isEmpty()) {
                Map<Long, List<Long>> people = ownerAndAssignees(companyId, reminders.keySet());
                reminders.forEach((ticketId, t) -> people.getOrDefault(ticketId, List.of()).forEach(userId -> dueSoon.add(new Notifier.Linked(
                        new Notifier.Message(userId, "工单即将到期：" + t.number(), "Ticket due soon: " + t.number(),
                                "承诺答复时间即将到达：" + t.subject(), "The promised reply time is near: " + t.subject()),
                        "/tickets/" + ticketId))));
            }
            notifier.notifyEach("service.ticket-reminder", dueSoon);
            notifier.notifyEach("service.ticket-escalated", escalated);
        }
    }

    List<Long> inDepartmentElseCompany(RoleCode role, Long dept) {
        List<Long> found = dept == null ? List.of() : users.withRole(role, dept);
        return found.isEmpty() ? users.withRole(role, null) : found;
    }

    /** The active owner and assignees of each ticket, by ticket. */
    private Map<Long, List<Long>> ownerAndAssignees(long companyId, java.util.Collection<Long> ticketIds) {
        Map<Long, List<Long>> people = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ticket_id, user_id FROM ticket_assignee
                WHERE company_id = :c AND ticket_id = ANY(:t) AND active AND user_id IS NOT NULL ORDER BY ticket_id, user_id""")
                .param("c", companyId).param("t", ticketIds.toArray(Long[]::new))
                .query((rs, n) -> people.computeIfAbsent(rs.getLong("ticket_id"), k -> new java.util.ArrayList<>()).add(rs.getLong("user_id")))
                .list();
        return people;
    }

    static String key(long ticketId, int cycle, EscalationPolicy.Timer timer) {
        return "ticket:" + ticketId + ":" + cycle + ":" + timer.name();
    }
}
