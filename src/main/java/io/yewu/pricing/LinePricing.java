package io.yewu.pricing;

import io.yewu.platform.decision.Decision;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The price checks of one quote or order line (PRC-2 … PRC-9), as both quotes and orders run them: the guide price
 * in force on a day (from approved price lists, or from a quote request's answer for a non-standard item), then the
 * net-price checks. Runs in the caller's company; nothing is stored. Implemented by the pricing capability.
 */
public interface LinePricing {

    /**
     * @param productId      a product of the caller's company
     * @param unitPrice      P, tax-inclusive, at most two decimals
     * @param quantity       above zero
     * @param feeShare       x of PRC-8 as a fraction, 0 when the deal carries no fee
     * @param vatInvoice     whether the customer takes VAT special invoices (PRC-5)
     * @param on             the day whose guide price applies (Asia/Shanghai)
     * @param quoteRequestId an answered quote request that prices a non-standard item (PRC-3), or null
     * @return the checked line, or empty when the product is unknown to the caller's company
     */
    Optional<CheckedLine> check(long productId, BigDecimal unitPrice, BigDecimal quantity, BigDecimal feeShare,
                                boolean vatInvoice, LocalDate on, Long quoteRequestId);

    /** One line of {@link #checkAll}: the arguments of {@link #check} that differ per line. */
    record LineRequest(long productId, BigDecimal unitPrice, BigDecimal quantity, BigDecimal feeShare, Long quoteRequestId) {}

    /**
     * The same checks for many lines (an order, a quote): the products, their list entries and the answered quote
     * requests are looked up once for all lines, so the cost does not grow with the number of lines.
     *
     * @return one result per request, in the same order (empty: the product is unknown to the caller's company)
     */
    java.util.List<Optional<CheckedLine>> checkAll(java.util.List<LineRequest> lines, boolean vatInvoice, LocalDate on);

    /**
     * A checked line: what the product is, the guide price it was checked against and where it came from, the
     * outcome of the checks with their rule hits, and the line's money (PLT-8).
     *
     * @param priceListId the approved list the guide price came from, null when none applies
     * @param amount      P × quantity, half-up to the fen
     * @param tax         the VAT inside {@code amount}, at the VAT rate in force
     */
    record CheckedLine(long productId, String productCode, String productName, ProductKind kind, boolean active,
                       Long priceListId, Decision<PriceCheck> check, BigDecimal amount, BigDecimal tax) {}
}
