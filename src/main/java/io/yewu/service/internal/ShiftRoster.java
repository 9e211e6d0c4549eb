package io.yewu.service.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.service.internal.policy.ShiftPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SVC-10 the shift roster (排班): day shift, night shift or rest per agent and day, kept by the shift lead for a month;
 * the board shows who is on the shift that is on now ({@link ShiftPolicy}).
 */
@Component
class ShiftRoster {

    /** The desk: whoever takes calls, leads a shift or makes return visits. */
    static final List<RoleCode> DESK = List.of(RoleCode.SERVICE_AGENT, RoleCode.SHIFT_LEAD, RoleCode.RETURN_VISIT);
    static final Set<String> SHIFTS = Set.of("DAY", "NIGHT", "REST");

    /** One agent's month: day of month → DAY / NIGHT / REST (a day not planned is absent). */
    record AgentMonth(long userId, String name, Map<Integer, String> days, int dayShifts, int nightShifts, int restDays) {}

    record Entry(Long userId, LocalDate day, String shift) {}

    record Entries(List<Entry> entries) {}

    record OnDuty(LocalDate rosterDay, String shift, List<String> names, String why, String whyEn) {}

    /** One rostered agent of a day: the shift (DAY, NIGHT, REST), the cell's version, and the tickets of that shift. */
    record Seat(long userId, String name, String shift, int version, long received, long open) {}

    /** A shift of a day: its hours, the tickets received in them and of those still open, and its seats. */
    record ShiftLoad(String shift, OffsetDateTime from, OffsetDateTime to, long received, long open, List<Seat> seats) {}

    record Busyness(LocalDate day, List<ShiftLoad> shifts, List<Seat> resting) {}

    record Reassign(Long userId, LocalDate day, String shift, Integer version) {}

    private final JdbcClient jdbc;
    private final UserDirectory users;
    private final Settings settings;
    private final AuditTrail audit;
    private final Clock clock;

