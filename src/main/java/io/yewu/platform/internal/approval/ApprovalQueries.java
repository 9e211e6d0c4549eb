package io.yewu.platform.internal.approval;

import io.yewu.platform.decision.StoredDecision;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads approvals for the people involved: the applicant, each step's assignee, the assignee's active delegate,
 * and whoever decided a step. Anyone else gets 404, as if the approval did not exist.
 */
@Component
class ApprovalQueries {

    /** The row of an approval without its steps, as the list export writes it. */
    record Row(long id, String title, String subjectType, String subjectId, String applicantName, String status,
               OffsetDateTime createdAt, OffsetDateTime completedAt, String currentApprover) {}

    private static final String ACTING_FOR = """
            (SELECT dl.user_id FROM delegation dl WHERE dl.company_id = :c AND dl.delegate_id = :u
             AND :today BETWEEN dl.starts_on AND dl.ends_on)""";

    private static final String VISIBLE = """
            r.company_id = :c AND (r.applicant_id = :u OR EXISTS (
                SELECT 1 FROM approval_step v WHERE v.company_id = r.company_id AND v.request_id = r.id
                AND (v.assignee_id = :u OR v.decided_by = :u OR v.assignee_id IN %s)))""".formatted(ACTING_FOR);

    private static final Map<String, String> BOXES = Map.of(
            "pending", """
                    r.status = 'PENDING' AND r.applicant_id <> :u AND EXISTS (
                        SELECT 1 FROM approval_step p WHERE p.company_id = r.company_id AND p.request_id = r.id
                        AND p.status = 'PENDING' AND (p.assignee_id = :u OR p.assignee_id IN %s))""".formatted(ACTING_FOR),
            "decided", """
                    EXISTS (SELECT 1 FROM approval_step p WHERE p.company_id = r.company_id AND p.request_id = r.id
                            AND p.decided_by = :u)""",
            "submitted", "r.applicant_id = :u");

    private static final String FROM = " FROM approval_request r JOIN app_user a ON a.id = r.applicant_id"
            + " AND a.company_id = r.company_id WHERE ";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ApprovalQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    ApprovalView get(long id, YewuPrincipal me) {
        return heads(FROM + VISIBLE + " AND r.id = :id", me, Map.of("id", id), 1, 0).stream().findFirst()
                .map(head -> withSteps(me, List.of(head)).getFirst())
                .orElseThrow(() -> ProblemException.notFound("approval " + id));
    }

    /** Every pending chain of the company, oldest first: the administrator's view for cancelling stuck ones. */
    Page<ApprovalView> open(PageQuery page, YewuPrincipal me) {
        String fromWhere = FROM + "r.company_id = :c AND r.status = 'PENDING'";
        List<ApprovalView> items = withSteps(me, jdbc.sql("""
                SELECT r.id, r.subject_type, r.subject_id, r.subject_version, r.title, a.display_name AS applicant_name,
                       r.status, r.created_at, r.completed_at, r.decision::text AS decision, r.details::text AS details""" + fromWhere
                        + " ORDER BY r.created_at, r.id LIMIT :limit OFFSET :offset")
                .params(params(me)).param("limit", page.size()).param("offset", page.offset()).query(this::head).list());
        return Page.of(items, page, Page.cappedCount(jdbc, fromWhere, params(me)));
    }

    Page<ApprovalView> list(String box, PageQuery page, YewuPrincipal me) {
        String fromWhere = FROM + VISIBLE + " AND " + boxCondition(box);
        List<ApprovalView> items = withSteps(me, heads(fromWhere, me, Map.of(), page.size(), page.offset()));
        return Page.of(items, page, Page.cappedCount(jdbc, fromWhere, params(me)));
    }

