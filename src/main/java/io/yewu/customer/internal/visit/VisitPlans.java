package io.yewu.customer.internal.visit;

import io.yewu.platform.calendar.BusinessCalendar;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The day's plan and the weekly plan completion (CUS-14). The day's plan comes from the routes as they are now; the
 * weekly completion from the plan as it stood: each day of the week is planned from the route stops in force at the
 * end of that day (or now, for today and later days), kept in {@code visit_route_stop_history}, so changing a route
 * never rewrites a past week. A planned stop counts as done when the same person completed a visit (check-in and
 * check-out) to that customer on that day; closed customers are neither planned nor counted. Done visits whose
 * customer had no confirmed location are counted and reported as "location unconfirmed" (位置待确认).
 */
@Service
class VisitPlans {

    enum Status { PLANNED, CHECKED_IN, DONE }

    record PlanItem(long routeId, String routeName, int position, long customerId, String customerName, String city,
                    String address, Long visitId, Status status) {}

    record DayPlan(LocalDate date, boolean workingDay, List<PlanItem> items) {}

    record PersonCompletion(long userId, String name, int planned, int done, int unplannedDone, int locationUnconfirmed,
                            BigDecimal rate) {}

    record Completion(String week, LocalDate from, LocalDate to, List<PersonCompletion> people) {}

    private record Person(long id, String displayName) {}

    private record Customer(String name, String city, String address) {}

    private record VisitState(long id, long customerId, LocalDate visitOn, boolean checkedIn, boolean checkedOut,
                              boolean locationUnconfirmed) {}

    /** A stop as it stood between two instants. */
    private record PastStop(DayPlanner.Stop stop, Instant from, Instant to) {
        boolean heldAt(Instant t) {
            return !from.isAfter(t) && (to == null || to.isAfter(t));
        }
    }

    private final JdbcClient jdbc;
    private final BusinessCalendar calendar;
    private final DayPlanner planner = new DayPlanner();

