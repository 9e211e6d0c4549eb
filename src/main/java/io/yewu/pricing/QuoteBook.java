package io.yewu.pricing;

import io.yewu.platform.decision.Decision;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What the order capability reads of quotes to convert an accepted version into an order without re-typing
 * (PRC-10, ORD-1). Implemented by the pricing capability; scope and company of the current user apply (a quote
 * outside them is empty, as if it did not exist).
 */
public interface QuoteBook {

    /** The version the customer accepted, when it may be converted now (accepted, newest, not expired, not yet converted). */
    Optional<AcceptedQuote> acceptedForConversion(long quoteId);

    /** Marks the version converted into the order, in the caller's transaction; a second conversion fails. */
    void markConverted(long quoteId, int version, long orderId);

    record AcceptedQuote(long quoteId, String number, int version, long customerId, long ownerId,
                         List<Line> lines, String paymentTerms, String deliveryTerms) {}

    /**
     * A line as accepted, with the check it passed and the special-price approval that allowed it (PRC-6).
     * An order keeps the approval only while {@code approvalHolds} of the pricing rules still says so.
     */
    record Line(int lineNo, long productId, BigDecimal quantity, BigDecimal unitPrice, BigDecimal feeShare,
                Long quoteRequestId, Decision<PriceCheck> check, Long specialApprovalId) {}
}
