package io.yewu.order;

/**
 * Published in the same transaction whenever receipts matched to an order change its paid amount (RCV-1), so the
 * order re-checks what it waits for (ORD-6: prepayment, deposit) and whether the customer stops being new (ORD-2).
 * Written by settlement, read by the order lifecycle: one writer per fact.
 */
public record OrderPaymentsChanged(long companyId, long orderId) {}
