package io.yewu.order;

import java.time.Instant;

/**
 * ORD-2, CUS-3: an order has been delivered and fully paid, and is closed. Published in that transaction by the order
 * lifecycle; the customer module moves the customer's stage on (the first one ends "new customer": first order,
 * a later one: active). {@code firstForCustomer} is true for the customer's first such order.
 */
public record OrderCompleted(long companyId, long orderId, long customerId, boolean firstForCustomer, Instant at) {}
