package io.yewu.customer.internal.visit;

import io.yewu.customer.internal.FollowUps;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Visit records (CUS-14): created by the visitor for a customer in their scope, one per customer and day, filled
 * step by step. Everyone in scope reads a visit; only the visitor changes it.
 */
@Service
class Visits {

    /** Created tells the controller whether to answer 201 or hand back the day's existing visit. */
    record Created(VisitView view, boolean created) {}

    private static final String HEAD = """
            SELECT v.id, v.visitor_id, u.display_name AS visitor_name, v.customer_id, c.name AS customer_name, c.city,
                   c.address, v.route_id, v.visit_on, v.objective, v.result, v.preparation, v.outdoor_ads_ok, v.pop_ok,
                   v.racks_ok, v.outdoor_notes, v.greeting, v.display_notes, v.new_products, v.promotions,
                   v.market_notes, v.signature_required, v.signed_by, v.next_visit_at, v.check_in_at, v.check_in_lat,
                   v.check_in_lng, v.check_in_distance_m, v.check_in_far, v.check_out_at, v.check_out_lat,
                   v.check_out_lng, l.lat AS customer_lat, l.lng AS customer_lng, CASE WHEN l.lat IS NOT NULL THEN l.source END AS customer_location_source,
                   v.location_unconfirmed, v.version
            FROM visit v
            JOIN app_user u ON u.company_id = v.company_id AND u.id = v.visitor_id
            JOIN customer c ON c.company_id = v.company_id AND c.id = v.customer_id
            LEFT JOIN customer_location l ON l.company_id = v.company_id AND l.customer_id = v.customer_id
            """;

    private final JdbcClient jdbc;
    private final VisibleCustomers customers;
    private final DecisionRecords decisions;
    private final Settings settings;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final FollowUps followUps;
    private final SuggestedOrder suggestedOrder = new SuggestedOrder();