    ShiftRoster(JdbcClient jdbc, UserDirectory users, Settings settings, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.users = users;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    static YearMonth month(String text, Clock clock) {
        if (text == null || text.isBlank()) return YearMonth.from(clock.instant().atZone(Tickets.ZONE));
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "invalid");
        }
    }

    private List<Long> desk() {
        TreeSet<Long> ids = new TreeSet<>();
        for (RoleCode role : DESK) ids.addAll(users.withRole(role, null));
        return List.copyOf(ids);
    }

    Page<AgentMonth> month(YewuPrincipal user, String monthText, PageQuery page) {
        YearMonth month = month(monthText, clock);
        List<Long> desk = desk();
        record Person(long id, String displayName) {}
        List<Person> people = jdbc.sql("""
                SELECT id, display_name FROM app_user WHERE company_id = :c AND id = ANY(CAST(:ids AS bigint[]))
                ORDER BY display_name, id LIMIT :limit OFFSET :offset""")
                .param("c", user.companyId()).param("ids", desk.toArray(Long[]::new))
                .param("limit", page.size()).param("offset", page.offset()).query(Person.class).list();
        record Cell(long userId, LocalDate day, String shift) {}
        List<Cell> cells = jdbc.sql("""
                SELECT user_id, day, shift FROM shift_roster WHERE company_id = :c AND day BETWEEN :from AND :to
                  AND user_id = ANY(CAST(:ids AS bigint[]))""")
                .param("c", user.companyId()).param("from", month.atDay(1)).param("to", month.atEndOfMonth())
                .param("ids", people.stream().map(Person::id).toArray(Long[]::new)).query(Cell.class).list();
        List<AgentMonth> rows = new ArrayList<>();
        for (Person p : people) {
            Map<Integer, String> days = new LinkedHashMap<>();
            cells.stream().filter(c -> c.userId() == p.id()).sorted(java.util.Comparator.comparing(Cell::day))
                    .forEach(c -> days.put(c.day().getDayOfMonth(), c.shift()));
            rows.add(new AgentMonth(p.id(), p.displayName(), days, count(days, "DAY"), count(days, "NIGHT"), count(days, "REST")));
        }
        return Page.of(rows, page, desk.size());
    }

    private static int count(Map<Integer, String> days, String shift) {
        return (int) days.values().stream().filter(shift::equals).count();
    }

    /** Sets (or clears, with no shift) many cells at once, in one transaction; agents of the desk only. */
    @Transactional
    void set(YewuPrincipal lead, Entries in) {
        if (in == null || in.entries() == null || in.entries().isEmpty()) throw ProblemException.invalid("entries", "required");
        if (in.entries().size() > 2000) throw ProblemException.invalid("entries", "invalid");
        List<Long> desk = desk();
        LocalDate today = clock.instant().atZone(Tickets.ZONE).toLocalDate();
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < in.entries().size(); i++) {
            Entry e = in.entries().get(i);
            String at = "entries[" + i + "].";
            if (e == null) { problems.add(new ProblemException.FieldProblem("entries[" + i + "]", "required")); continue; }
            if (e.userId() == null) problems.add(new ProblemException.FieldProblem(at + "userId", "required"));
            else if (!desk.contains(e.userId())) problems.add(new ProblemException.FieldProblem(at + "userId", "unknown", e.userId()));
            if (e.day() == null) problems.add(new ProblemException.FieldProblem(at + "day", "required"));
            else if (e.day().isBefore(today.minusMonths(1).withDayOfMonth(1)) || e.day().isAfter(today.plusMonths(3)))
                problems.add(new ProblemException.FieldProblem(at + "day", "roster-day-range"));
            if (e.shift() != null && !e.shift().isBlank() && !SHIFTS.contains(e.shift())) problems.add(new ProblemException.FieldProblem(at + "shift", "invalid"));
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        for (Entry e : in.entries()) {
            if (e.shift() == null || e.shift().isBlank()) {
                jdbc.sql("DELETE FROM shift_roster WHERE company_id = :c AND user_id = :u AND day = :d")
                        .param("c", lead.companyId()).param("u", e.userId()).param("d", e.day()).update();
            } else {
                jdbc.sql("""
                        INSERT INTO shift_roster (company_id, user_id, day, shift, set_by) VALUES (:c, :u, :d, :s, :by)
                        ON CONFLICT (company_id, user_id, day) DO UPDATE SET shift = EXCLUDED.shift, set_by = EXCLUDED.set_by, set_at = now(),
                          version = shift_roster.version + 1""")
                        .param("c", lead.companyId()).param("u", e.userId()).param("d", e.day()).param("s", e.shift())
                        .param("by", lead.id()).update();
            }
        }
        audit.record("shift-roster", lead.companyId(), "set", Changes.of().created("cells", in.entries().size()));
    }

    /** Who is rostered on the shift that is on now. */
    OnDuty onDuty(YewuPrincipal user) {
        Decision<ShiftPolicy.Current> now = ShiftPolicy.onShift(clock.instant(), settings.snapshotAt(clock.instant()));
        List<String> names = jdbc.sql("""
                SELECT u.display_name FROM shift_roster r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.user_id
                WHERE r.company_id = :c AND r.day = :d AND r.shift = :s AND u.active ORDER BY u.display_name""")
                .param("c", user.companyId()).param("d", now.outcome().rosterDay()).param("s", now.outcome().shift().name())
                .query(String.class).list();
        return new OnDuty(now.outcome().rosterDay(), now.outcome().shift().name(), names, now.hits().getFirst().zh(), now.hits().getFirst().en());
    }

    /**
     * SVC-10: how busy each shift of a day is: the tickets received in its hours (day shift from its start to the night
     * shift's, night shift to the next day shift) and of those still open, in all and per agent on it.
     */
    Busyness busyness(YewuPrincipal user, LocalDate dayOrNull) {
        LocalDate day = dayOrNull == null ? ShiftPolicy.onShift(clock.instant(), settings.snapshotAt(clock.instant())).outcome().rosterDay() : dayOrNull;
        var snapshot = settings.snapshotAt(clock.instant());
        LocalTime dayStart = snapshot.get(ServiceSettings.DAY_SHIFT_START);
        LocalTime nightStart = snapshot.get(ServiceSettings.NIGHT_SHIFT_START);
        OffsetDateTime dayFrom = day.atTime(dayStart).atZone(Tickets.ZONE).toOffsetDateTime();
        OffsetDateTime nightFrom = day.atTime(nightStart).atZone(Tickets.ZONE).toOffsetDateTime();
        OffsetDateTime nightTo = day.plusDays(1).atTime(dayStart).atZone(Tickets.ZONE).toOffsetDateTime();
        record Row(long userId, String name, String shift, int version, long received, long open) {}
        List<Row> rows = jdbc.sql("""
                SELECT r.user_id, u.display_name AS name, r.shift, r.version,
                       (SELECT count(*) FROM ticket t WHERE t.company_id = r.company_id AND t.owner_id = r.user_id
                          AND t.received_at >= CASE r.shift WHEN 'NIGHT' THEN :nightFrom ELSE :dayFrom END
                          AND t.received_at < CASE r.shift WHEN 'NIGHT' THEN :nightTo ELSE :nightFrom END
                          AND r.shift <> 'REST') AS received,
                       (SELECT count(*) FROM ticket t WHERE t.company_id = r.company_id AND t.owner_id = r.user_id
                          AND t.state = 'OPEN') AS open
                FROM shift_roster r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.user_id
                WHERE r.company_id = :c AND r.day = :d ORDER BY u.display_name, r.user_id""")
                .param("c", user.companyId()).param("d", day).param("dayFrom", dayFrom).param("nightFrom", nightFrom)
                .param("nightTo", nightTo).query(Row.class).list();
        record Total(long received, long open) {}
        String totals = """
                SELECT count(*) AS received, count(*) FILTER (WHERE t.state = 'OPEN') AS open FROM ticket t
                WHERE t.company_id = :c AND t.received_at >= :from AND t.received_at < :to""";
        Total dayTotal = jdbc.sql(totals).param("c", user.companyId()).param("from", dayFrom).param("to", nightFrom).query(Total.class).single();
        Total nightTotal = jdbc.sql(totals).param("c", user.companyId()).param("from", nightFrom).param("to", nightTo).query(Total.class).single();
        java.util.function.Function<String, List<Seat>> seats = shift -> rows.stream().filter(r -> r.shift().equals(shift))
                .map(r -> new Seat(r.userId(), r.name(), r.shift(), r.version(), r.received(), r.open())).toList();
        return new Busyness(day, List.of(
                new ShiftLoad("DAY", dayFrom, nightFrom, dayTotal.received(), dayTotal.open(), seats.apply("DAY")),
                new ShiftLoad("NIGHT", nightFrom, nightTo, nightTotal.received(), nightTotal.open(), seats.apply("NIGHT"))),
                seats.apply("REST"));
    }

    /**
     * SVC-10: the lead reassigns a seat: an agent's rostered day moves to the other shift or to rest. The cell must
     * exist and still be at the version the lead saw (else 409: someone changed it meanwhile).
     */
    @Transactional
    int reassign(YewuPrincipal lead, Reassign in) {
        if (in == null) throw ProblemException.invalid("userId", "required");
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        LocalDate today = clock.instant().atZone(Tickets.ZONE).toLocalDate();
        if (in.userId() == null) problems.add(new ProblemException.FieldProblem("userId", "required"));
        else if (!desk().contains(in.userId())) problems.add(new ProblemException.FieldProblem("userId", "not-on-desk", in.userId()));
        if (in.day() == null) problems.add(new ProblemException.FieldProblem("day", "required"));
        else if (in.day().isBefore(today.minusMonths(1).withDayOfMonth(1)) || in.day().isAfter(today.plusMonths(3)))
            problems.add(new ProblemException.FieldProblem("day", "roster-day-range"));
        if (in.shift() == null || in.shift().isBlank()) problems.add(new ProblemException.FieldProblem("shift", "required"));
        else if (!SHIFTS.contains(in.shift())) problems.add(new ProblemException.FieldProblem("shift", "invalid"));
        if (in.version() == null) problems.add(new ProblemException.FieldProblem("version", "required"));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        record Cell(String shift, int version) {}
        Cell cell = jdbc.sql("SELECT shift, version FROM shift_roster WHERE company_id = :c AND user_id = :u AND day = :d")
                .param("c", lead.companyId()).param("u", in.userId()).param("d", in.day()).query(Cell.class).optional()
                .orElseThrow(() -> ProblemException.notFound("shift-roster " + in.userId() + " " + in.day()));
        if (cell.shift().equals(in.shift()) && cell.version() == in.version()) throw ProblemException.invalid("shift", "same-shift");
        io.yewu.platform.web.Versions.requireUpdated(jdbc.sql("""
                UPDATE shift_roster SET shift = :s, set_by = :by, set_at = now(), version = version + 1
                WHERE company_id = :c AND user_id = :u AND day = :d AND version = :v""")
                .param("s", in.shift()).param("by", lead.id()).param("c", lead.companyId()).param("u", in.userId())
                .param("d", in.day()).param("v", in.version()).update());
        audit.record("shift-roster", in.userId(), "reassigned", Changes.of().put("shift", cell.shift(), in.shift())
                .created("day", in.day().toString()));
        return in.version() + 1;
    }
}