    VisitPlans(JdbcClient jdbc, BusinessCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    DayPlan plan(YewuPrincipal me, LocalDate date) {
        WorkCalendar work = calendar.calendar();
        List<DayPlanner.Stop> planned = planner.plan(date, work.isWorkingDay(date), stops(me.companyId(), me.id()));
        Map<Long, VisitState> visits = visits(me.companyId(), me.id(), date, date).stream()
                .collect(Collectors.toMap(VisitState::customerId, v -> v));
        Map<Long, Customer> customers = customers(me.companyId(), planned.stream().map(DayPlanner.Stop::customerId).toList());
        List<PlanItem> items = planned.stream().map(s -> {
            VisitState v = visits.get(s.customerId());
            Customer c = customers.get(s.customerId());
            return new PlanItem(s.routeId(), s.routeName(), s.position(), s.customerId(), c.name(), c.city(),
                    c.address(), v == null ? null : v.id(), status(v));
        }).toList();
        return new DayPlan(date, work.isWorkingDay(date), items);
    }

    /** @param week ISO week such as {@code 2026-W48}; null for the current week */
    Completion completion(YewuPrincipal me, String week, Long userId) {
        LocalDate monday = monday(week);
        LocalDate sunday = monday.plusDays(6);
        WorkCalendar work = calendar.calendar();
        List<Person> persons = people(me, userId, monday, sunday);
        // everyone's plan history and visits in two queries, not two per person
        List<Long> ids = persons.stream().map(Person::id).toList();
        Map<Long, List<PastStop>> histories = history(me.companyId(), ids, monday, sunday);
        Map<Long, List<VisitState>> visits = visits(me.companyId(), ids, monday, sunday);
        List<PersonCompletion> people = persons.stream()
                .map(p -> completionOf(p, histories.getOrDefault(p.id(), List.of()), visits.getOrDefault(p.id(), List.of()),
                        monday, sunday, work)).toList();
        return new Completion(isoWeek(monday), monday, sunday, people);
    }

    private PersonCompletion completionOf(Person person, List<PastStop> history, List<VisitState> visits, LocalDate monday,
                                          LocalDate sunday, WorkCalendar work) {
        Instant now = Instant.now();
        Set<String> planned = new HashSet<>();
        Set<Long> closed = new HashSet<>();
        for (LocalDate d = monday; !d.isAfter(sunday); d = d.plusDays(1)) {
            LocalDate day = d;
            Instant endOfDay = day.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toInstant();
            Instant asOf = endOfDay.isAfter(now) ? now : endOfDay;
            List<DayPlanner.Stop> stops = history.stream().filter(h -> h.heldAt(asOf)).map(PastStop::stop).toList();
            stops.stream().filter(DayPlanner.Stop::customerClosed).forEach(s -> closed.add(s.customerId()));
            planner.plan(day, work.isWorkingDay(day), stops).forEach(s -> planned.add(s.customerId() + "@" + day));
        }
        int done = 0;
        int unplanned = 0;
        int unconfirmed = 0;
        for (VisitState v : visits) {
            if (!v.checkedOut() || closed.contains(v.customerId())) continue;
            if (planned.contains(v.customerId() + "@" + v.visitOn())) done++; else unplanned++;
            if (v.locationUnconfirmed()) unconfirmed++;
        }
        BigDecimal rate = planned.isEmpty() ? null
                : BigDecimal.valueOf(done).divide(BigDecimal.valueOf(planned.size()), 4, RoundingMode.HALF_UP);
        return new PersonCompletion(person.id(), person.displayName(), planned.size(), done, unplanned, unconfirmed, rate);
    }

    /** Every version of the people's route stops that held at some moment of the week, by owner. */
    private Map<Long, List<PastStop>> history(long companyId, List<Long> ownerIds, LocalDate monday, LocalDate sunday) {
        if (ownerIds.isEmpty()) return Map.of();
        Map<Long, List<PastStop>> byOwner = new HashMap<>();
        jdbc.sql("""
                SELECT h.owner_id, h.route_id, h.route_name, h.position, h.customer_id, c.stage = 'CLOSED' AS closed, h.frequency,
                       h.weekdays, h.every_weeks, h.month_day, h.starts_on, h.valid_from, h.valid_to
                FROM visit_route_stop_history h
                JOIN customer c ON c.company_id = h.company_id AND c.id = h.customer_id
                WHERE h.company_id = :c AND h.owner_id = ANY(CAST(:u AS bigint[])) AND h.valid_from < :to
                  AND (h.valid_to IS NULL OR h.valid_to > :from)""")
                .param("c", companyId).param("u", ownerIds.toArray(Long[]::new))
                .param("from", monday.atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .param("to", sunday.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .query((rs, n) -> byOwner.computeIfAbsent(rs.getLong("owner_id"), k -> new ArrayList<>()).add(new PastStop(new DayPlanner.Stop(rs.getLong("route_id"), rs.getString("route_name"),
                        rs.getInt("position"), rs.getLong("customer_id"), rs.getBoolean("closed"),
                        new VisitFrequency(VisitFrequency.Kind.valueOf(rs.getString("frequency")),
                                Routes.weekdays(rs.getArray("weekdays")).stream().map(DayOfWeek::of).collect(Collectors.toSet()),
                                rs.getInt("every_weeks"), rs.getObject("month_day", Integer.class),
                                rs.getObject("starts_on", LocalDate.class))),
                        rs.getObject("valid_from", java.time.OffsetDateTime.class).toInstant(),
                        rs.getObject("valid_to", java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject("valid_to", java.time.OffsetDateTime.class).toInstant())))
                .list();
        return byOwner;
    }

    private List<Person> people(YewuPrincipal me, Long userId, LocalDate from, LocalDate to) {
        DataScope.Condition scope = DataScope.of(me, "u.company_id", "u.id");
        if (userId != null) {
            return List.of(jdbc.sql("SELECT u.id, u.display_name FROM app_user u WHERE u.id = :id AND " + scope.sql())
                    .params(scope.params()).param("id", userId).query(Person.class).optional()
                    .orElseThrow(() -> ProblemException.notFound("user " + userId)));
        }
        return jdbc.sql("""
                SELECT u.id, u.display_name FROM app_user u
                WHERE (EXISTS (SELECT 1 FROM visit_route_stop_history h WHERE h.company_id = u.company_id AND h.owner_id = u.id
                               AND h.valid_from < :toEnd AND (h.valid_to IS NULL OR h.valid_to > :fromStart))
                    OR EXISTS (SELECT 1 FROM visit v WHERE v.company_id = u.company_id AND v.visitor_id = u.id
                               AND v.visit_on BETWEEN :from AND :to))
                  AND""" + " " + scope.sql() + " ORDER BY u.display_name, u.id")
                .params(scope.params()).param("from", from).param("to", to)
                .param("fromStart", from.atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .param("toEnd", to.plusDays(1).atStartOfDay(WorkCalendar.ZONE).toOffsetDateTime())
                .query(Person.class).list();
    }

    private List<DayPlanner.Stop> stops(long companyId, long ownerId) {
        return jdbc.sql("""
                SELECT r.id AS route_id, r.name AS route_name, s.position, s.customer_id, c.stage = 'CLOSED' AS closed,
                       s.frequency, s.weekdays, s.every_weeks, s.month_day, s.starts_on
                FROM visit_route r
                JOIN visit_route_stop s ON s.company_id = r.company_id AND s.route_id = r.id
                JOIN customer c ON c.company_id = s.company_id AND c.id = s.customer_id
                WHERE r.company_id = :c AND r.owner_id = :u""")
                .param("c", companyId).param("u", ownerId)
                .query((rs, n) -> new DayPlanner.Stop(rs.getLong("route_id"), rs.getString("route_name"),
                        rs.getInt("position"), rs.getLong("customer_id"), rs.getBoolean("closed"),
                        new VisitFrequency(VisitFrequency.Kind.valueOf(rs.getString("frequency")),
                                Routes.weekdays(rs.getArray("weekdays")).stream().map(DayOfWeek::of).collect(Collectors.toSet()),
                                rs.getInt("every_weeks"), rs.getObject("month_day", Integer.class),
                                rs.getObject("starts_on", LocalDate.class))))
                .list();
    }

    private Map<Long, List<VisitState>> visits(long companyId, List<Long> visitorIds, LocalDate from, LocalDate to) {
        if (visitorIds.isEmpty()) return Map.of();
        Map<Long, List<VisitState>> byVisitor = new HashMap<>();
        jdbc.sql("""
                SELECT visitor_id, id, customer_id, visit_on, check_in_at IS NOT NULL AS checked_in,
                       check_out_at IS NOT NULL AS checked_out, location_unconfirmed
                FROM visit WHERE company_id = :c AND visitor_id = ANY(CAST(:u AS bigint[])) AND visit_on BETWEEN :from AND :to""")
                .param("c", companyId).param("u", visitorIds.toArray(Long[]::new)).param("from", from).param("to", to)
                .query((rs, n) -> byVisitor.computeIfAbsent(rs.getLong("visitor_id"), k -> new ArrayList<>()).add(new VisitState(
                        rs.getLong("id"), rs.getLong("customer_id"), rs.getObject("visit_on", LocalDate.class),
                        rs.getBoolean("checked_in"), rs.getBoolean("checked_out"), rs.getBoolean("location_unconfirmed"))))
                .list();
        return byVisitor;
    }

    private List<VisitState> visits(long companyId, long visitorId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT id, customer_id, visit_on, check_in_at IS NOT NULL AS checked_in, check_out_at IS NOT NULL AS checked_out,
                       location_unconfirmed
                FROM visit WHERE company_id = :c AND visitor_id = :u AND visit_on BETWEEN :from AND :to""")
                .param("c", companyId).param("u", visitorId).param("from", from).param("to", to)
                .query(VisitState.class).list();
    }

    private Map<Long, Customer> customers(long companyId, List<Long> ids) {
        if (ids.isEmpty()) return Map.of();
        Map<Long, Customer> byId = new HashMap<>();
        jdbc.sql("SELECT id, name, city, address FROM customer WHERE company_id = :c AND id IN (:ids)")
                .param("c", companyId).param("ids", ids)
                .query(rs -> { byId.put(rs.getLong("id"), new Customer(rs.getString("name"), rs.getString("city"), rs.getString("address"))); });
        return byId;
    }

    private static Status status(VisitState v) {
        if (v == null || !v.checkedIn()) return Status.PLANNED;
        return v.checkedOut() ? Status.DONE : Status.CHECKED_IN;
    }

    static LocalDate monday(String week) {
        if (week == null || week.isBlank()) {
            return LocalDate.now(WorkCalendar.ZONE).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        }
        try {
            return LocalDate.parse(week.trim() + "-1", DateTimeFormatter.ISO_WEEK_DATE);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("week", "visit-week");
        }
    }

    static String isoWeek(LocalDate monday) {
        return monday.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