    Visits(JdbcClient jdbc, VisibleCustomers customers, DecisionRecords decisions, Settings settings,
           AuditTrail audit, JsonMapper json, FollowUps followUps) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.decisions = decisions;
        this.settings = settings;
        this.audit = audit;
        this.json = json;
        this.followUps = followUps;
    }

    Page<VisitView.Summary> list(YewuPrincipal me, LocalDate from, LocalDate to, Long customerId, PageQuery page) {
        DataScope.Condition scope = DataScope.of(me, "v.company_id", "v.visitor_id");
        String where = " WHERE " + scope.sql() + " AND (CAST(:from AS date) IS NULL OR v.visit_on >= :from)"
                + " AND (CAST(:to AS date) IS NULL OR v.visit_on <= :to)"
                + " AND (CAST(:cust AS bigint) IS NULL OR v.customer_id = :cust)";
        List<VisitView.Summary> items = jdbc.sql("""
                SELECT v.id, v.visitor_id, u.display_name AS visitor_name, v.customer_id, c.name AS customer_name,
                       v.visit_on, v.check_in_at, v.check_out_at, v.check_in_far, v.check_in_distance_m, v.location_unconfirmed, v.objective, v.result
                FROM visit v
                JOIN app_user u ON u.company_id = v.company_id AND u.id = v.visitor_id
                JOIN customer c ON c.company_id = v.company_id AND c.id = v.customer_id""" + where
                        + " ORDER BY v.visit_on DESC, v.id DESC LIMIT :limit OFFSET :offset")
                .params(scope.params()).param("from", from).param("to", to).param("cust", customerId)
                .param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new VisitView.Summary(rs.getLong("id"), rs.getLong("visitor_id"), rs.getString("visitor_name"),
                        rs.getLong("customer_id"), rs.getString("customer_name"), rs.getObject("visit_on", LocalDate.class),
                        rs.getObject("check_in_at", java.time.OffsetDateTime.class),
                        rs.getObject("check_out_at", java.time.OffsetDateTime.class), rs.getObject("check_in_far", Boolean.class),
                        rs.getObject("check_in_distance_m", Integer.class), rs.getBoolean("location_unconfirmed"),
                        rs.getString("objective"), rs.getString("result"), null))
                .list();
        var distance = decisions.latestFor("visit", items.stream().map(v -> String.valueOf(v.id())).toList(), "check-in-distance");
        items = items.stream().map(v -> new VisitView.Summary(v.id(), v.visitorId(), v.visitorName(), v.customerId(),
                v.customerName(), v.visitOn(), v.checkInAt(), v.checkOutAt(), v.checkInFar(), v.checkInDistanceM(),
                v.locationUnconfirmed(), v.objective(), v.result(), distance.get(String.valueOf(v.id())))).toList();
        return Page.of(items, page, () -> jdbc.sql(Page.cappedCountSql(" FROM visit v" + where)).params(scope.params())
                .param("from", from).param("to", to).param("cust", customerId).query(Long.class).single());
    }

    /** A visit as a spreadsheet row (the export). */
    record Exported(LocalDate visitOn, String visitorName, String customerName, String city, String objective,
                    String result, java.time.OffsetDateTime checkInAt, java.time.OffsetDateTime checkOutAt,
                    Integer checkInDistanceM, Boolean checkInFar, boolean locationUnconfirmed) {
        boolean counted() {
            return checkInAt != null && checkOutAt != null;
        }
    }

    /** Every visit of {@link #list}'s filter, streamed. */
    void each(YewuPrincipal me, LocalDate from, LocalDate to, Long customerId, java.util.function.Consumer<Exported> sink) {
        DataScope.Condition scope = DataScope.of(me, "v.company_id", "v.visitor_id");
        try (var rows = jdbc.sql("""
                SELECT v.visit_on, u.display_name AS visitor_name, c.name AS customer_name, c.city, v.objective, v.result,
                       v.check_in_at, v.check_out_at, v.check_in_distance_m, v.check_in_far, v.location_unconfirmed
                FROM visit v
                JOIN app_user u ON u.company_id = v.company_id AND u.id = v.visitor_id
                JOIN customer c ON c.company_id = v.company_id AND c.id = v.customer_id
                WHERE""" + " " + scope.sql() + " AND (CAST(:from AS date) IS NULL OR v.visit_on >= :from)"
                        + " AND (CAST(:to AS date) IS NULL OR v.visit_on <= :to)"
                        + " AND (CAST(:cust AS bigint) IS NULL OR v.customer_id = :cust) ORDER BY v.visit_on DESC, v.id DESC")
                .params(scope.params()).param("from", from).param("to", to).param("cust", customerId)
                .query(Exported.class).stream()) {
            rows.forEach(sink);
        }
    }

    /** The visit, or 404 when it is outside the reader's scope. */
    VisitView.Head head(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "v.company_id", "v.visitor_id");
        return jdbc.sql(HEAD + " WHERE v.id = :id AND " + scope.sql()).params(scope.params()).param("id", id)
                .query(VisitView.Head.class).optional().orElseThrow(() -> ProblemException.notFound("visit " + id));
    }

    /** The visit when the caller is its visitor: others in scope may read it, not change it. */
    VisitView.Head requireOwn(YewuPrincipal me, long id) {
        VisitView.Head visit = head(me, id);
        if (visit.visitorId() != me.id()) throw ProblemException.forbidden("visit-not-yours");
        return visit;
    }

    /**
     * The visit when the caller is its visitor and it is not finished: a checked-out visit is the record of what
     * happened, read-only for everyone (409 {@code visit-finished}).
     */
    VisitView.Head requireOpen(YewuPrincipal me, long id) {
        VisitView.Head visit = requireOwn(me, id);
        if (visit.checkOutAt() != null) throw ProblemException.conflict("visit-finished");
        return visit;
    }

    VisitView get(YewuPrincipal me, long id) {
        VisitView.Head head = head(me, id);
        long c = me.companyId();
        return new VisitView(head,
                lines("SELECT line_no, product, safety_stock, current_stock, suggested, order_quantity FROM visit_stock_line", c, id, VisitView.StockLine.class),
                lines("SELECT line_no, brand, product, price, promotion, display, staff_changes FROM visit_competitor", c, id, VisitView.Competitor.class),
                lines("SELECT line_no, product, quantity, reason FROM visit_return_line", c, id, VisitView.ReturnLine.class),
                jdbc.sql("SELECT id, follow_up_id, text, due_on FROM visit_promise WHERE company_id = :c AND visit_id = :v ORDER BY id")
                        .param("c", c).param("v", id).query(VisitView.Promise.class).list(),
                jdbc.sql("SELECT id, step, content_type, size_bytes, created_at FROM visit_photo WHERE company_id = :c AND visit_id = :v ORDER BY step, id")
                        .param("c", c).param("v", id).query(VisitView.Photo.class).list(),
                decisions.forSubject("visit", String.valueOf(id)));
    }

    private <T> List<T> lines(String select, long companyId, long visitId, Class<T> type) {
        return jdbc.sql(select + " WHERE company_id = :c AND visit_id = :v ORDER BY line_no")
                .param("c", companyId).param("v", visitId).query(type).list();
    }

    @Transactional
    Created create(YewuPrincipal me, VisitInput.New input) {
        customers.require(me, input.customerId());
        if (input.routeId() != null && !ownsRoute(me, input.routeId())) {
            throw ProblemException.invalid("routeId", "unknown", input.routeId());
        }
        LocalDate on = input.visitOn() == null ? LocalDate.now(WorkCalendar.ZONE) : input.visitOn();
        // one visit per person, customer and day: opening the plan twice must not create two records
        Long id = jdbc.sql("""
                INSERT INTO visit (company_id, visitor_id, customer_id, route_id, visit_on, objective)
                VALUES (:c, :u, :cust, :route, :on, :objective)
                ON CONFLICT (company_id, visitor_id, customer_id, visit_on) DO NOTHING RETURNING id""")
                .param("c", me.companyId()).param("u", me.id()).param("cust", input.customerId())
                .param("route", input.routeId()).param("on", on).param("objective", text(input.objective()))
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            long existing = jdbc.sql("""
                    SELECT id FROM visit WHERE company_id = :c AND visitor_id = :u AND customer_id = :cust AND visit_on = :on""")
                    .param("c", me.companyId()).param("u", me.id()).param("cust", input.customerId()).param("on", on)
                    .query(Long.class).single();
            return new Created(get(me, existing), false);
        }
        audit.record("visit", id, "CREATE", Changes.of().created("customerId", input.customerId()).created("visitOn", on));
        return new Created(get(me, id), true);
    }

    @Transactional
    VisitView update(YewuPrincipal me, long id, VisitInput.Steps in) {
        VisitView.Head before = requireOpen(me, id);
        Versions.requireUpdated(jdbc.sql("""
                UPDATE visit SET objective = :objective, result = :result, preparation = :preparation,
                       outdoor_ads_ok = :ads, pop_ok = :pop, racks_ok = :racks, outdoor_notes = :outdoor,
                       greeting = :greeting, display_notes = :display, new_products = :newProducts,
                       promotions = :promotions, market_notes = :market, signature_required = :sigRequired,
                       signed_by = :signedBy, next_visit_at = :nextVisit, version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND check_out_at IS NULL""")
                .param("objective", text(in.objective())).param("result", text(in.result()))
                .param("preparation", text(in.preparation())).param("ads", in.outdoorAdsOk()).param("pop", in.popOk())
                .param("racks", in.racksOk()).param("outdoor", text(in.outdoorNotes())).param("greeting", text(in.greeting()))
                .param("display", text(in.displayNotes())).param("newProducts", text(in.newProducts()))
                .param("promotions", text(in.promotions())).param("market", text(in.marketNotes()))
                .param("sigRequired", Boolean.TRUE.equals(in.signatureRequired())).param("signedBy", text(in.signedBy()))
                .param("nextVisit", in.nextVisitAt()).param("c", me.companyId()).param("id", id).param("v", in.version())
                .update());
        replaceStock(me.companyId(), id, listOf(in.stock()));
        replaceCompetitors(me.companyId(), id, listOf(in.competitors()));
        replaceReturns(me.companyId(), id, listOf(in.returns()));
        audit.record("visit", id, "UPDATE", Changes.of().put("objective", before.objective(), text(in.objective()))
                .put("result", before.result(), text(in.result())).put("signedBy", before.signedBy(), text(in.signedBy()))
                .put("nextVisitAt", before.nextVisitAt(), in.nextVisitAt()));
        return get(me, id);
    }

    /**
     * A promise to the customer is a follow-up (CUS-13) through the one follow-up writer, with the promise's due date
     * as its next contact: its own reminder is scheduled and CUS-9/CUS-12 see the contact.
     */
    @Transactional
    VisitView promise(YewuPrincipal me, long id, VisitInput.Promise in) {
        VisitView.Head visit = requireOpen(me, id);
        if (in.dueOn().isBefore(visit.visitOn())) throw ProblemException.invalid("dueOn", "visit-promise-due");
        String text = in.text().trim();
        long followUp = followUps.recordForVisit(me, visit.customerId(), id,
                new FollowUps.NewFollowUp("VISIT", null, text, text, in.dueOn()));
        jdbc.sql("INSERT INTO visit_promise (company_id, visit_id, follow_up_id, text, due_on) VALUES (:c, :v, :f, :text, :due)")
                .param("c", me.companyId()).param("v", id).param("f", followUp).param("text", text)
                .param("due", in.dueOn()).update();
        audit.record("visit", id, "PROMISE", Changes.of().created("promise", text).created("dueOn", in.dueOn()));
        return get(me, id);
    }

    private void replaceStock(long companyId, long visitId, List<VisitInput.StockLine> lines) {
        jdbc.sql("DELETE FROM visit_stock_line WHERE company_id = :c AND visit_id = :v").param("c", companyId).param("v", visitId).update();
        long settingsVersion = settings.snapshotAt(Instant.now()).version();
        for (int i = 0; i < lines.size(); i++) {
            VisitInput.StockLine l = lines.get(i);
            Decision<BigDecimal> d = suggestedOrder.suggest(l.safetyStock(), l.currentStock(), settingsVersion);
            jdbc.sql("""
                    INSERT INTO visit_stock_line (company_id, visit_id, line_no, product, safety_stock, current_stock,
                                                  suggested, order_quantity, decision)
                    VALUES (:c, :v, :n, :product, :safety, :current, :suggested, :order, CAST(:decision AS jsonb))""")
                    .param("c", companyId).param("v", visitId).param("n", i + 1).param("product", l.product().trim())
                    .param("safety", l.safetyStock()).param("current", l.currentStock()).param("suggested", d.outcome())
                    .param("order", l.orderQuantity()).param("decision", json.writeValueAsString(d)).update();
        }
    }

    private void replaceCompetitors(long companyId, long visitId, List<VisitInput.Competitor> lines) {
        jdbc.sql("DELETE FROM visit_competitor WHERE company_id = :c AND visit_id = :v").param("c", companyId).param("v", visitId).update();
        for (int i = 0; i < lines.size(); i++) {
            VisitInput.Competitor l = lines.get(i);
            jdbc.sql("""
                    INSERT INTO visit_competitor (company_id, visit_id, line_no, brand, product, price, promotion, display, staff_changes)
                    VALUES (:c, :v, :n, :brand, :product, :price, :promotion, :display, :staff)""")
                    .param("c", companyId).param("v", visitId).param("n", i + 1).param("brand", l.brand().trim())
                    .param("product", text(l.product())).param("price", l.price()).param("promotion", text(l.promotion()))
                    .param("display", text(l.display())).param("staff", text(l.staffChanges())).update();
        }
    }

    private void replaceReturns(long companyId, long visitId, List<VisitInput.ReturnLine> lines) {
        jdbc.sql("DELETE FROM visit_return_line WHERE company_id = :c AND visit_id = :v").param("c", companyId).param("v", visitId).update();
        for (int i = 0; i < lines.size(); i++) {
            VisitInput.ReturnLine l = lines.get(i);
            jdbc.sql("""
                    INSERT INTO visit_return_line (company_id, visit_id, line_no, product, quantity, reason)
                    VALUES (:c, :v, :n, :product, :quantity, :reason)""")
                    .param("c", companyId).param("v", visitId).param("n", i + 1).param("product", l.product().trim())
                    .param("quantity", l.quantity()).param("reason", l.reason().trim()).update();
        }
    }

    private boolean ownsRoute(YewuPrincipal me, long routeId) {
        return jdbc.sql("SELECT count(*) FROM visit_route WHERE company_id = :c AND id = :id AND owner_id = :u")
                .param("c", me.companyId()).param("id", routeId).param("u", me.id()).query(Long.class).single() > 0;
    }

    private static <T> List<T> listOf(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String text(String s) {
        return Objects.requireNonNullElse(s, "").trim();
    }
}
