package io.yewu.service.internal.quality;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * QC-1 … QC-3: the monthly sample per agent (proposed by {@link QcSampleJob} or on demand, reproducibly), its
 * inspection on the configured form, complaints linked to an agent's QC record, the monthly per-agent summary and
 * the weekly report with common issues and a proposed training plan. Agents see only their own results.
 */
@Service
public class QualityInspection {

    record Sample(long id, String month, long agentId, String agentName, long ticketId, String ticketNumber,
                  String ticketSubject, String ticketType, Instant proposedAt, Long inspectorId, String inspectorName,
                  Instant scoredAt, String scores, BigDecimal total, BigDecimal maxTotal, String comments, long version) {}

    record MonthInput(String month) {}

    /** The ticket by id or, as an inspector reads it off a call record, by its number. */
    record AddInput(Long ticketId, String ticketNumber) {}

    record ScoreInput(Long version, Map<String, Integer> scores, String comments) {}

    record ComplaintInput(Long ticketId, Long agentId, String note) {}

    record Complaint(long id, long agentId, String agentName, long ticketId, String ticketNumber, String ticketSubject,
                     String note, Instant linkedAt) {}

    record AgentMonth(long agentId, String agentName, int samples, int scored, BigDecimal averageTotal,
                      BigDecimal averageRate, int complaints) {}

    record ItemAverage(String item, int max, BigDecimal averageRate) {}

    record Weekly(LocalDate weekStart, LocalDate weekEnd, int inspections, List<ItemAverage> items,
                  List<QcPolicy.Training> training, Decision<List<QcPolicy.Training>> decision) {}

    record Mine(List<Sample> scores, List<Complaint> complaints) {}

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SAMPLE = """
            SELECT s.id, to_char(s.month, 'YYYY-MM') AS month, s.agent_id, u.display_name AS agent_name, s.ticket_id,
                   t.number AS ticket_number, t.subject AS ticket_subject, t.type AS ticket_type, s.proposed_at,
                   s.inspector_id, i.display_name AS inspector_name, s.scored_at, s.scores::text AS scores, s.total,
                   s.max_total, s.comments, s.version
            FROM qc_sample s JOIN app_user u ON u.company_id = s.company_id AND u.id = s.agent_id
            JOIN ticket t ON t.company_id = s.company_id AND t.id = s.ticket_id
            LEFT JOIN app_user i ON i.company_id = s.company_id AND i.id = s.inspector_id
            """;

    private final JdbcClient jdbc;
    private final Settings settings;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Clock clock;
    private final QcPolicy policy = new QcPolicy();

    QualityInspection(JdbcClient jdbc, Settings settings, DecisionRecords decisions, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.decisions = decisions;
        this.audit = audit;
        this.clock = clock;
    }

    Decision<QcPolicy.Form> form() {
        return policy.form(settings.snapshotAt(clock.instant()));
    }

