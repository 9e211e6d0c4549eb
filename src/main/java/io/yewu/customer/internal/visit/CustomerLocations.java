package io.yewu.customer.internal.visit;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.DecisionRecords;
import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.notification.Notifier;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.settings.Settings;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Customers' coordinates for the check-in distance (CUS-14). The point a check-in is measured from is one the
 * visitor cannot set: imported, set by a manager, or a visitor's proposal that a manager confirmed. A check-in at a
 * customer without such a point proposes where the visitor stood; its visit is "location unconfirmed" until a
 * manager confirms a point, and is then measured against it.
 */
@Service
class CustomerLocations {

    /** A proposed point with what the manager needs to judge it: the customer, the address and who proposed it. */
    record Proposal(long id, long customerId, String customerName, String city, String address, String ownerName,
                    double lat, double lng, Long visitId, long proposedBy, String proposedByName,
                    OffsetDateTime proposedAt, String status, String decidedByName, OffsetDateTime decidedAt,
                    String reason, Double confirmedLat, Double confirmedLng, long version) {}

    record Decide(Long version, String reason) {}

    private static final String PROPOSALS = """
            SELECT p.id, p.customer_id, c.name AS customer_name, c.city, c.address, o.display_name AS owner_name,
                   p.lat, p.lng, p.visit_id, p.proposed_by, u.display_name AS proposed_by_name, p.proposed_at, p.status,
                   d.display_name AS decided_by_name, p.decided_at, p.reason, l.lat AS confirmed_lat,
                   l.lng AS confirmed_lng, p.version
            FROM customer_location_proposal p
            JOIN customer c ON c.company_id = p.company_id AND c.id = p.customer_id
            JOIN app_user u ON u.company_id = p.company_id AND u.id = p.proposed_by
            LEFT JOIN app_user o ON o.company_id = c.company_id AND o.id = c.owner_id
            LEFT JOIN app_user d ON d.company_id = p.company_id AND d.id = p.decided_by
            LEFT JOIN customer_location l ON l.company_id = p.company_id AND l.customer_id = p.customer_id""";

    private final JdbcClient jdbc;
    private final VisibleCustomers customers;
    private final Settings settings;
    private final DecisionRecords decisions;
    private final AuditTrail audit;
    private final Notifier notifier;
    private final UserDirectory users;
    private final CheckInDistancePolicy policy = new CheckInDistancePolicy();

