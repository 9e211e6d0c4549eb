/**
 * Pricing and quotes (spec 02, PRC-1 … PRC-11): guide prices, quote requests for non-standard items, the net-price
 * checks of every quote and order line, fee gross-up, quotes. This package is the API other capabilities use
 * ({@link io.yewu.pricing.PriceCheck}, {@link io.yewu.pricing.LineMoney}); the rules live in
 * {@code internal.policy}. So far policies only; API and storage come with the order-to-cash capability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Pricing and quotes")
package io.yewu.pricing;
