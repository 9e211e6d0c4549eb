package io.yewu.customer.internal;

import io.yewu.customer.CustomerChangeRequests;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@link CustomerChangeRequests} on {@link CustomerChanges}: the service desk's path into CUS-15. */
@Component
class ChangeRequestsForOthers implements CustomerChangeRequests {

    private final CustomerChanges changes;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    ChangeRequestsForOthers(CustomerChanges changes, JdbcClient jdbc, JsonMapper json) {
        this.changes = changes;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public long fileForCustomer(YewuPrincipal requester, long customerId, Map<String, Object> requested) {
        return changes.requestForCustomer(requester, customerId, requested);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<State> state(long companyId, long requestId) {
        record Row(long id, long customerId, String status, String changes) {}
        return jdbc.sql("SELECT id, customer_id, status, changes::text AS changes FROM customer_change_request WHERE company_id = :c AND id = :id")
                .param("c", companyId).param("id", requestId).query(Row.class).optional()
                .map(r -> {
                    // only the new values: old bank and invoice details are the approver's to see, not the desk's
                    Map<String, Object> asked = new LinkedHashMap<>();
                    ((Map<String, Map<String, Object>>) json.readValue(r.changes(), Map.class))
                            .forEach((field, pair) -> asked.put(field, pair.get("new")));
                    return new State(r.id(), r.customerId(), r.status(), asked);
                });
    }
}
