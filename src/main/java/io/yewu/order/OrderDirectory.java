package io.yewu.order;

import io.yewu.platform.security.YewuPrincipal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other modules may read about orders, so that none of them reads the order module's tables itself (the
 * service desk links a ticket to an order, and counts the order-status look-ups for SVC-10).
 */
public interface OrderDirectory {

    /** An order as another module names it: its customer, number and state. */
    record OrderRef(long id, long customerId, String number, OrderState state) {}

    /** One agent's order-status look-ups for callers (SVC-10). */
    record AgentLookups(long agentId, String agentName, long lookups) {}

    /** The order in the company, whoever may see it (the caller checks its own scope), or empty. */
    Optional<OrderRef> find(long companyId, long orderId);

    /** Look-ups agents made for callers from {@code from} (inclusive) to {@code to} (exclusive), in the caller's data scope over the agent. */
    List<AgentLookups> agentLookups(YewuPrincipal me, Instant from, Instant to);

    /** Look-ups on the public order-status page of the company from {@code from} (inclusive) to {@code to} (exclusive). */
    long publicLookups(long companyId, Instant from, Instant to);
}
