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
                        ON CONFLICT (company_id, user_id, day) DO UPDATE SET shift = EXCLUDED.shift, set_by = EXCLUDED.set_by, set_at = now()""")
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
}
