package io.yewu.order.internal.policy;

import io.yewu.pricing.ProductKind;

import java.math.BigDecimal;

/** An order line as the order rules read it: standard or custom, and its tax-inclusive amount (PLT-8). */
public record OrderLine(ProductKind kind, BigDecimal amount) {

    public boolean custom() {
        return kind == ProductKind.NON_STANDARD;
    }
}
