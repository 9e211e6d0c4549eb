package io.yewu.customer.internal.visit;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;

/**
 * Customers' coordinates for the check-in distance. Customer files carry only an address, so the first check-in
 * with a position pins the customer where the visitor stood; the owner can correct it at any time.
 */
@Service
class CustomerLocations {

    private final JdbcClient jdbc;
    private final VisibleCustomers customers;
    private final AuditTrail audit;

    CustomerLocations(JdbcClient jdbc, VisibleCustomers customers, AuditTrail audit) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.audit = audit;
    }

    Optional<CheckInDistancePolicy.Point> find(long companyId, long customerId) {
        return jdbc.sql("""
                SELECT lat, lng FROM customer_location
                WHERE company_id = :c AND customer_id = :cust AND lat IS NOT NULL""")
                .param("c", companyId).param("cust", customerId).query(CheckInDistancePolicy.Point.class).optional();
    }

    /** Only when none is stored yet: a later check-in never moves the customer. */
    void setFromCheckIn(YewuPrincipal me, long customerId, CheckInDistancePolicy.Point at) {
        jdbc.sql("""
                INSERT INTO customer_location (company_id, customer_id, lat, lng, source, set_by)
                VALUES (:c, :cust, :lat, :lng, 'CHECK_IN', :u) ON CONFLICT (company_id, customer_id) DO NOTHING""")
                .param("c", me.companyId()).param("cust", customerId).param("lat", at.lat()).param("lng", at.lng())
                .param("u", me.id()).update();
    }

    @Transactional
    CheckInDistancePolicy.Point setByOwner(YewuPrincipal me, long customerId, VisitInput.Position position) {
        VisibleCustomers.Customer customer = customers.require(me, customerId);
        if (customer.ownerId() == null || customer.ownerId() != me.id()) {
            throw ProblemException.forbidden("customer-location-owner-only");
        }
        CheckInDistancePolicy.Point at = VisitCheckIns.point(position);
        if (at == null) throw ProblemException.invalid("lat", "required");
        Optional<CheckInDistancePolicy.Point> before = find(me.companyId(), customerId);
        jdbc.sql("""
                INSERT INTO customer_location (company_id, customer_id, lat, lng, source, set_by)
                VALUES (:c, :cust, :lat, :lng, 'OWNER', :u)
                ON CONFLICT (company_id, customer_id) DO UPDATE
                  SET lat = excluded.lat, lng = excluded.lng, source = 'OWNER', set_by = excluded.set_by, set_at = now()""")
                .param("c", me.companyId()).param("cust", customerId).param("lat", at.lat()).param("lng", at.lng())
                .param("u", me.id()).update();
        audit.record("customer", customerId, "LOCATION", Changes.of().put("location", before.orElse(null), at));
        return at;
    }
}
