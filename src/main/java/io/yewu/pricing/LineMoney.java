package io.yewu.pricing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** PLT-8: yuan, two decimals, half-up at line level, prices tax-inclusive. Used by quotes, orders and invoices alike. */
public final class LineMoney {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private LineMoney() {}

    /** Half-up to the fen. */
    public static BigDecimal fen(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }

    /** A line's tax-inclusive amount: unit price × quantity, half-up to the fen. */
    public static BigDecimal lineAmount(BigDecimal unitPrice, BigDecimal quantity) {
        return fen(unitPrice.multiply(quantity));
    }

    /** The VAT contained in a tax-inclusive amount: amount × r / (1 + r), half-up to the fen. */
    public static BigDecimal taxIncluded(BigDecimal amount, BigDecimal vatRate) {
        return fen(amount.multiply(vatRate).divide(BigDecimal.ONE.add(vatRate), MathContext.DECIMAL64));
    }

    /** The amount without tax, so that {@code net + tax == amount} to the fen. */
    public static BigDecimal netOfTax(BigDecimal amount, BigDecimal vatRate) {
        return fen(amount).subtract(taxIncluded(amount, vatRate));
    }
}