    CustomerLocations(JdbcClient jdbc, VisibleCustomers customers, Settings settings, DecisionRecords decisions,
                      AuditTrail audit, Notifier notifier, UserDirectory users) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.settings = settings;
        this.decisions = decisions;
        this.audit = audit;
        this.notifier = notifier;
        this.users = users;
    }

    /** The confirmed point (imported or manager-confirmed), if any. */
    Optional<CheckInDistancePolicy.Point> find(long companyId, long customerId) {
        return jdbc.sql("""
                SELECT lat, lng FROM customer_location
                WHERE company_id = :c AND customer_id = :cust AND lat IS NOT NULL""")
                .param("c", companyId).param("cust", customerId).query(CheckInDistancePolicy.Point.class).optional();
    }

    /** A check-in at a customer without a confirmed point proposes where the visitor stood; one open proposal at a time. */
    void propose(YewuPrincipal me, long customerId, long visitId, CheckInDistancePolicy.Point at) {
        int added = jdbc.sql("""
                INSERT INTO customer_location_proposal (company_id, customer_id, lat, lng, visit_id, proposed_by)
                VALUES (:c, :cust, :lat, :lng, :visit, :u)
                ON CONFLICT (company_id, customer_id) WHERE status = 'PENDING' DO NOTHING""")
                .param("c", me.companyId()).param("cust", customerId).param("lat", at.lat()).param("lng", at.lng())
                .param("visit", visitId).param("u", me.id()).update();
        if (added == 0) return;
        audit.record("customer", customerId, "LOCATION_PROPOSED", Changes.of().created("visitId", visitId));
        String name = customers.require(me, customerId).name();
        users.managerOf(me.id()).ifPresent(m -> notifier.notify(m, "customer.location-proposed", "客户位置待确认：" + name,
                "Customer location to confirm: " + name, me.displayName() + " 签到时提交了建议位置",
                me.displayName() + " proposed a location at check-in", "/visits/locations"));
    }

    /** Proposals of customers in the manager's scope, newest first; {@code status} null for all. */
    Page<Proposal> proposals(YewuPrincipal me, String status, PageQuery page) {
        requireManager(me);
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        Map<String, Object> params = new HashMap<>(scope.params());
        params.put("status", status == null || status.isBlank() ? null : status.trim());
        String where = " WHERE " + scope.sql() + " AND (CAST(:status AS text) IS NULL OR p.status = :status)";
        List<Proposal> items = jdbc.sql(PROPOSALS + where + " ORDER BY p.proposed_at DESC, p.id DESC LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(Proposal.class).list();
        return Page.of(items, page, Page.cappedCount(jdbc, """
                 FROM customer_location_proposal p JOIN customer c ON c.company_id = p.company_id AND c.id = p.customer_id"""
                + where, params));
    }

    Proposal proposal(YewuPrincipal me, long id) {
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        return jdbc.sql(PROPOSALS + " WHERE p.id = :id AND " + scope.sql()).params(scope.params()).param("id", id)
                .query(Proposal.class).optional().orElseThrow(() -> ProblemException.notFound("location proposal " + id));
    }

    /** The manager confirms a proposed point: it becomes the customer's location and the waiting visits are measured. */
    @Transactional
    Proposal confirm(YewuPrincipal manager, long id, Decide in) {
        Proposal p = decide(manager, id, in, "CONFIRMED");
        CheckInDistancePolicy.Point at = new CheckInDistancePolicy.Point(p.lat(), p.lng());
        Optional<CheckInDistancePolicy.Point> before = find(manager.companyId(), p.customerId());
        store(manager, p.customerId(), at, "CONFIRMED");
        audit.record("customer", p.customerId(), "LOCATION_CONFIRMED", Changes.of().put("location", before.orElse(null), at)
                .created("proposalId", id));
        measureWaitingVisits(manager.companyId(), p.customerId(), at);
        return proposal(manager, id);
    }

    @Transactional
    Proposal reject(YewuPrincipal manager, long id, Decide in) {
        if (in == null || in.reason() == null || in.reason().isBlank()) throw ProblemException.invalid("reason", "required");
        if (in.reason().length() > 500) throw ProblemException.invalid("reason", "too-long", 500);
        Proposal p = decide(manager, id, in, "REJECTED");
        audit.record("customer", p.customerId(), "LOCATION_REJECTED", Changes.of().created("proposalId", id)
                .created("reason", in.reason().strip()));
        return proposal(manager, id);
    }

    private Proposal decide(YewuPrincipal manager, long id, Decide in, String status) {
        requireManager(manager);
        Proposal p = proposal(manager, id);
        if (!"PENDING".equals(p.status())) throw ProblemException.conflict("location-proposal-decided");
        // the visitor cannot set the point they are measured from: not even a manager who proposed it
        if (p.proposedBy() == manager.id()) throw ProblemException.conflict("location-own-proposal");
        if (in == null || in.version() == null) throw ProblemException.invalid("version", "required");
        Versions.requireUpdated(jdbc.sql("""
                UPDATE customer_location_proposal SET status = :s, decided_by = :u, decided_at = now(), reason = :r,
                       version = version + 1
                WHERE company_id = :c AND id = :id AND version = :v AND status = 'PENDING'""")
                .param("s", status).param("u", manager.id()).param("r", in.reason() == null ? "" : in.reason().strip())
                .param("c", manager.companyId()).param("id", id).param("v", in.version()).update());
        return p;
    }

    /** A manager sets (or corrects) a customer's location directly. */
    @Transactional
    CheckInDistancePolicy.Point setByManager(YewuPrincipal manager, long customerId, VisitInput.Position position) {
        requireManager(manager);
        customers.require(manager, customerId);
        CheckInDistancePolicy.Point at = VisitCheckIns.point(position);
        if (at == null) throw ProblemException.invalid("lat", "required");
        Optional<CheckInDistancePolicy.Point> before = find(manager.companyId(), customerId);
        store(manager, customerId, at, "MANAGER");
        audit.record("customer", customerId, "LOCATION", Changes.of().put("location", before.orElse(null), at));
        measureWaitingVisits(manager.companyId(), customerId, at);
        return at;
    }

    /** The roles of the endpoints' {@code @Allow}: the service refuses anyone else on its own too, whoever calls it. */
    private static void requireManager(YewuPrincipal user) {
        if (RoleGroup.MANAGERS.roles().stream().noneMatch(user::hasRole)) throw ProblemException.forbidden("forbidden");
    }

    private void store(YewuPrincipal manager, long customerId, CheckInDistancePolicy.Point at, String source) {
        jdbc.sql("""
                INSERT INTO customer_location (company_id, customer_id, lat, lng, source, set_by)
                VALUES (:c, :cust, :lat, :lng, :source, :u)
                ON CONFLICT (company_id, customer_id) DO UPDATE
                  SET lat = excluded.lat, lng = excluded.lng, source = excluded.source, set_by = excluded.set_by, set_at = now()""")
                .param("c", manager.companyId()).param("cust", customerId).param("lat", at.lat()).param("lng", at.lng())
                .param("source", source).param("u", manager.id()).update();
    }

    private record Waiting(long id, Double checkInLat, Double checkInLng) {}

    /** Visits that waited for a confirmed point are measured against it now, each with its decision. */
    private void measureWaitingVisits(long companyId, long customerId, CheckInDistancePolicy.Point at) {
        List<Waiting> waiting = jdbc.sql("""
                SELECT id, check_in_lat, check_in_lng FROM visit
                WHERE company_id = :c AND customer_id = :cust AND location_unconfirmed FOR UPDATE""")
                .param("c", companyId).param("cust", customerId).query(Waiting.class).list();
        if (waiting.isEmpty()) return;
        SettingsSnapshot snapshot = settings.snapshotAt(Instant.now());
        for (Waiting w : waiting) {
            CheckInDistancePolicy.Point here = w.checkInLat() == null ? null : new CheckInDistancePolicy.Point(w.checkInLat(), w.checkInLng());
            Decision<CheckInDistancePolicy.Verdict> verdict =
                    policy.check(here, at, snapshot.get(VisitSettings.CHECK_IN_RADIUS), snapshot.version());
            jdbc.sql("""
                    UPDATE visit SET check_in_distance_m = :distance, check_in_far = :far, location_unconfirmed = false
                    WHERE company_id = :c AND id = :id""")
                    .param("distance", verdict.outcome().distanceMetres()).param("far", verdict.outcome().far())
                    .param("c", companyId).param("id", w.id()).update();
            decisions.record("visit", String.valueOf(w.id()), "check-in-distance", verdict);
        }
    }
}
