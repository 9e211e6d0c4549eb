package io.yewu.order.internal;

import io.yewu.customer.CustomerOrderCompleted;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * ORD-1, ORD-2: a delivered order that is fully paid is closed, once; the first such order of a customer ends its
 * being new, and the customer module hears of it ({@link CustomerOrderCompleted}) in the same transaction.
 */
@Component
class OrderCompletion {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final OrderTerms terms;

    OrderCompletion(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, OrderTerms terms) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.terms = terms;
    }

    void check(long companyId, long orderId) {
        Instant now = terms.now();
        Long customerId = jdbc.sql("""
                UPDATE sales_order SET state = 'CLOSED', closed_at = :now, version = version + 1
                WHERE company_id = :c AND id = :id AND state = 'DELIVERED' AND paid_amount >= total RETURNING customer_id""")
                .param("now", Timestamp.from(now)).param("c", companyId).param("id", orderId).query(Long.class).optional().orElse(null);
        if (customerId == null) return;
        audit.record("sales-order", orderId, "close", Changes.of().put("state", "DELIVERED", "CLOSED"));
        long completed = jdbc.sql("SELECT count(*) FROM sales_order WHERE company_id = :c AND customer_id = :id AND state = 'CLOSED'"
                        + " AND paid_amount >= total")
                .param("c", companyId).param("id", customerId).query(Long.class).single();
        events.publishEvent(new CustomerOrderCompleted(companyId, orderId, customerId, completed == 1, now));
    }
}
