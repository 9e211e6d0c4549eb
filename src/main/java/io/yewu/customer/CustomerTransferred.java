package io.yewu.customer;

import java.time.Instant;

/**
 * A customer changed owner by transfer or dispute decision (CUS-7, CUS-8): open quotes, orders and tickets follow
 * it from {@code effectiveFrom}; past receipts and commission stay with whoever earned them.
 */
public record CustomerTransferred(long companyId, long customerId, Long fromOwnerId, long toOwnerId, Instant effectiveFrom,
                                  String reason) {}
