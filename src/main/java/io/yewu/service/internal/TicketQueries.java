package io.yewu.service.internal;

import io.yewu.order.OrderDirectory;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ListQuery;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading tickets within {@link TicketScope}: lists (filtered, paged, exported), my open tickets by time left, one ticket whole. */
@Component
class TicketQueries {

    record Filter(String q, String state, String type, String channel, Boolean mine, Boolean overdue, Boolean escalated,
                  Long customerId, Long ownerId) {}

    record Row(long id, String number, String channel, String type, String state, String requesterKind, Long customerId,
               String callerName, String callerPhone, String subject, long ownerId, String ownerName, OffsetDateTime receivedAt,
               OffsetDateTime promisedAt, Long secondsLeft, boolean dueSoon, boolean overdue, String escalationLevel,
               String severity, boolean firstContactResolution, String assigneeName) {}

    record Assignee(long id, String role, Long userId, String userName, Long departmentId, String departmentName,
                    boolean active, OffsetDateTime assignedAt, String assignedByName, String note) {}

    record Event(long id, OffsetDateTime at, String kind, Long actorId, String actorName, String note, JsonNode detail,
                 String decisionKind, String decisionOutcome, JsonNode decisionHits, Long settingsVersion) {}

    record Timer(int cycle, String kind, OffsetDateTime dueAt, OffsetDateTime firedAt, OffsetDateTime cancelledAt) {}

    record Visit(long id, String reason, String state, OffsetDateTime dueAt, int attempts, Integer satisfaction,
                 String feedback, OffsetDateTime closedAt) {}

    record Detail(long id, String number, String channel, String type, String state, String requesterKind, Long customerId,
                  String customerName, Long requesterUserId, String callerName, String callerPhone, String callerOrigin,
                  Long orderId, String orderNumber, String orderState, String subject, String description, long ownerId,
                  String ownerName, OffsetDateTime receivedAt, boolean firstContactResolution, OffsetDateTime promisedAt,
                  java.math.BigDecimal replyLimitHours, String timerBasis, long settingsVersion, OffsetDateTime remindedAt,
                  OffsetDateTime overdueAt, String escalationLevel, int escalationCount, boolean supervised, String severity,
                  boolean marketingLevel, String rootCause, String causeAnalysis, String correctiveAction, String resolution,
                  OffsetDateTime resolvedAt, OffsetDateTime closedAt, int reopenCount, long version,
                  List<Assignee> assignees, List<Event> events, List<Timer> timers, List<Visit> returnVisits,
                  Long changeRequestId, String changeRequestState, JsonNode requestedChanges) {}

    static final String ROW_SELECT = """
            SELECT t.id, t.number, t.channel, t.type, t.state, t.requester_kind, t.customer_id, t.caller_name, t.caller_phone,
                   t.subject, t.owner_id, o.display_name AS owner_name, t.received_at, t.promised_at,
                   CASE WHEN t.state = 'OPEN' AND t.promised_at IS NOT NULL
                        THEN floor(extract(epoch FROM t.promised_at - :now))::bigint END AS seconds_left,
                   (t.state = 'OPEN' AND t.reminded_at IS NOT NULL) AS due_soon,
                   (t.state = 'OPEN' AND t.promised_at < :now) AS overdue, t.escalation_level, t.severity,
                   t.first_contact_resolution,
                   (SELECT coalesce(au.display_name, ad.name, '') FROM ticket_assignee a
                      LEFT JOIN app_user au ON au.company_id = a.company_id AND au.id = a.user_id
                      LEFT JOIN department ad ON ad.company_id = a.company_id AND ad.id = a.department_id
                     WHERE a.company_id = t.company_id AND a.ticket_id = t.id AND a.role = 'ASSIGNEE' AND a.active
                     ORDER BY a.id DESC LIMIT 1) AS assignee_name
            """;
    private static final Map<String, String> SORTS = Map.of("receivedAt", "t.received_at", "promisedAt", "t.promised_at",
            "number", "t.number", "state", "t.state", "type", "t.type");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OrderDirectory orders;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A department to transfer a ticket to (SVC-2) or to name as a notice's issuer (KB-2); {@code depth} indents it. */
    record Department(long id, String name, int depth) {}

    /** The company's departments in tree order (the administrator's tree endpoint is for administrators only). */
    List<Department> departments(long companyId) {
        return jdbc.sql("""
                SELECT id, name, array_length(string_to_array(trim(both '/' from path), '/'), 1) - 1 AS depth
                FROM department WHERE company_id = :c ORDER BY path""")
                .param("c", companyId).query(Department.class).list();
    }

