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

    /**
     * A customer file as orders read it; {@code ownerId} null while it sits in the pool. {@code totals}: its orders
     * as they stood when the file was read (ORD-2, ORD-5c), or null when not read with it.
     */
    record Customer(long id, String name, String city, Long ownerId, Integer creditTermDays, BigDecimal creditLimit,
                    boolean vatInvoice, Totals totals) {}

    /** What a customer's orders add up to for its standing (ORD-2) and its credit exposure (ORD-5c). */
    record Totals(boolean deliveredAndPaid, BigDecimal receivables, BigDecimal openCredit, LocalDate oldestDue) {}

    /**
     * The customer's orders, leaving one out ({@code :ex}), over {@code customer c}: whether one is delivered and fully
     * paid (ORD-2), its receivables (shipped orders not yet paid), its other open credit orders (submitted, not yet
     * shipped, not cancelled) and the due date of its oldest unpaid receivable (ORD-5c). A cancelled order counts
     * nowhere, so cancelling and re-creating an order meets the same exposure. Each part reads only the orders it
     * counts, through a partial index of its own (V52): the cost follows what is open, not the customer's history,
     * and a prepaid order waiting for its money is in neither.
     */
    private static final String TOTALS = """
            SELECT EXISTS (SELECT 1 FROM sales_order p WHERE p.company_id = c.company_id AND p.customer_id = c.id
                             AND p.state IN ('DELIVERED', 'CLOSED') AND p.paid_amount >= p.total) AS delivered_and_paid,
                   coalesce(sum(o.total - o.paid_amount) FILTER (WHERE o.state IN ('SHIPPED', 'DELIVERED', 'CLOSED')), 0) AS receivables,
                   coalesce(sum(o.total - o.paid_amount) FILTER (WHERE o.state NOT IN ('SHIPPED', 'DELIVERED', 'CLOSED')), 0) AS open_credit,
                   min(o.due_on) FILTER (WHERE o.state IN ('SHIPPED', 'DELIVERED', 'CLOSED')) AS oldest_due
            FROM sales_order o WHERE o.company_id = c.company_id AND o.customer_id = c.id AND o.id <> :ex
              AND o.paid_amount < o.total AND (o.state IN ('SHIPPED', 'DELIVERED', 'CLOSED')
                OR (o.payment_mode = 'CREDIT' AND o.state IN ('SUBMITTED', 'AWAITING_APPROVAL', 'AWAITING_PAYMENT', 'RELEASED')))""";

    private static Totals totals(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Totals(rs.getBoolean("delivered_and_paid"), rs.getBigDecimal("receivables"), rs.getBigDecimal("open_credit"),
                rs.getObject("oldest_due", LocalDate.class));
    }

    private static Customer customer(java.sql.ResultSet rs, Totals totals) throws java.sql.SQLException {
        return new Customer(rs.getLong("id"), rs.getString("name"), rs.getString("city"), rs.getObject("owner_id", Long.class),
                rs.getObject("credit_term_days", Integer.class), rs.getBigDecimal("credit_limit"),
                rs.getBoolean("vat_invoice"), totals);
    }

    private final JdbcClient jdbc;
    private final CustomerStandingPolicy standing = new CustomerStandingPolicy();

    OrderCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The customer if it is in the user's company and data scope (PLT-5), else empty; with its {@link Totals} over
     * all its orders as they stand, in the same statement.
     */
    Optional<Customer> inScope(YewuPrincipal me, long customerId) {
        DataScope.Condition scope = DataScope.of(me, "c.company_id", "c.owner_id");
        return jdbc.sql("SELECT c.id, c.name, c.city, c.owner_id, c.credit_term_days, c.credit_limit, c.vat_invoice, t.*"
                        + " FROM customer c CROSS JOIN LATERAL (" + TOTALS + ") t"
                        + " WHERE c.id = :id AND c.stage <> 'CLOSED' AND " + scope.sql())
                .params(scope.params()).param("id", customerId).param("ex", -1L)
                .query((rs, n) -> customer(rs, totals(rs))).optional();
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
                .param("c", companyId).param("id", customerId).query((rs, n) -> customer(rs, null)).single();
    }

    /** ORD-2's standing and ORD-5c's exposure from a customer's {@link Totals}. */
    record History(Decision<Boolean> standing, CreditHoldPolicy.Exposure exposure) {}

    /**
     * The standing and exposure of a customer for an order: from the totals read with the customer when there is no
     * stored order to leave out ({@code excludeOrderId} null: a new order or a preview), else read leaving it out.
     */
    History history(long companyId, Customer customer, Long excludeOrderId, OrderRules rules) {
        Totals t = customer.totals() != null && excludeOrderId == null ? customer.totals()
                : jdbc.sql("SELECT t.* FROM customer c CROSS JOIN LATERAL (" + TOTALS + ") t WHERE c.company_id = :c AND c.id = :id")
                        .param("c", companyId).param("id", customer.id()).param("ex", excludeOrderId == null ? -1L : excludeOrderId)
                        .query((rs, n) -> totals(rs)).single();
        return new History(standing.isNew(t.deliveredAndPaid(), rules),
                new CreditHoldPolicy.Exposure(t.receivables(), t.openCredit(), t.oldestDue()));
    }

    CustomerFacts facts(Customer c, boolean isNew) {
        CustomerFacts.CreditTerms credit = c.creditTermDays() == null ? null
                : new CustomerFacts.CreditTerms(c.creditTermDays(), c.creditLimit());
        return new CustomerFacts(isNew, c.city(), credit);
    }
}
