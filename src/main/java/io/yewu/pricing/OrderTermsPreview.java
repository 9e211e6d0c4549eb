package io.yewu.pricing;

import io.yewu.platform.decision.Decision;

import java.math.BigDecimal;
import java.util.List;

/**
 * The terms an order of these lines would get now (PRC-10: payment mode, deposit, approvals and delivery promise
 * shown on the quote in advance). Decided by the order capability (ORD-2 … ORD-7), which implements this interface,
 * so that quotes can show them without pricing depending on orders. Nothing is saved.
 */
public interface OrderTermsPreview {

    /** One line as the order rules read it: its product kind and its tax-inclusive amount. */
    record Line(ProductKind kind, BigDecimal amount) {}

    /** Each decision of the order rules, in order: payment mode, deposit, credit approvals, credit hold, delivery promise. */
    record Terms(List<Decision<?>> decisions) {}

    /** For a customer of the caller's company and scope. */
    Terms preview(long customerId, List<Line> lines);
}
