/**
 * Pricing and quotes (spec 02, PRC-1 … PRC-11): guide prices, quote requests for non-standard items, the net-price
 * checks of every quote and order line, fee gross-up, quotes. This package is the API other capabilities use
 * ({@link io.yewu.pricing.PriceCheck}, {@link io.yewu.pricing.LineMoney}); the rules live in
 * {@code internal.policy}. Products (PRC-1) and guide price lists (PRC-2) are stored and served by {@code internal}; quotes come next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pricing and quotes")
package io.yewu.pricing;
