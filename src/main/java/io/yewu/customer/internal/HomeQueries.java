package io.yewu.customer.internal;

import io.yewu.customer.internal.visit.VisitSummary;
import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The home pages (工作台) of the sales side, read-only: a salesperson's day (visits, follow-ups, new leads and their
 * first-contact deadlines, claims and disputes, TEAM-2 goals with progress from the records) and a manager's team
 * (visit completion this week, the pool, late first contacts per person, open disputes). Salespeople see only their
 * own records; managers their data scope (PLT-5); the company wall holds throughout (PLT-11).
 */
@Component
class HomeQueries {

    static final int ITEMS = 5;
    static final long MAX_DAYS = 366;

    record FollowUpsDue(long dueToday, long overdue, List<FollowUps.Due> items) {}

    record Lead(long customerId, String name, OffsetDateTime assignedAt, OffsetDateTime firstContactDue, boolean overdue) {}

    record Leads(long waiting, long overdue, long receivedThisMonth, List<Lead> items) {}

    record Sales(LocalDate today, VisitSummary.Today visits, FollowUpsDue followUps, Leads leads, long openClaims,
                 long openDisputes, Decision<List<DailyGoalPolicy.Goal>> goals) {}

    record Day(LocalDate date, long calls, long meetings, long newIntentions) {}

    record Activity(LocalDate from, LocalDate to, List<Day> days) {}

    record PersonOverdue(long userId, String name, long overdue) {}

    record Pool(long waiting, OffsetDateTime oldestSince) {}

    record Team(LocalDate today, VisitSummary.Week visits, Pool pool, List<PersonOverdue> overdueFirstContacts,
                long openDisputes, FollowUps.DueCounts followUps) {}

    private final JdbcClient jdbc;
    private final FollowUps followUps;
    private final VisitSummary visits;
    private final BusinessCalendar calendar;
    private final Settings settings;
    private final Clock clock;
    private final DailyGoalPolicy goals = new DailyGoalPolicy();

    HomeQueries(JdbcClient jdbc, FollowUps followUps, VisitSummary visits, BusinessCalendar calendar, Settings settings, Clock clock) {
        this.jdbc = jdbc;
        this.followUps = followUps;
        this.visits = visits;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
    }

    Sales sales(YewuPrincipal me) {
        LocalDate today = today();
        Instant now = clock.instant();
        var due = followUps.due(me, false, new PageQuery(0, ITEMS, null)).items();
        var counts = followUps.dueCounts(me, false);
        Day activity = activity(me, today, today).days().getFirst();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        var goalDecision = goals.progress(activity.newIntentions(), activity.meetings(),
                snapshot.get(DailyGoalSettings.NEW_INTENTIONS), snapshot.get(DailyGoalSettings.MEETINGS),
                calendar.calendar().isWorkingDay(today), snapshot.version());
        Map<String, Object> p = Map.of("c", me.companyId(), "me", me.id(), "now", utc(now),
                "monthStart", today.withDayOfMonth(1).atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime());
        List<Lead> leadItems = jdbc.sql("""
                SELECT c.id AS customer_id, c.name, c.assigned_at, c.first_contact_due, c.first_contact_due < :now AS overdue
                FROM customer c WHERE c.company_id = :c AND c.owner_id = :me AND c.first_contacted_at IS NULL
                  AND c.first_contact_due IS NOT NULL ORDER BY c.first_contact_due, c.id LIMIT""" + " " + ITEMS)
                .params(p).query(Lead.class).list();
        Leads leads = jdbc.sql("""
                SELECT count(*) FILTER (WHERE c.first_contacted_at IS NULL AND c.first_contact_due IS NOT NULL) AS waiting,
                       count(*) FILTER (WHERE c.first_contacted_at IS NULL AND c.first_contact_due < :now) AS overdue,
                       count(*) FILTER (WHERE c.assigned_at >= :monthStart) AS received
                FROM customer c WHERE c.company_id = :c AND c.owner_id = :me AND c.assigned_at IS NOT NULL""")
                .params(p).query((rs, n) -> new Leads(rs.getLong("waiting"), rs.getLong("overdue"), rs.getLong("received"), leadItems))
                .single();
        long claims = jdbc.sql("SELECT count(*) FROM customer_claim cl WHERE cl.company_id = :c AND cl.claimant_id = :me AND cl.status = 'OPEN'")
                .params(p).query(Long.class).single();
        long disputes = jdbc.sql("""
                SELECT count(*) FROM ownership_dispute d JOIN customer c ON c.company_id = d.company_id AND c.id = d.customer_id
                WHERE d.company_id = :c AND d.status = 'OPEN' AND (d.opened_by = :me OR c.owner_id = :me)""")
                .params(p).query(Long.class).single();
        return new Sales(today, visits.today(me, today), new FollowUpsDue(counts.dueToday(), counts.overdue(), due), leads,
                claims, disputes, goalDecision);
    }

