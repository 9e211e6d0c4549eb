package io.yewu.platform.internal.decision;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.decision.RuleHit;
import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.write.FollowingWrite;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.OffsetDateTime;
import java.util.List;

@Component
class JdbcDecisionRecords implements DecisionRecords {

    private static final TypeReference<List<RuleHit>> HITS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcDecisionRecords(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public long record(String subjectType, String subjectId, String kind, Decision<?> decision) {
        return jdbc.sql("""
                INSERT INTO decision_record (company_id, subject_type, subject_id, kind, outcome, hits, settings_version)
                VALUES (:c, :t, :s, :k, :o, CAST(:h AS jsonb), :v) RETURNING id""")
                .param("c", CompanyContext.companyId()).param("t", subjectType).param("s", subjectId)
                .param("k", kind).param("o", outcomeText(decision.outcome(), json))
                .param("h", json.writeValueAsString(decision.hits())).param("v", decision.settingsVersion())
                .query(Long.class).single();
    }

    @Override
    public FollowingWrite following(String subjectType, String kind, Decision<?> decision) {
        return followingEach(subjectType, java.util.Map.of(kind, decision));
    }

    @Override
    public FollowingWrite followingEach(String subjectType, java.util.Map<String, ? extends Decision<?>> byKind) {
        long companyId = CompanyContext.companyId();
        List<Object[]> rows = byKind.entrySet().stream().map(e -> new Object[]{e.getKey(),
                outcomeText(e.getValue().outcome(), json), json.writeValueAsString(e.getValue().hits()),
                e.getValue().settingsVersion()}).toList();
        // in the order given: the ids come from the sequence in the order the rows are inserted
        return (subject, binds) -> """
                INSERT INTO decision_record (company_id, subject_type, subject_id, kind, outcome, hits, settings_version)
                SELECT %s, %s, CAST(%s AS text), d.kind, d.outcome, d.hits, d.version %s ORDER BY d.n""".formatted(
                binds.bind(companyId, "bigint"), binds.bind(subjectType, "text"), subject.id(),
                subject.fromWhere("(" + binds.values(rows, "text", "text", "jsonb", "bigint") + ") AS d(n, kind, outcome, hits, version)"));
    }

    @Override
    public List<StoredDecision> asFirst(java.util.Map<String, ? extends Decision<?>> byKind, OffsetDateTime decidedAt) {
        List<StoredDecision> listed = new java.util.ArrayList<>(byKind.size());
        // as forSubject lists them: newest first, the same moment by id descending; the hits as read back from JSON
        for (var e : byKind.entrySet()) {
            Decision<?> d = e.getValue();
            listed.addFirst(new StoredDecision(e.getKey(), outcomeText(d.outcome(), json),
                    json.readValue(json.writeValueAsString(d.hits()), HITS), d.settingsVersion(), decidedAt));
        }
        return listed;
    }

    @Override
    public List<Long> recordBatch(List<Entry> entries) {
        if (entries.isEmpty()) return List.of();
        return jdbc.sql("""
                INSERT INTO decision_record (company_id, subject_type, subject_id, kind, outcome, hits, settings_version)
                SELECT :c, d.type, d.subject, d.kind, d.outcome, CAST(d.hits AS jsonb), d.version
                FROM unnest(CAST(:types AS text[]), CAST(:subjects AS text[]), CAST(:kinds AS text[]), CAST(:outcomes AS text[]),
                            CAST(:hits AS text[]), CAST(:versions AS bigint[])) WITH ORDINALITY AS d(type, subject, kind, outcome, hits, version, n)
                ORDER BY d.n RETURNING id""")
                .param("c", CompanyContext.companyId())
                .param("types", entries.stream().map(Entry::subjectType).toArray(String[]::new))
                .param("subjects", entries.stream().map(Entry::subjectId).toArray(String[]::new))
                .param("kinds", entries.stream().map(Entry::kind).toArray(String[]::new))
                .param("outcomes", entries.stream().map(e -> outcomeText(e.decision().outcome(), json)).toArray(String[]::new))
                .param("hits", entries.stream().map(e -> json.writeValueAsString(e.decision().hits())).toArray(String[]::new))
                .param("versions", entries.stream().map(e -> e.decision().settingsVersion()).toArray(Long[]::new))
                // the ids come from the sequence in the order the rows are inserted, which is the order given
                .query(Long.class).list().stream().sorted().toList();
    }

    /** Every decision about one subject, newest first; {@code %s} the company, the subject's type and id. */
    private static final String FOR_SUBJECT = """
            SELECT kind, outcome, hits::text AS hits, settings_version, decided_at FROM decision_record
            WHERE company_id = %s AND subject_type = %s AND subject_id = %s
            ORDER BY decided_at DESC, id DESC""";

    @Override
    public List<StoredDecision> forSubject(String subjectType, String subjectId) {
        return jdbc.sql(FOR_SUBJECT.formatted(":c", ":t", ":s")).param("c", CompanyContext.companyId()).param("t", subjectType).param("s", subjectId)
                .query(this::stored).list();
    }

    @Override
    public io.yewu.platform.read.OneTrip.Rows<StoredDecision> forSubject(io.yewu.platform.read.OneTrip trip,
                                                                          String subjectType, String subjectId) {
        return trip.add(FOR_SUBJECT.formatted(trip.bind(CompanyContext.companyId(), "bigint"), trip.bind(subjectType, "text"), trip.bind(subjectId, "text")), this::stored);
    }

    private StoredDecision stored(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new StoredDecision(rs.getString("kind"), rs.getString("outcome"), json.readValue(rs.getString("hits"), HITS),
                rs.getLong("settings_version"), rs.getObject("decided_at", OffsetDateTime.class));
    }

    @Override
    public java.util.Map<String, StoredDecision> latestFor(String subjectType, java.util.Collection<String> subjectIds, String kind) {
        if (subjectIds.isEmpty()) return java.util.Map.of();
        java.util.Map<String, StoredDecision> latest = new java.util.HashMap<>();
        jdbc.sql("""
                SELECT DISTINCT ON (subject_id) subject_id, kind, outcome, hits::text AS hits, settings_version, decided_at
                FROM decision_record WHERE company_id = :c AND subject_type = :t AND subject_id IN (:ids) AND kind = :k
                ORDER BY subject_id, decided_at DESC, id DESC""")
                .param("c", CompanyContext.companyId()).param("t", subjectType).param("ids", List.copyOf(subjectIds))
                .param("k", kind)
                .query((rs, n) -> latest.put(rs.getString("subject_id"), new StoredDecision(rs.getString("kind"),
                        rs.getString("outcome"), json.readValue(rs.getString("hits"), HITS), rs.getLong("settings_version"),
                        rs.getObject("decided_at", OffsetDateTime.class))))
                .list();
        return latest;
    }

    /** Enums by name, plain values as text, anything structured as JSON: the outcome is read back by people. */
    static String outcomeText(Object outcome, JsonMapper json) {
        return switch (outcome) {
            case Enum<?> e -> e.name();
            case null -> "null";
            case CharSequence c -> c.toString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            default -> json.writeValueAsString(outcome);
        };
    }
}