    static YearMonth month(String text) {
        if (text == null || text.isBlank()) throw ProblemException.invalid("month", "required");
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid("month", "month");
        }
    }

    /**
     * QC-1: proposes the month's sample for every active service agent of the company; a re-run proposes the same
     * tickets (seeded shuffle) and adds nothing already proposed. Returns how many rows were added.
     */
    @Transactional
    public int propose(long companyId, YearMonth month) {
        SettingsSnapshot snapshot = settings.snapshotAt(clock.instant());
        Instant from = month.atDay(1).atStartOfDay(SHANGHAI).toInstant();
        Instant to = month.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();
        List<Long> agents = jdbc.sql("""
                SELECT u.id FROM app_user u JOIN user_role ur ON ur.company_id = u.company_id AND ur.user_id = u.id
                JOIN role r ON r.company_id = ur.company_id AND r.id = ur.role_id
                WHERE u.company_id = :c AND u.active AND r.code = 'SERVICE_AGENT' ORDER BY u.id""")
                .param("c", companyId).query(Long.class).list();
        int added = 0;
        for (long agent : agents) {
            List<Long> tickets = jdbc.sql("""
                    SELECT id FROM ticket WHERE company_id = :c AND owner_id = :a AND received_at >= :from AND received_at < :to ORDER BY id""")
                    .param("c", companyId).param("a", agent).param("from", java.sql.Timestamp.from(from))
                    .param("to", java.sql.Timestamp.from(to)).query(Long.class).list();
            if (tickets.isEmpty()) continue;
            Decision<List<Long>> sample = policy.sample(companyId, month, agent, tickets, snapshot);
            long decisionId = decisions.record("qc-sample", agent + "/" + month, "sample", sample);
            for (long ticket : sample.outcome()) {
                added += jdbc.sql("""
                        INSERT INTO qc_sample (company_id, month, agent_id, ticket_id, seed, decision_id, proposed_at, settings_version)
                        VALUES (:c, :m, :a, :t, :seed, :d, :now, :sv) ON CONFLICT (company_id, month, agent_id, ticket_id) DO NOTHING""")
                        .param("c", companyId).param("m", month.atDay(1)).param("a", agent).param("t", ticket)
                        .param("seed", QcPolicy.seed(companyId, month, agent)).param("d", decisionId)
                        .param("now", java.sql.Timestamp.from(clock.instant())).param("sv", snapshot.version()).update();
            }
        }
        return added;
    }

    @Transactional
    List<Sample> propose(YewuPrincipal me, MonthInput in) {
        YearMonth month = month(in.month());
        if (month.isAfter(YearMonth.now(clock.withZone(SHANGHAI)))) throw ProblemException.invalid("month", "kb-date-future");
        propose(me.companyId(), month);
        return samples(me, month.toString(), null, null);
    }

    /**
     * QC-1 sets a minimum: besides the random sample the inspector may add a ticket of its choice (a reopened ticket,
     * a complaint) to the sample of the month it was received in, for the agent who owns it. Twice is 409.
     */
    @Transactional
    Sample add(YewuPrincipal me, AddInput in) {
        String number = in.ticketNumber() == null ? "" : in.ticketNumber().strip();
        if (in.ticketId() == null && number.isEmpty()) throw ProblemException.invalid("ticketId", "required");
        DataScope.Condition scope = DataScope.of(me, "t.company_id", "t.owner_id");
        record Ticket(long id, long ownerId, Instant receivedAt) {}
        Ticket t = jdbc.sql("SELECT t.id, t.owner_id, t.received_at FROM ticket t WHERE " + scope.sql()
                        + " AND (t.id = :id OR (CAST(:id AS bigint) IS NULL AND t.number = :number))")
                .params(scope.params()).param("id", in.ticketId(), java.sql.Types.BIGINT).param("number", number)
                .query(Ticket.class).optional()
                .orElseThrow(() -> in.ticketId() != null ? ProblemException.invalid("ticketId", "unknown", in.ticketId())
                        : ProblemException.invalid("ticketNumber", "unknown", number));
        YearMonth month = YearMonth.from(t.receivedAt().atZone(SHANGHAI));
        Instant now = clock.instant();
        SettingsSnapshot snapshot = settings.snapshotAt(now);
        Long id = jdbc.sql("""
                INSERT INTO qc_sample (company_id, month, agent_id, ticket_id, seed, proposed_at, settings_version)
                VALUES (:c, :m, :a, :t, 0, :now, :sv) ON CONFLICT (company_id, month, agent_id, ticket_id) DO NOTHING RETURNING id""")
                .param("c", me.companyId()).param("m", month.atDay(1)).param("a", t.ownerId()).param("t", t.id())
                .param("now", java.sql.Timestamp.from(now)).param("sv", snapshot.version()).query(Long.class).optional().orElse(null);
        if (id == null) throw ProblemException.conflict("qc-already-sampled");
        audit.record("qc-sample", id, "add", Changes.of().created("ticketId", t.id()));
        return sample(me, id);
    }

    List<Sample> samples(YewuPrincipal me, String month, Long agentId, Boolean scored) {
        DataScope.Condition scope = DataScope.of(me, "s.company_id", "s.agent_id");
        LocalDate m = month == null || month.isBlank() ? null : month(month).atDay(1);
        return jdbc.sql(SAMPLE + " WHERE " + scope.sql() + """
                 AND (CAST(:m AS date) IS NULL OR s.month = :m) AND (CAST(:a AS bigint) IS NULL OR s.agent_id = :a)
                 AND (CAST(:scored AS boolean) IS NULL OR (s.scored_at IS NOT NULL) = :scored)
                ORDER BY s.month DESC, u.display_name, s.id LIMIT 1000""")
                .params(scope.params()).param("m", m, java.sql.Types.DATE).param("a", agentId, java.sql.Types.BIGINT)
                .param("scored", scored, java.sql.Types.BOOLEAN).query(Sample.class).list();
    }

    Sample sample(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "s.company_id", "s.agent_id");
        return jdbc.sql(SAMPLE + " WHERE " + scope.sql() + " AND s.id = :id").params(scope.params()).param("id", id)
                .query(Sample.class).optional().orElseThrow(() -> ProblemException.notFound("qc-sample " + id));
    }

    /** QC-2: the inspector scores a sample on the form in force; anything outside the form is 422 and stores nothing. */
    @Transactional
    Sample score(YewuPrincipal me, long id, ScoreInput in) {
        Sample s = sample(me, id);
        if (in.version() == null) throw ProblemException.invalid("version", "required");
        if (s.scoredAt() != null) throw ProblemException.conflict("qc-already-scored");
        String comments = in.comments() == null ? "" : in.comments().strip();
        if (comments.length() > 2000) throw ProblemException.invalid("comments", "too-long", 2000);
        Decision<QcPolicy.Form> form = form();
        Decision<QcPolicy.Scored> scored = policy.score(form.outcome(), in.scores());
        if (!scored.outcome().problems().isEmpty()) {
            List<FieldProblem> problems = new ArrayList<>();
            for (QcPolicy.ScoreProblem p : scored.outcome().problems()) {
                problems.add(new FieldProblem("scores." + p.item(), p.code(), p.arg()));
            }
            throw ProblemException.invalid(problems);
        }
        String json;
        try {
            json = JSON.writeValueAsString(scored.outcome().scores());
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
        Versions.requireUpdated(jdbc.sql("""
                UPDATE qc_sample SET inspector_id = :me, scored_at = :now, scores = CAST(:scores AS jsonb), total = :total,
                  max_total = :max, comments = :comments, settings_version = :sv, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND scored_at IS NULL""")
                .param("me", me.id()).param("now", java.sql.Timestamp.from(clock.instant())).param("scores", json)
                .param("total", scored.outcome().total()).param("max", scored.outcome().maxTotal())
                .param("comments", comments).param("sv", form.settingsVersion()).param("c", me.companyId())
                .param("id", id).param("v", in.version()).update());
        decisions.record("qc-sample", String.valueOf(id), "score", scored);
        audit.record("qc-sample", id, "score", Changes.of().put("total", null, scored.outcome().total()));
        return sample(me, id);
    }

    /** QC-2: a complaint caused by an agent's service is linked to that agent's QC record. */
    @Transactional
    List<Complaint> linkComplaint(YewuPrincipal me, ComplaintInput in) {
        List<FieldProblem> problems = new ArrayList<>();
        if (in.ticketId() == null) problems.add(new FieldProblem("ticketId", "required"));
        if (in.agentId() == null) problems.add(new FieldProblem("agentId", "required"));
        String note = in.note() == null ? "" : in.note().strip();
        if (note.length() > 2000) problems.add(new FieldProblem("note", "too-long", 2000));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        String type = jdbc.sql("SELECT type FROM ticket WHERE company_id = :c AND id = :id").param("c", me.companyId())
                .param("id", in.ticketId()).query(String.class).optional().orElse(null);
        if (type == null) problems.add(new FieldProblem("ticketId", "unknown", in.ticketId()));
        else if (!"COMPLAINT".equals(type)) problems.add(new FieldProblem("ticketId", "qc-ticket-not-complaint"));
        DataScope.Condition scope = DataScope.of(me, "u.company_id", "u.id");
        boolean agent = jdbc.sql("SELECT count(*) > 0 FROM app_user u WHERE " + scope.sql() + " AND u.id = :a")
                .params(scope.params()).param("a", in.agentId()).query(Boolean.class).single();
        if (!agent) problems.add(new FieldProblem("agentId", "unknown", in.agentId()));
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
        Instant now = clock.instant();
        int added = jdbc.sql("""
                INSERT INTO qc_complaint (company_id, agent_id, ticket_id, note, linked_by, linked_at)
                VALUES (:c, :a, :t, :note, :me, :now) ON CONFLICT (company_id, ticket_id, agent_id) DO NOTHING""")
                .param("c", me.companyId()).param("a", in.agentId()).param("t", in.ticketId()).param("note", note)
                .param("me", me.id()).param("now", java.sql.Timestamp.from(now)).update();
        if (added == 1) {
            jdbc.sql("""
                    INSERT INTO ticket_event (company_id, ticket_id, at, actor_id, kind, note, detail)
                    VALUES (:c, :t, :now, :me, 'QC_LINKED', :note, jsonb_build_object('agentId', :a))""")
                    .param("c", me.companyId()).param("t", in.ticketId()).param("now", java.sql.Timestamp.from(now))
                    .param("me", me.id()).param("note", note).param("a", in.agentId()).update();
            audit.record("qc-complaint", in.ticketId(), "link", Changes.of().created("agentId", in.agentId()));
        }
        return complaints(me, in.agentId());
    }

    List<Complaint> complaints(YewuPrincipal me, Long agentId) {
        DataScope.Condition scope = DataScope.of(me, "q.company_id", "q.agent_id");
        return jdbc.sql("""
                SELECT q.id, q.agent_id, u.display_name AS agent_name, q.ticket_id, t.number AS ticket_number,
                       t.subject AS ticket_subject, q.note, q.linked_at
                FROM qc_complaint q JOIN app_user u ON u.company_id = q.company_id AND u.id = q.agent_id
                JOIN ticket t ON t.company_id = q.company_id AND t.id = q.ticket_id
                WHERE\s""" + scope.sql() + " AND (CAST(:a AS bigint) IS NULL OR q.agent_id = :a) ORDER BY q.linked_at DESC, q.id DESC LIMIT 500")
                .params(scope.params()).param("a", agentId, java.sql.Types.BIGINT).query(Complaint.class).list();
    }

    /** QC-2: an agent's own scored inspections and linked complaints, nothing of anyone else. */
    Mine mine(YewuPrincipal me) {
        List<Sample> scored = jdbc.sql(SAMPLE + " WHERE s.company_id = :c AND s.agent_id = :me AND s.scored_at IS NOT NULL ORDER BY s.scored_at DESC")
                .param("c", me.companyId()).param("me", me.id()).query(Sample.class).list();
        List<Complaint> complaints = jdbc.sql("""
                SELECT q.id, q.agent_id, u.display_name AS agent_name, q.ticket_id, t.number AS ticket_number,
                       t.subject AS ticket_subject, q.note, q.linked_at
                FROM qc_complaint q JOIN app_user u ON u.company_id = q.company_id AND u.id = q.agent_id
                JOIN ticket t ON t.company_id = q.company_id AND t.id = q.ticket_id
                WHERE q.company_id = :c AND q.agent_id = :me ORDER BY q.linked_at DESC""")
                .param("c", me.companyId()).param("me", me.id()).query(Complaint.class).list();
        return new Mine(scored, complaints);
    }

    /** QC-3: the month per agent: samples, scored, average total and rate, complaints linked in the month. */
    List<AgentMonth> summary(YewuPrincipal me, String month) {
        YearMonth m = month(month);
        DataScope.Condition scope = DataScope.of(me, "s.company_id", "s.agent_id");
        Instant from = m.atDay(1).atStartOfDay(SHANGHAI).toInstant();
        Instant to = m.plusMonths(1).atDay(1).atStartOfDay(SHANGHAI).toInstant();
        return jdbc.sql("""
                SELECT s.agent_id, u.display_name AS agent_name, count(*)::int AS samples, count(s.scored_at)::int AS scored,
                       round(avg(s.total), 2) AS average_total, round(sum(s.total) / nullif(sum(s.max_total), 0), 4) AS average_rate,
                       (SELECT count(*)::int FROM qc_complaint q WHERE q.company_id = s.company_id AND q.agent_id = s.agent_id
                          AND q.linked_at >= :from AND q.linked_at < :to) AS complaints
                FROM qc_sample s JOIN app_user u ON u.company_id = s.company_id AND u.id = s.agent_id
                WHERE\s""" + scope.sql() + " AND s.month = :m GROUP BY s.company_id, s.agent_id, u.display_name ORDER BY u.display_name")
                .params(scope.params()).param("m", m.atDay(1)).param("from", java.sql.Timestamp.from(from))
                .param("to", java.sql.Timestamp.from(to)).query(AgentMonth.class).list();
    }

    /** QC-3: the week's inspections (by scoring time): item averages, lowest first, and the proposed training. */
    Weekly weekly(YewuPrincipal me, LocalDate day) {
        LocalDate start = (day == null ? LocalDate.ofInstant(clock.instant(), SHANGHAI) : day)
                .with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        LocalDate end = start.plusDays(6);
        Rated r = rated(DataScope.of(me, "s.company_id", "s.agent_id"), start, end);
        return new Weekly(start, end, r.inspections(), r.items(), r.training().outcome(), r.training());
    }

    /** A QC item's average rate over a period, and the training it proposes (TEAM, INDIVIDUAL, or null: none). */
    public record ItemFinding(String item, BigDecimal averageRate, String training) {}

    /** An agent's inspections scored in a period and their average rate (total / maximum). */
    public record AgentQc(long agentId, int inspections, BigDecimal averageRate) {}

    /** @param averageRate over all the period's inspections; null without any */
    public record Findings(LocalDate from, LocalDate to, int inspections, BigDecimal averageRate, List<ItemFinding> items,
                           List<AgentQc> agents) {
        /** The common findings: the items that propose training, lowest first. */
        public List<ItemFinding> common() {
            return items.stream().filter(i -> i.training() != null).toList();
        }
    }

    /**
     * QC-3 for SVC-10 (the roll call and the monthly service-quality analysis): the company's inspections scored on
     * the days {@code from} … {@code to}, item by item (lowest first, with the training each proposes) and per agent.
     */
    public Findings findings(long companyId, LocalDate from, LocalDate to) {
        DataScope.Condition company = new DataScope.Condition("s.company_id = :c", Map.of("c", companyId));
        Rated r = rated(company, from, to);
        Map<String, String> proposed = new LinkedHashMap<>();
        r.training().outcome().forEach(t -> proposed.put(t.item(), t.scope()));
        List<ItemFinding> items = r.items().stream()
                .map(i -> new ItemFinding(i.item(), i.averageRate(), proposed.get(i.item()))).toList();
        List<AgentQc> agents = jdbc.sql("""
                SELECT s.agent_id, count(*)::int AS inspections, round(sum(s.total) / nullif(sum(s.max_total), 0), 4) AS average_rate
                FROM qc_sample s WHERE s.company_id = :c AND s.scored_at >= :from AND s.scored_at < :to GROUP BY s.agent_id""")
                .param("c", companyId).param("from", java.sql.Timestamp.from(from.atStartOfDay(SHANGHAI).toInstant()))
                .param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(SHANGHAI).toInstant()))
                .query(AgentQc.class).list();
        BigDecimal overall = jdbc.sql("""
                SELECT round(sum(s.total) / nullif(sum(s.max_total), 0), 4) FROM qc_sample s
                WHERE s.company_id = :c AND s.scored_at >= :from AND s.scored_at < :to""")
                .param("c", companyId).param("from", java.sql.Timestamp.from(from.atStartOfDay(SHANGHAI).toInstant()))
                .param("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(SHANGHAI).toInstant()))
                .query(BigDecimal.class).optional().orElse(null);
        return new Findings(from, to, r.inspections(), overall, items, agents);
    }

    private record Rated(int inspections, List<ItemAverage> items, Decision<List<QcPolicy.Training>> training) {}

    private Rated rated(DataScope.Condition scope, LocalDate start, LocalDate end) {
        record Row(long agentId, String item, BigDecimal score) {}
        List<Row> rows = jdbc.sql("""
                SELECT s.agent_id, e.key AS item, (e.value)::text::numeric AS score
                FROM qc_sample s, jsonb_each(s.scores) e
                WHERE\s""" + scope.sql() + " AND s.scored_at >= :from AND s.scored_at < :to")
                .params(scope.params()).param("from", java.sql.Timestamp.from(start.atStartOfDay(SHANGHAI).toInstant()))
                .param("to", java.sql.Timestamp.from(end.plusDays(1).atStartOfDay(SHANGHAI).toInstant()))
                .query(Row.class).list();
        int inspections = jdbc.sql("SELECT count(*)::int FROM qc_sample s WHERE " + scope.sql() + " AND s.scored_at >= :from AND s.scored_at < :to")
                .params(scope.params()).param("from", java.sql.Timestamp.from(start.atStartOfDay(SHANGHAI).toInstant()))
                .param("to", java.sql.Timestamp.from(end.plusDays(1).atStartOfDay(SHANGHAI).toInstant()))
                .query(Integer.class).single();
        SettingsSnapshot snapshot = settings.snapshotAt(clock.instant());
        Map<String, Integer> max = new LinkedHashMap<>();
        policy.form(snapshot).outcome().items().forEach(i -> max.put(i.code(), i.max()));
        Map<String, List<BigDecimal>> perAgentItem = new LinkedHashMap<>();
        for (Row r : rows) {
            if (!max.containsKey(r.item())) continue;
            BigDecimal rate = r.score().divide(BigDecimal.valueOf(max.get(r.item())), 4, RoundingMode.HALF_UP);
            perAgentItem.computeIfAbsent(r.agentId() + "|" + r.item(), k -> new ArrayList<>()).add(rate);
        }
        List<QcPolicy.ItemRate> rates = new ArrayList<>();
        perAgentItem.forEach((k, v) -> {
            String[] parts = k.split("\\|", 2);
            rates.add(new QcPolicy.ItemRate(Long.parseLong(parts[0]), parts[1], average(v)));
        });
        List<ItemAverage> items = new ArrayList<>();
        max.forEach((item, m) -> {
            List<BigDecimal> all = rates.stream().filter(r -> r.item().equals(item)).map(QcPolicy.ItemRate::rate).toList();
            if (!all.isEmpty()) items.add(new ItemAverage(item, m, average(all)));
        });
        items.sort(java.util.Comparator.comparing(ItemAverage::averageRate).thenComparing(ItemAverage::item));
        return new Rated(inspections, items, policy.training(rates, snapshot));
    }

    private static BigDecimal average(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(values.size()), 4, RoundingMode.HALF_UP);
    }
}
