package io.yewu.customer.internal.visit;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.ProblemException.FieldProblem;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Routes (CUS-14): each belongs to the person who keeps it; others in scope (a manager) read it, only the keeper
 * changes it. Stops are replaced as a whole list, so the order the client sends is the order kept.
 */
@Service
class Routes {

    private static final Map<String, String> SORTS = Map.of("name", "r.name", "createdAt", "r.created_at");

    private final JdbcClient jdbc;
    private final VisibleCustomers customers;
    private final AuditTrail audit;

    Routes(JdbcClient jdbc, VisibleCustomers customers, AuditTrail audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
    }

    Page<RouteView.Summary> list(YewuPrincipal me, PageQuery page) {
        DataScope.Condition scope = DataScope.of(me, "r.company_id", "r.owner_id");
        String fromWhere = " FROM visit_route r WHERE " + scope.sql();
        List<RouteView.Summary> items = jdbc.sql("""
                SELECT r.id, r.name, r.owner_id, u.display_name AS owner_name,
                       (SELECT count(*) FROM visit_route_stop s WHERE s.company_id = r.company_id AND s.route_id = r.id) AS stop_count,
                       r.version
                FROM visit_route r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.owner_id
                WHERE """ + " " + scope.sql() + " ORDER BY " + page.orderBy(SORTS, "r.id DESC") + " LIMIT :limit OFFSET :offset")
                .params(scope.params()).param("limit", page.size()).param("offset", page.offset())
                .query(RouteView.Summary.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, fromWhere, scope.params()));
    }

    /** One spreadsheet row per stop of every route in scope. */
    record ExportedStop(String routeName, String ownerName, int position, String customerName, String city,
                        String frequency, List<Integer> weekdays, int everyWeeks, Integer monthDay, LocalDate startsOn) {}

    void eachStop(YewuPrincipal me, java.util.function.Consumer<ExportedStop> sink) {
        DataScope.Condition scope = DataScope.of(me, "r.company_id", "r.owner_id");
        try (var rows = jdbc.sql("""
                SELECT r.name AS route_name, u.display_name AS owner_name, s.position, c.name AS customer_name, c.city,
                       s.frequency, s.weekdays, s.every_weeks, s.month_day, s.starts_on
                FROM visit_route r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.owner_id
                JOIN visit_route_stop s ON s.company_id = r.company_id AND s.route_id = r.id
                JOIN customer c ON c.company_id = s.company_id AND c.id = s.customer_id
                WHERE""" + " " + scope.sql() + " ORDER BY r.name, r.id, s.position")
                .params(scope.params())
                .query((rs, n) -> new ExportedStop(rs.getString("route_name"), rs.getString("owner_name"), rs.getInt("position"),
                        rs.getString("customer_name"), rs.getString("city"), rs.getString("frequency"),
                        weekdays(rs.getArray("weekdays")), rs.getInt("every_weeks"), rs.getObject("month_day", Integer.class),
                        rs.getObject("starts_on", LocalDate.class)))
                .stream()) {
            rows.forEach(sink);
        }
    }

    RouteView get(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "r.company_id", "r.owner_id");
        RouteView head = jdbc.sql("""
                SELECT r.id, r.name, r.owner_id, u.display_name AS owner_name, r.version
                FROM visit_route r JOIN app_user u ON u.company_id = r.company_id AND u.id = r.owner_id
                WHERE r.id = :id AND""" + " " + scope.sql())
                .params(scope.params()).param("id", id)
                .query((rs, n) -> new RouteView(rs.getLong("id"), rs.getString("name"), rs.getLong("owner_id"),
                        rs.getString("owner_name"), rs.getLong("version"), List.of()))
                .optional().orElseThrow(() -> ProblemException.notFound("route " + id));
        List<RouteView.Stop> stops = jdbc.sql("""
                SELECT s.position, s.customer_id, c.name, c.city, c.stage, s.frequency, s.weekdays, s.every_weeks,
                       s.month_day, s.starts_on
                FROM visit_route_stop s JOIN customer c ON c.company_id = s.company_id AND c.id = s.customer_id
                WHERE s.company_id = :c AND s.route_id = :id ORDER BY s.position""")
                .param("c", me.companyId()).param("id", id)
                .query((rs, n) -> new RouteView.Stop(rs.getInt("position"), rs.getLong("customer_id"),
                        rs.getString("name"), rs.getString("city"), rs.getString("stage"),
                        VisitFrequency.Kind.valueOf(rs.getString("frequency")), weekdays(rs.getArray("weekdays")),
                        rs.getInt("every_weeks"), (Integer) rs.getObject("month_day", Integer.class),
                        rs.getObject("starts_on", LocalDate.class)))
                .list();
        return new RouteView(head.id(), head.name(), head.ownerId(), head.ownerName(), head.version(), stops);
    }

    @Transactional
    RouteView create(YewuPrincipal me, RouteInput input) {
        validate(me, input);
        long id = jdbc.sql("INSERT INTO visit_route (company_id, owner_id, name) VALUES (:c, :u, :name) RETURNING id")
                .param("c", me.companyId()).param("u", me.id()).param("name", input.name().trim())
                .query(Long.class).single();
        insertStops(me, id, input.stops());
        keepHistory(me.companyId(), id);
        audit.record("visit_route", id, "CREATE", Changes.of().created("name", input.name().trim())
                .created("stops", customerIds(input.stops())));
        return get(me, id);
    }

    @Transactional
    RouteView update(YewuPrincipal me, long id, RouteInput input) {
        RouteView before = requireOwn(me, id);
        validate(me, input);
        bumpVersion(me, id, input.version(), input.name().trim());
        jdbc.sql("DELETE FROM visit_route_stop WHERE company_id = :c AND route_id = :id")
                .param("c", me.companyId()).param("id", id).update();
        insertStops(me, id, input.stops());
        keepHistory(me.companyId(), id);
        audit.record("visit_route", id, "UPDATE", Changes.of().put("name", before.name(), input.name().trim())
                .put("stops", before.stops().stream().map(RouteView.Stop::customerId).toList(), customerIds(input.stops())));
        return get(me, id);
    }

    /** Moves the stops into the order of {@code customerIds}, which must name exactly the route's customers. */
    @Transactional
    RouteView reorder(YewuPrincipal me, long id, Long version, List<Long> customerIds) {
        RouteView before = requireOwn(me, id);
        List<Long> current = before.stops().stream().map(RouteView.Stop::customerId).toList();
        if (customerIds == null || customerIds.size() != current.size() || !new HashSet<>(customerIds).equals(new HashSet<>(current))) {
            throw ProblemException.invalid("customerIds", "route-order-mismatch");
        }
        bumpVersion(me, id, version, before.name());
        // positions are part of the key: park them out of the way first, then set the new order
        jdbc.sql("UPDATE visit_route_stop SET position = position + 100000 WHERE company_id = :c AND route_id = :id")
                .param("c", me.companyId()).param("id", id).update();
        jdbc.sql("""
                UPDATE visit_route_stop s SET position = x.n
                FROM unnest(CAST(:custs AS bigint[])) WITH ORDINALITY AS x(cust, n)
                WHERE s.company_id = :c AND s.route_id = :id AND s.customer_id = x.cust""")
                .param("custs", customerIds.toArray(Long[]::new)).param("c", me.companyId()).param("id", id).update();
        keepHistory(me.companyId(), id);
        audit.record("visit_route", id, "REORDER", Changes.of().put("stops", current, customerIds));
        return get(me, id);
    }

    @Transactional
    void delete(YewuPrincipal me, long id, Long version) {
        RouteView before = requireOwn(me, id);
        if (version == null) throw ProblemException.invalid("version", "required");
        Versions.requireUpdated(jdbc.sql("DELETE FROM visit_route WHERE company_id = :c AND id = :id AND version = :v")
                .param("c", me.companyId()).param("id", id).param("v", version).update());
        keepHistory(me.companyId(), id);
        audit.record("visit_route", id, "DELETE", Changes.of().put("name", before.name(), null));
    }

    /**
     * Closes the route's current plan and keeps the new one (none after a delete), so a past week's completion is
     * computed from the plan as it stood then (CUS-14, docs/decisions/0010-decisions-followups.md).
     */
    private void keepHistory(long companyId, long routeId) {
        jdbc.sql("""
                UPDATE visit_route_stop_history SET valid_to = now()
                WHERE company_id = :c AND route_id = :r AND valid_to IS NULL""")
                .param("c", companyId).param("r", routeId).update();
        jdbc.sql("""
                INSERT INTO visit_route_stop_history (company_id, route_id, owner_id, route_name, position, customer_id,
                                                      frequency, weekdays, every_weeks, month_day, starts_on, valid_from)
                SELECT s.company_id, s.route_id, r.owner_id, r.name, s.position, s.customer_id, s.frequency, s.weekdays,
                       s.every_weeks, s.month_day, s.starts_on, now()
                FROM visit_route_stop s JOIN visit_route r ON r.company_id = s.company_id AND r.id = s.route_id
                WHERE s.company_id = :c AND s.route_id = :r""")
                .param("c", companyId).param("r", routeId).update();
    }

    private RouteView requireOwn(YewuPrincipal me, long id) {
        RouteView route = get(me, id);
        if (route.ownerId() != me.id()) throw ProblemException.forbidden("route-not-yours");
        return route;
    }

    private void bumpVersion(YewuPrincipal me, long id, Long version, String name) {
        if (version == null) throw ProblemException.invalid("version", "required");
        Versions.requireUpdated(jdbc.sql("""
                UPDATE visit_route SET name = :name, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v""")
                .param("name", name).param("c", me.companyId()).param("id", id).param("v", version).update());
    }

    private void validate(YewuPrincipal me, RouteInput input) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<Long> visible = customers.visible(me, customerIds(input.stops()));
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < input.stops().size(); i++) {
            RouteInput.Stop s = input.stops().get(i);
            String at = "stops[" + i + "].";
            if (!visible.contains(s.customerId())) problems.add(new FieldProblem(at + "customerId", "unknown", s.customerId()));
            if (!seen.add(s.customerId())) problems.add(new FieldProblem(at + "customerId", "route-duplicate-stop"));
            problems.addAll(StopFrequencies.problems(at, s));
        }
        if (!problems.isEmpty()) throw ProblemException.invalid(problems);
    }

    /** All stops in one statement (the weekdays travel as array literals, one per stop). */
    private void insertStops(YewuPrincipal me, long routeId, List<RouteInput.Stop> stops) {
        if (stops.isEmpty()) return;
        LocalDate today = LocalDate.now(WorkCalendar.ZONE);
        List<VisitFrequency> fs = stops.stream().map(s -> StopFrequencies.of(s, today)).toList();
        jdbc.sql("""
                INSERT INTO visit_route_stop (company_id, route_id, position, customer_id, frequency, weekdays,
                                              every_weeks, month_day, starts_on)
                SELECT :c, :r, x.n, x.cust, x.f, CAST(x.wd AS smallint[]), x.every, x.md, x.starts
                FROM unnest(CAST(:custs AS bigint[]), CAST(:fs AS text[]), CAST(:wds AS text[]), CAST(:everys AS int[]),
                            CAST(:mds AS int[]), CAST(:starts AS date[])) WITH ORDINALITY AS x(cust, f, wd, every, md, starts, n)""")
                .param("c", me.companyId()).param("r", routeId)
                .param("custs", customerIds(stops).toArray(Long[]::new))
                .param("fs", fs.stream().map(f -> f.kind().name()).toArray(String[]::new))
                .param("wds", fs.stream().map(f -> f.weekdays().stream().map(d -> String.valueOf(d.getValue())).sorted()
                        .collect(Collectors.joining(",", "{", "}"))).toArray(String[]::new))
                .param("everys", fs.stream().map(VisitFrequency::everyWeeks).toArray(Integer[]::new))
                .param("mds", fs.stream().map(VisitFrequency::monthDay).toArray(Integer[]::new))
                .param("starts", fs.stream().map(f -> f.startsOn() == null ? null : java.sql.Date.valueOf(f.startsOn())).toArray(java.sql.Date[]::new))
                .update();
    }

    private static List<Long> customerIds(List<RouteInput.Stop> stops) {
        return stops.stream().map(RouteInput.Stop::customerId).toList();
    }

    static List<Integer> weekdays(Array array) throws SQLException {
        List<Integer> days = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) days.add(((Number) o).intValue());
        return days;
    }
}
