package io.yewu.customer.internal;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CUS-3: a customer that has ordered (first order or active) and placed no order for the dormant period becomes
 * dormant. Pure: the stage, the last order and the period are inputs, and every one is kept with the decision.
 */
public final class DormancyPolicy {

    /** @return the stage the customer should have: DORMANT, or the stage it has */
    public Decision<String> decide(String stage, Instant lastOrder, Instant now, long dormantDays, long settingsVersion) {
        Instant dormantFrom = lastOrder == null ? null : lastOrder.plus(Duration.ofDays(dormantDays));
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("stage", stage);
        inputs.put("lastOrderAt", lastOrder == null ? "—" : lastOrder.toString());
        inputs.put("dormantDays", dormantDays);
        inputs.put("checkedAt", now.toString());
        boolean ordering = "FIRST_ORDER".equals(stage) || "ACTIVE".equals(stage);
        if (ordering && dormantFrom != null && now.isAfter(dormantFrom)) {
            return Decision.of("DORMANT", settingsVersion, new RuleHit("CUS-3",
                    "超过 " + dormantDays + " 天未下单，转为休眠客户",
                    "No order for more than " + dormantDays + " days: the customer becomes dormant", inputs));
        }
        return Decision.of(stage, settingsVersion, new RuleHit("CUS-3",
                ordering ? "休眠期内有订单，阶段不变" : "只有首单或活跃客户会转为休眠",
                ordering ? "Ordered within the dormant period: the stage stays"
                        : "Only first-order and active customers become dormant", inputs));
    }
}
