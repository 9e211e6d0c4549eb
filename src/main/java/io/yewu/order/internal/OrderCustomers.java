package io.yewu.order.internal;

import io.yewu.order.internal.policy.CreditHoldPolicy;
import io.yewu.order.internal.policy.CustomerFacts;
import io.yewu.order.internal.policy.CustomerStandingPolicy;
import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the order rules read about a customer: its file (city, credit terms, VAT invoices; read-only, the customer
 * module owns it), whether it is still new (ORD-2, from the orders themselves) and its exposure (ORD-5c).
 */
@Component
class OrderCustomers {

    /** A customer file as orders read it; {@code ownerId} null while it sits in the pool. */
    record Customer(long id, String name, String city, Long ownerId, Integer creditTermDays, BigDecimal creditLimit,
                    boolean vatInvoice) {}

    private final JdbcClient jdbc;
    private final CustomerStandingPolicy standing = new CustomerStandingPolicy();

    OrderCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer if it is in the user's company and data scope (PLT-5), else empty. */
    Optional<Customer> inScope(YewuPrincipal me, long customerId) {
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        return jdbc.sql("SELECT c.id, c.name, c.city, c.owner_id, c.credit_term_days, c.credit_limit, c.vat_invoice FROM customer c"
                        + " WHERE c.id = :id AND c.stage <> 'CLOSED' AND " + scope.sql())
                .params(scope.params()).param("id", customerId).query(Customer.class).optional();
    }

    /** Customers by their exact name within the user's company and data scope (an import's customer column): name → id. */
    java.util.Map<String, Long> namedInScope(YewuPrincipal me, java.util.Collection<String> names) {
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        jdbc.sql("SELECT c.id, c.name FROM customer c WHERE c.name = ANY(:names) AND c.stage <> 'CLOSED' AND " + scope.sql())
                .params(scope.params()).param("names", names.toArray(String[]::new))
                .query((rs, n) -> ids.put(rs.getString("name"), rs.getLong("id"))).list();
        return ids;
    }

    /** The customer file by id within the current company, whatever the caller's scope (for re-checks). */
    Customer byId(long companyId, long customerId) {
        return jdbc.sql("SELECT c.id, c.name, c.city, c.owner_id, c.credit_term_days, c.credit_limit, c.vat_invoice FROM customer c"
                        + " WHERE c.company_id = :c AND c.id = :id")
                .param("c", companyId).param("id", customerId).query(Customer.class).single();
    }

    /**
     * What the customer's orders say, read in one statement: ORD-2's standing (new until one of its orders has been
     * delivered and fully paid) and ORD-5c's exposure (receivables: shipped orders not yet paid; the customer's other
     * open credit orders: submitted, not yet shipped, not cancelled; the due date of the oldest unpaid receivable).
     * A cancelled order counts nowhere, so cancelling and re-creating an order meets the same exposure.
     *
     * @param excludeOrderId the order being decided, left out of the exposure
     */
    record History(Decision<Boolean> standing, CreditHoldPolicy.Exposure exposure) {}

    History history(long companyId, long customerId, Long excludeOrderId, OrderRules rules) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE state IN ('DELIVERED', 'CLOSED') AND paid_amount >= total) AS delivered_and_paid,
                       coalesce(sum(total - paid_amount) FILTER (WHERE id <> :ex AND paid_amount < total
                           AND state IN ('SHIPPED', 'DELIVERED', 'CLOSED')), 0) AS receivables,
                       coalesce(sum(total - paid_amount) FILTER (WHERE id <> :ex AND paid_amount < total AND payment_mode = 'CREDIT'
                           AND state IN ('SUBMITTED', 'AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'RELEASED')), 0) AS open_credit,
                       min(due_on) FILTER (WHERE id <> :ex AND paid_amount < total
                           AND state IN ('SHIPPED', 'DELIVERED', 'CLOSED')) AS oldest_due
                FROM sales_order WHERE company_id = :c AND customer_id = :id""")
                .param("c", companyId).param("id", customerId).param("ex", excludeOrderId == null ? -1L : excludeOrderId)
                .query((rs, n) -> new History(standing.isNew(rs.getLong("delivered_and_paid"), rules),
                        new CreditHoldPolicy.Exposure(rs.getBigDecimal("receivables"), rs.getBigDecimal("open_credit"),
                                rs.getObject("oldest_due", LocalDate.class))))
                .single();
    }

    CustomerFacts facts(Customer c, boolean isNew) {
        CustomerFacts.CreditTerms credit = c.creditTermDays() == null ? null
                : new CustomerFacts.CreditTerms(c.creditTermDays(), c.creditLimit());
        return new CustomerFacts(isNew, c.city(), credit);
    }
}
