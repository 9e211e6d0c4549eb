package io.yewu.customer;

/**
 * CUS-15: a change request was decided — {@code APPROVED} (the file changed in the same transaction), {@code REJECTED}
 * or {@code CANCELLED} (the customer changed owner, or the requester withdrew it). Published in the deciding
 * transaction, so a plain listener's writes commit or roll back with the decision.
 */
public record CustomerChangeDecided(long companyId, long requestId, long customerId, String status, String comment) {}