    /** Streams a box for export; call in the caller's company context. */
    void export(String box, YewuPrincipal me, Consumer<Row> sink) {
        // a query stream holds its connection until closed: always in try-with-resources
        try (var rows = jdbc.sql("""
                SELECT r.id, r.title, r.subject_type, r.subject_id, a.display_name AS applicant_name, r.status,
                       r.created_at, r.completed_at,
                       (SELECT u.display_name FROM approval_step s
                        JOIN app_user u ON u.id = s.assignee_id AND u.company_id = s.company_id
                        WHERE s.company_id = r.company_id AND s.request_id = r.id AND s.status = 'PENDING') AS current_approver
                """ + FROM + VISIBLE + " AND " + boxCondition(box) + " ORDER BY r.created_at DESC, r.id DESC")
                .params(params(me)).query(Row.class).stream()) {
            rows.forEach(sink);
        }
    }

    static String boxCondition(String box) {
        String condition = BOXES.get(box);
        if (condition == null) throw ProblemException.invalid("box", "invalid");
        return condition;
    }

    private List<ApprovalView> heads(String fromWhere, YewuPrincipal me, Map<String, Object> extra, int limit, int offset) {
        return jdbc.sql("""
                SELECT r.id, r.subject_type, r.subject_id, r.subject_version, r.title, a.display_name AS applicant_name,
                       r.status, r.created_at, r.completed_at, r.decision::text AS decision, r.details::text AS details""" + fromWhere
                        + " ORDER BY r.created_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .params(params(me)).params(extra).param("limit", limit).param("offset", offset)
                .query(this::head).list();
    }

    /** Adds every listed approval's steps with one query. */
    private List<ApprovalView> withSteps(YewuPrincipal me, List<ApprovalView> heads) {
        if (heads.isEmpty()) return heads;
        Map<Long, List<ApprovalView.StepView>> steps = new HashMap<>();
        jdbc.sql("""
                SELECT s.request_id, s.seq, s.role_code, asg.display_name AS assignee_name, s.status,
                       dec.display_name AS decided_by_name, s.decided_at, s.comment, s.due_at
                FROM approval_step s
                JOIN app_user asg ON asg.id = s.assignee_id AND asg.company_id = s.company_id
                LEFT JOIN app_user dec ON dec.id = s.decided_by AND dec.company_id = s.company_id
                WHERE s.company_id = :c AND s.request_id IN (:ids) ORDER BY s.request_id, s.seq""")
                .param("c", me.companyId())
                .param("ids", heads.stream().map(ApprovalView::id).collect(Collectors.toList()))
                .query((rs, n) -> {
                    steps.computeIfAbsent(rs.getLong("request_id"), k -> new ArrayList<>()).add(new ApprovalView.StepView(
                            rs.getInt("seq"), rs.getString("role_code"), rs.getString("assignee_name"),
                            rs.getString("status"), rs.getString("decided_by_name"),
                            rs.getObject("decided_at", OffsetDateTime.class), rs.getString("comment"),
                            rs.getObject("due_at", OffsetDateTime.class)));
                    return null;
                }).list();
        return heads.stream().map(h -> new ApprovalView(h.id(), h.subjectType(), h.subjectId(), h.subjectVersion(),
                h.title(), h.applicantName(), h.status(), h.createdAt(), h.completedAt(), h.decision(),
                steps.getOrDefault(h.id(), List.of()), h.details())).toList();
    }

    private ApprovalView head(ResultSet rs, int row) throws SQLException {
        return new ApprovalView(rs.getLong("id"), rs.getString("subject_type"), rs.getString("subject_id"),
                rs.getLong("subject_version"), rs.getString("title"), rs.getString("applicant_name"),
                rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("completed_at", OffsetDateTime.class),
                json.readValue(rs.getString("decision"), StoredDecision.class), List.of(),
                rs.getString("details") == null ? null : json.readTree(rs.getString("details")));
    }

    private static Map<String, Object> params(YewuPrincipal me) {
        return Map.of("c", me.companyId(), "u", me.id(), "today", Delegations.today());
    }
}
