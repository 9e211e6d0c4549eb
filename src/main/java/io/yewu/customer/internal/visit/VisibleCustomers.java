package io.yewu.customer.internal.visit;

import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The customers a user may put on a route or visit: those in the user's data scope (PLT-5, CUS-16). */
@Component
class VisibleCustomers {

    record Customer(long id, String name, String city, String address, String stage, Long ownerId) {}

    private final JdbcClient jdbc;

    VisibleCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<Long> visible(YewuPrincipal user, Collection<Long> ids) {
        if (ids.isEmpty()) return Set.of();
        DataScope.Condition scope = DataScope.of(user, "c.company_id", "c.owner_id");
        return new HashSet<>(jdbc.sql("SELECT c.id FROM customer c WHERE c.id IN (:ids) AND " + scope.sql())
                .params(scope.params()).param("ids", ids).query(Long.class).list());
    }

    /** The customer, or 404 as if it did not exist when it is outside the user's scope. */
    Customer require(YewuPrincipal user, long id) {
        DataScope.Condition scope = DataScope.of(user, "c.company_id", "c.owner_id");
        return jdbc.sql("SELECT c.id, c.name, c.city, c.address, c.stage, c.owner_id FROM customer c WHERE c.id = :id AND " + scope.sql())
                .params(scope.params()).param("id", id).query(Customer.class).optional()
                .orElseThrow(() -> ProblemException.notFound("customer " + id));
    }
}
