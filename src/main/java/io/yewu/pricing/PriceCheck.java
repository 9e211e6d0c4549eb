package io.yewu.pricing;

import java.math.BigDecimal;

/**
 * The outcome of the net-price checks for one line (PRC-4 … PRC-8): what the company keeps, what the fee is, and
 * what a special price costs the salesperson. Recorded on the line with the guide price it was checked against
 * (PRC-2).
 *
 * @param feePerUnit          F = P × x, half-up to the fen (PRC-8)
 * @param netPrice            N = P − F
 * @param allowance           a, the no-VAT allowance the line is entitled to (PRC-5), 0 with a VAT invoice
 * @param specialDiscount     s = (G − N) / G − a when positive (PRC-6), else 0
 * @param commissionReduction the fall of the commission rate as a fraction (s = 0.05 → 0.005, half a point)
 * @param feeExpense          F × quantity, the deal's marketing expense (PRC-8, MKT-1)
 */
public record PriceCheck(PriceVerdict verdict, BigDecimal guidePrice, BigDecimal unitPrice, BigDecimal feePerUnit,
                         BigDecimal netPrice, BigDecimal allowance, BigDecimal specialDiscount,
                         BigDecimal commissionReduction, BigDecimal feeExpense) {

    /** The line's commission rate: the plan rate less the PRC-6 reduction, never below zero. */
    public BigDecimal commissionRate(BigDecimal planRate) {
        BigDecimal rate = planRate.subtract(commissionReduction);
        return rate.signum() < 0 ? BigDecimal.ZERO : rate;
    }
}
