package io.yewu.customer;

import java.time.Instant;
import java.util.Optional;

/** Who owned a customer at an instant: receipts and commission are credited by it (RCV-2, COM-1). */
public interface CustomerOwnership {

    /** Empty when the customer did not exist then or sat in the pool. */
    Optional<Long> ownerAt(long customerId, Instant at);
}
