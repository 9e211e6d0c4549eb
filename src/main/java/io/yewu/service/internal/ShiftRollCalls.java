package io.yewu.service.internal;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.service.internal.policy.ShiftPolicy;
import io.yewu.service.internal.quality.QualityInspection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * SVC-10 the roll call and short review (点名点评): the shift lead arrives before a shift (setting, default 10
 * minutes), calls the roster of that shift and presents the common QC findings of recent weeks (QC-3); the roll call
 * (present or absent per agent, the review) is stored once per shift, audited and listed.
 */
@Component
class ShiftRollCalls {

    /** Recent weeks whose QC findings the roll call presents. */
    static final int FINDING_DAYS = 28;

    record Agent(long userId, String name) {}

    record Finding(String item, BigDecimal averageRate, String training) {}

    record Plan(LocalDate shiftDay, String shift, LocalDateTime startsAt, LocalDateTime rollCallAt, List<Agent> agents,
                LocalDate findingsFrom, LocalDate findingsTo, int inspections, List<Finding> findings, Long recordedId,
                String why, String whyEn) {}

    record Line(Long userId, Boolean present) {}

    record NewRollCall(LocalDate shiftDay, String shift, List<Line> lines, String review) {}

    record RollCall(long id, LocalDate shiftDay, String shift, String leadName, int present, int absent, String absentNames,
                    String review, OffsetDateTime createdAt) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;
    private final QualityInspection quality;
    private final UserDirectory users;
    private final Settings settings;
    private final AuditTrail audit;
    private final Clock clock;

