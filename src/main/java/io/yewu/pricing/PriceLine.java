package io.yewu.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One quote or order line as the price checks read it.
 *
 * @param guidePrice G, tax-inclusive; null when the item has none yet (PRC-3)
 * @param unitPrice  P, the quoted tax-inclusive unit price
 * @param feeShare   x of PRC-8 as a fraction (0.05 is 5 %), 0 when the deal carries no fee
 * @param vatInvoice whether the customer takes a VAT special invoice (PRC-5)
 * @param quantity   units on the line
 */
public record PriceLine(BigDecimal guidePrice, BigDecimal unitPrice, BigDecimal feeShare, boolean vatInvoice,
                        BigDecimal quantity) {

    public PriceLine {
        Objects.requireNonNull(unitPrice);
        feeShare = feeShare == null ? BigDecimal.ZERO : feeShare;
        quantity = quantity == null ? BigDecimal.ONE : quantity;
    }
}