    /** The user's own recorded activity per day (calls and messages, meetings, new intention customers). */
    Activity activity(YewuPrincipal me, LocalDate from, LocalDate to) {
        LocalDate today = today();
        LocalDate start = from == null ? today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : from;
        LocalDate end = to == null ? today : to;
        if (end.isBefore(start)) throw ProblemException.invalid("to", "date-order");
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) throw ProblemException.invalid("to", "out-of-range");
        Map<LocalDate, long[]> byDay = new HashMap<>();
        jdbc.sql("""
                SELECT (f.happened_at AT TIME ZONE 'Asia/Shanghai')::date AS day,
                       count(*) FILTER (WHERE f.kind IN ('PHONE', 'MESSAGE')) AS calls,
                       count(DISTINCT f.customer_id) FILTER (WHERE f.kind IN ('VISIT', 'MEETING')) AS meetings
                FROM follow_up f WHERE f.company_id = :c AND f.author_id = :me AND f.happened_at >= :from AND f.happened_at < :to
                GROUP BY 1""")
                .param("c", me.companyId()).param("me", me.id())
                .param("from", start.atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .param("to", end.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .query(rs -> {
                    long[] v = byDay.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new long[3]);
                    v[0] = rs.getLong("calls");
                    v[1] = rs.getLong("meetings");
                });
        jdbc.sql("""
                SELECT c.intention_on AS day, count(*) AS n FROM customer c
                WHERE c.company_id = :c AND c.owner_id = :me AND c.intention_on BETWEEN :from AND :to GROUP BY 1""")
                .param("c", me.companyId()).param("me", me.id()).param("from", start).param("to", end)
                .query(rs -> { byDay.computeIfAbsent(rs.getObject("day", LocalDate.class), d -> new long[3])[2] = rs.getLong("n"); });
        List<Day> days = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            long[] v = byDay.getOrDefault(d, new long[3]);
            days.add(new Day(d, v[0], v[1], v[2]));
        }
        return new Activity(start, end, days);
    }

    Team team(YewuPrincipal manager) {
        var access = CustomerAccess.of(manager, "c");
        Pool pool = jdbc.sql("SELECT count(*) AS waiting, min(c.created_at) AS oldest_since FROM customer c"
                        + " WHERE c.owner_id IS NULL AND c.stage <> 'CLOSED' AND " + access.inScopeSql())
                .params(access.params()).query(Pool.class).single();
        var scope = DataScope.of(manager, "c.company_id", "c.owner_id");
        List<PersonOverdue> overdue = jdbc.sql("""
                SELECT c.owner_id AS user_id, u.display_name AS name, count(*) AS overdue
                FROM customer c JOIN app_user u ON u.company_id = c.company_id AND u.id = c.owner_id
                WHERE %s AND c.first_contacted_at IS NULL AND c.first_contact_due < :now
                GROUP BY c.owner_id, u.display_name ORDER BY overdue DESC, u.display_name""".formatted(scope.sql()))
                .params(scope.params()).param("now", utc(clock.instant())).query(PersonOverdue.class).list();
        var opener = DataScope.of(manager, "d.company_id", "d.opened_by");
        Map<String, Object> params = new HashMap<>(opener.params());
        params.put("me", manager.id());
        long disputes = jdbc.sql("""
                SELECT count(*) FROM ownership_dispute d JOIN customer c ON c.company_id = d.company_id AND c.id = d.customer_id
                WHERE d.status = 'OPEN' AND ((%s) OR d.opened_by = :me OR c.owner_id = :me)""".formatted(opener.sql()))
                .params(params).query(Long.class).single();
        return new Team(today(), visits.thisWeek(manager), pool, overdue, disputes, followUps.dueCounts(manager, true));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkCalendar.ZONE));
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }
}
