package io.yewu.customer;

import java.time.Instant;
import java.util.List;

/**
 * Customers changed owner by transfer or dispute decision (CUS-7, CUS-8), all from the same previous owner to the
 * same new one (one customer, or a leaver's whole book at once): open quotes, orders and tickets follow them from
 * {@code effectiveFrom}; past receipts and commission stay with whoever earned them. One event per move, so a
 * listener handles a book in one statement, never one per customer.
 */
public record CustomerTransferred(long companyId, List<Long> customerIds, Long fromOwnerId, long toOwnerId,
                                  Instant effectiveFrom, String reason) {

    public CustomerTransferred {
        customerIds = List.copyOf(customerIds);
    }
}