    ShiftRollCalls(JdbcClient jdbc, QualityInspection quality, UserDirectory users, Settings settings, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.quality = quality;
        this.users = users;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    private LocalDate today() {
        return clock.instant().atZone(Tickets.ZONE).toLocalDate();
    }

    /** The roll call of the shift to call now ({@link ShiftPolicy#rollCall}): who is rostered and the QC findings. */
    Plan plan(YewuPrincipal user) {
        Decision<ShiftPolicy.RollCall> next = ShiftPolicy.rollCall(clock.instant(), settings.snapshotAt(clock.instant()));
        ShiftPolicy.RollCall r = next.outcome();
        String shift = r.shift().name();
        List<Agent> agents = jdbc.sql("""
                SELECT u.id AS user_id, u.display_name AS name FROM shift_roster r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.user_id
                WHERE r.company_id = :c AND r.day = :d AND r.shift = :s AND u.active ORDER BY u.display_name, u.id""")
                .param("c", user.companyId()).param("d", r.rosterDay()).param("s", shift).query(Agent.class).list();
        LocalDate to = today();
        LocalDate from = to.minusDays(FINDING_DAYS - 1);
        QualityInspection.Findings qc = quality.findings(user.companyId(), from, to);
        Long recorded = jdbc.sql("SELECT id FROM shift_roll_call WHERE company_id = :c AND shift_day = :d AND shift = :s")
                .param("c", user.companyId()).param("d", r.rosterDay()).param("s", shift).query(Long.class).optional().orElse(null);
        return new Plan(r.rosterDay(), shift, r.startsAt(), r.rollCallAt(), agents, from, to, qc.inspections(), findings(qc),
                recorded, next.hits().getFirst().zh(), next.hits().getFirst().en());
    }

    private static List<Finding> findings(QualityInspection.Findings qc) {
        return qc.common().stream().map(i -> new Finding(i.item(), i.averageRate(), i.training())).toList();
    }

    private List<Long> desk() {
        TreeSet<Long> ids = new TreeSet<>();
        for (RoleCode role : ShiftRoster.DESK) ids.addAll(users.withRole(role, null));
        return List.copyOf(ids);
    }

    @Transactional
    long record(YewuPrincipal lead, NewRollCall in) {
        if (in == null) throw ProblemException.invalid("lines", "required");
        List<ProblemException.FieldProblem> problems = new ArrayList<>();
        if (in.shift() == null || !Set.of("DAY", "NIGHT").contains(in.shift()))
            problems.add(new ProblemException.FieldProblem("shift", in.shift() == null ? "required" : "invalid"));
        LocalDate today = today();
        if (in.shiftDay() == null) problems.add(new ProblemException.FieldProblem("shiftDay", "required"));
        else if (in.shiftDay().isBefore(today.minusDays(1)) || in.shiftDay().isAfter(today.plusDays(1)))
            problems.add(new ProblemException.FieldProblem("shiftDay", "roll-call-day-range"));
        Tickets.text(problems, "review", in.review(), 2000, false);
        if (in.lines() == null || in.lines().isEmpty()) problems.add(new ProblemException.FieldProblem("lines", "required"));
        else if (in.lines().size() > 500) problems.add(new ProblemException.FieldProblem("lines", "invalid"));
        else {
            List<Long> desk = desk();
            Set<Long> seen = new HashSet<>();
            for (int i = 0; i < in.lines().size(); i++) {
                Line l = in.lines().get(i);
                String at = "lines[" + i + "].";
                if (l == null) { problems.add(new ProblemException.FieldProblem("lines[" + i + "]", "required")); continue; }
                if (l.userId() == null) problems.add(new ProblemException.FieldProblem(at + "userId", "required"));
                else if (!desk.contains(l.userId())) problems.add(new ProblemException.FieldProblem(at + "userId", "not-on-desk", l.userId()));
                else if (!seen.add(l.userId())) problems.add(new ProblemException.FieldProblem(at + "userId", "invalid"));
                if (l.present() == null) problems.add(new ProblemException.FieldProblem(at + "present", "required"));
            }
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        int present = (int) in.lines().stream().filter(Line::present).count();
        int absent = in.lines().size() - present;
        List<Finding> shown = findings(quality.findings(lead.companyId(), today.minusDays(FINDING_DAYS - 1), today));
        Long id = jdbc.sql("""
                INSERT INTO shift_roll_call (company_id, shift_day, shift, lead_id, review, findings, present, absent)
                VALUES (:c, :d, :s, :lead, :review, CAST(:findings AS jsonb), :present, :absent)
                ON CONFLICT (company_id, shift_day, shift) DO NOTHING RETURNING id""")
                .param("c", lead.companyId()).param("d", in.shiftDay()).param("s", in.shift()).param("lead", lead.id())
                .param("review", Tickets.strip(in.review())).param("findings", JSON.writeValueAsString(shown))
                .param("present", present).param("absent", absent).query(Long.class).optional().orElse(null);
        if (id == null) throw ProblemException.conflict("roll-call-recorded");
        for (Line l : in.lines()) {
            jdbc.sql("INSERT INTO shift_roll_call_line (company_id, roll_call_id, user_id, present) VALUES (:c, :r, :u, :p)")
                    .param("c", lead.companyId()).param("r", id).param("u", l.userId()).param("p", l.present()).update();
        }
        audit.record("shift-roll-call", id, "created", Changes.of().created("shiftDay", in.shiftDay().toString()).created("shift", in.shift())
                .created("present", present).created("absent", absent));
        return id;
    }

    private static final String SELECT = """
            SELECT r.id, r.shift_day, r.shift, u.display_name AS lead_name, r.present, r.absent,
                   coalesce((SELECT string_agg(a.display_name, '、' ORDER BY a.display_name) FROM shift_roll_call_line l
                     JOIN app_user a ON a.company_id = l.company_id AND a.id = l.user_id
                     WHERE l.company_id = r.company_id AND l.roll_call_id = r.id AND NOT l.present), '') AS absent_names,
                   r.review, r.created_at""";

    private static String fromWhere(YewuPrincipal user, LocalDate from, LocalDate to, Map<String, Object> params) {
        params.put("c", user.companyId());
        String where = " FROM shift_roll_call r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.lead_id WHERE r.company_id = :c";
        if (from != null) { where += " AND r.shift_day >= :from"; params.put("from", from); }
        if (to != null) { where += " AND r.shift_day <= :to"; params.put("to", to); }
        return where;
    }

    Page<RollCall> list(YewuPrincipal user, LocalDate from, LocalDate to, PageQuery page) {
        return query(user, from, to).page(page);
    }

    /** The roll calls between two days, newest first: for a page or the list's export. */
    ListQuery<RollCall> query(YewuPrincipal user, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(user, from, to, params);
        return new ListQuery<>(jdbc, RollCall.class, SELECT + fromWhere, fromWhere, params, "r.shift_day DESC, r.id DESC");
    }
}
