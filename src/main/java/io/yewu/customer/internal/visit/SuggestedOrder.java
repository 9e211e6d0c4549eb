package io.yewu.customer.internal.visit;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Step 5 of a visit (CUS-14) uses RTL-5's suggestion: 1.5 × safety stock − current stock, never below zero.
 * The factor is the spec's fixed number, not a setting. Quantities keep two decimals, rounded half-up.
 */
public final class SuggestedOrder {

    static final BigDecimal FACTOR = new BigDecimal("1.5");

    public Decision<BigDecimal> suggest(BigDecimal safetyStock, BigDecimal currentStock, long settingsVersion) {
        BigDecimal raw = FACTOR.multiply(safetyStock).subtract(currentStock);
        BigDecimal suggestion = raw.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> inputs = Map.of("safetyStock", safetyStock, "currentStock", currentStock, "factor", FACTOR);
        RuleHit hit = raw.signum() > 0
                ? new RuleHit("RTL-5", "建议订货量 = 1.5 × 安全库存 − 当前库存",
                        "Suggested order = 1.5 × safety stock − current stock", inputs)
                : new RuleHit("RTL-5", "当前库存已达 1.5 倍安全库存，不建议订货",
                        "Current stock already covers 1.5 × safety stock; no order suggested", inputs);
        return Decision.of(suggestion, settingsVersion, hit,
                RuleHit.of("CUS-14", "拜访第五步：检查库存并建议订货", "Visit step 5: stock check and suggested order"));
    }
}