    TicketQueries(JdbcClient jdbc, Clock clock, OrderDirectory orders) {
        this.jdbc = jdbc;
        this.orders = orders;
        this.clock = clock;
    }

    /** The list's own order: newest first. */
    private static final String RECEIVED = "t.received_at DESC, t.id DESC";

    /** "Mine" without a chosen sort: by time left, the most urgent first (SVC-4); otherwise sorted as asked. */
    Page<Row> list(YewuPrincipal user, Filter f, PageQuery page) {
        boolean byTimeLeft = Boolean.TRUE.equals(f.mine()) && (page.sort() == null || page.sort().isBlank());
        return byTimeLeft ? query(user, f, "t.promised_at ASC NULLS LAST, t.id").page(page) : query(user, f, RECEIVED).page(page, SORTS);
    }

    /** The list, filtered and within scope, for a page or its export. */
    ListQuery<Row> query(YewuPrincipal user, Filter f, String order) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(user, f, params);
        params.put("now", now());
        return new ListQuery<>(jdbc, Row.class, ROW_SELECT + fromWhere, fromWhere, params, order);
    }

    ListQuery<Row> query(YewuPrincipal user, Filter f) {
        return query(user, f, RECEIVED);
    }

    private String fromWhere(YewuPrincipal user, Filter f, Map<String, Object> params) {
        TicketScope scope = TicketScope.of(user, "t");
        params.putAll(scope.params());
        StringBuilder sql = new StringBuilder(" FROM ticket t JOIN app_user o ON o.company_id = t.company_id AND o.id = t.owner_id WHERE ")
                .append(scope.sql());
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" AND (t.number = :qExact OR t.caller_phone = :qExact OR t.subject ILIKE :q OR t.caller_name ILIKE :q)");
            params.put("qExact", f.q().strip());
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        eq(sql, params, "t.state", "state", f.state());
        eq(sql, params, "t.type", "type", f.type());
        eq(sql, params, "t.channel", "channel", f.channel());
        eq(sql, params, "t.customer_id", "customerId", f.customerId());
        eq(sql, params, "t.owner_id", "ownerId", f.ownerId());
        if (Boolean.TRUE.equals(f.mine())) {
            sql.append(" AND t.state = 'OPEN' AND (t.owner_id = :tsMe OR EXISTS (SELECT 1 FROM ticket_assignee m WHERE m.company_id = t.company_id"
                    + " AND m.ticket_id = t.id AND m.active AND (m.user_id = :tsMe OR (m.role = 'ASSIGNEE' AND m.user_id IS NULL AND m.department_id = :tsDept))))");
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            sql.append(" AND t.state = 'OPEN' AND t.promised_at < :nowFilter");
            params.put("nowFilter", now());
        }
        if (Boolean.TRUE.equals(f.escalated())) sql.append(" AND t.escalation_level <> 'NONE'");
        return sql.toString();
    }

    private static void eq(StringBuilder sql, Map<String, Object> params, String column, String name, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) return;
        sql.append(" AND ").append(column).append(" = :").append(name);
        params.put(name, value);
    }

    Detail detail(YewuPrincipal user, long id) {
        TicketScope scope = TicketScope.of(user, "t");
        var row = jdbc.sql("""
                SELECT t.*, t.requested_changes::text AS requested_changes_text, o.display_name AS owner_name, c.name AS customer_name
                FROM ticket t JOIN app_user o ON o.company_id = t.company_id AND o.id = t.owner_id
                LEFT JOIN customer c ON c.company_id = t.company_id AND c.id = t.customer_id
                WHERE t.id = :id AND """ + scope.sql()).params(scope.params()).param("id", id).query().listOfRows();
        if (row.isEmpty()) throw ProblemException.notFound("ticket " + id);
        Map<String, Object> t = row.getFirst();
        Long orderId = lng(t.get("order_id"));
        Optional<OrderDirectory.OrderRef> order = orderId == null ? Optional.empty() : orders.find(user.companyId(), orderId);
        long company = user.companyId();
        List<Assignee> assignees = jdbc.sql("""
                SELECT a.id, a.role, a.user_id, u.display_name AS user_name, a.department_id, d.name AS department_name, a.active,
                       a.assigned_at, b.display_name AS assigned_by_name, a.note
                FROM ticket_assignee a LEFT JOIN app_user u ON u.company_id = a.company_id AND u.id = a.user_id
                LEFT JOIN department d ON d.company_id = a.company_id AND d.id = a.department_id
                LEFT JOIN app_user b ON b.company_id = a.company_id AND b.id = a.assigned_by
                WHERE a.company_id = :c AND a.ticket_id = :id ORDER BY a.id""").param("c", company).param("id", id)
                .query(Assignee.class).list();
        List<Event> events = jdbc.sql("""
                SELECT e.id, e.at, e.kind, e.actor_id, u.display_name AS actor_name, e.note, e.detail::text AS detail,
                       dr.kind AS decision_kind, dr.outcome AS decision_outcome, dr.hits::text AS decision_hits, dr.settings_version
                FROM ticket_event e LEFT JOIN app_user u ON u.company_id = e.company_id AND u.id = e.actor_id
                LEFT JOIN decision_record dr ON dr.id = e.decision_id
                WHERE e.company_id = :c AND e.ticket_id = :id ORDER BY e.at, e.id""").param("c", company).param("id", id)
                .query((rs, i) -> new Event(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class), rs.getString("kind"),
                        (Long) rs.getObject("actor_id"), rs.getString("actor_name"), rs.getString("note"), json(rs.getString("detail")),
                        rs.getString("decision_kind"), rs.getString("decision_outcome"), json(rs.getString("decision_hits")),
                        (Long) rs.getObject("settings_version"))).list();
        List<Timer> timers = jdbc.sql("""
                SELECT cycle, kind, due_at, fired_at, cancelled_at FROM ticket_timer WHERE company_id = :c AND ticket_id = :id
                ORDER BY cycle, due_at""").param("c", company).param("id", id).query(Timer.class).list();
        List<Visit> visits = jdbc.sql("""
                SELECT id, reason, state, due_at, attempts, satisfaction, feedback, closed_at FROM return_visit
                WHERE company_id = :c AND ticket_id = :id ORDER BY id""").param("c", company).param("id", id).query(Visit.class).list();
        return new Detail(id, (String) t.get("number"), (String) t.get("channel"), (String) t.get("type"), (String) t.get("state"),
                (String) t.get("requester_kind"), lng(t.get("customer_id")), (String) t.get("customer_name"), lng(t.get("requester_user_id")),
                (String) t.get("caller_name"), (String) t.get("caller_phone"), (String) t.get("caller_origin"), lng(t.get("order_id")),
                order.map(OrderDirectory.OrderRef::number).orElse(null),
                order.map(r -> r.state().name()).orElse(null), (String) t.get("subject"), (String) t.get("description"),
                lng(t.get("owner_id")), (String) t.get("owner_name"), odt(t.get("received_at")), (Boolean) t.get("first_contact_resolution"),
                odt(t.get("promised_at")), (java.math.BigDecimal) t.get("reply_limit_hours"), (String) t.get("timer_basis"),
                lng(t.get("settings_version")), odt(t.get("reminded_at")), odt(t.get("overdue_at")), (String) t.get("escalation_level"),
                ((Number) t.get("escalation_count")).intValue(), (Boolean) t.get("supervised"), (String) t.get("severity"),
                (Boolean) t.get("marketing_level"), (String) t.get("root_cause"), (String) t.get("cause_analysis"),
                (String) t.get("corrective_action"), (String) t.get("resolution"), odt(t.get("resolved_at")), odt(t.get("closed_at")),
                ((Number) t.get("reopen_count")).intValue(), lng(t.get("version")), assignees, events, timers, visits,
                lng(t.get("change_request_id")), (String) t.get("change_request_state"), json((String) t.get("requested_changes_text")));
    }

    private static JsonNode json(String text) {
        return text == null ? null : JSON.readTree(text);
    }

    private static Long lng(Object o) {
        return o == null ? null : ((Number) o).longValue();
    }

    static OffsetDateTime odt(Object o) {
        if (o == null) return null;
        if (o instanceof OffsetDateTime d) return d;
        if (o instanceof java.sql.Timestamp ts) return ts.toInstant().atZone(Tickets.ZONE).toOffsetDateTime();
        if (o instanceof java.time.Instant i) return i.atZone(Tickets.ZONE).toOffsetDateTime();
        throw new IllegalStateException("not a time: " + o.getClass());
    }

    private OffsetDateTime now() {
        return Tickets.at(clock.instant());
    }
}
