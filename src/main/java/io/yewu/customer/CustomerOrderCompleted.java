package io.yewu.customer;

import java.time.Instant;

/**
 * ORD-2, CUS-3: one of the customer's orders has been delivered and fully paid, and is closed. The customer module
 * owns this event and moves the customer's stage on (the first one ends "new customer": first order, a later one:
 * active); the order lifecycle publishes it in that transaction. Defined here rather than in {@code order} so that
 * customers never depend on orders (orders depend on customers). {@code firstForCustomer} is true for the
 * customer's first such order.
 */
public record CustomerOrderCompleted(long companyId, long orderId, long customerId, boolean firstForCustomer, Instant at) {}
