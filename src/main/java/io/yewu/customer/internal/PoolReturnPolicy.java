package io.yewu.customer.internal;

import io.yewu.platform.decision.Decision;
import io.yewu.platform.decision.RuleHit;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * CUS-9 (off unless the administrator enables it): an owned customer with no follow-up for N days and no order for
 * M days goes back to the pool, after a warning K days before. Pure: the last activity instants are inputs.
 */
public final class PoolReturnPolicy {

    public enum Outcome { KEEP, WARN, RETURN }

    public record Rules(boolean enabled, long noFollowUpDays, long noOrderDays, long warningDays) {}

    /**
     * @param lastFollowUp the latest follow-up, or when the owner got the customer if there was none since
     * @param lastOrder    the latest order, or when the owner got the customer if there was none since
     */
    public Decision<Outcome> decide(Rules rules, Instant lastFollowUp, Instant lastOrder, Instant now, long settingsVersion) {
        if (!rules.enabled()) {
            return Decision.of(Outcome.KEEP, settingsVersion, RuleHit.of("CUS-9", "未启用自动退回公海", "Pool return is not enabled"));
        }
        Instant followUpLimit = lastFollowUp.plus(Duration.ofDays(rules.noFollowUpDays()));
        Instant orderLimit = lastOrder.plus(Duration.ofDays(rules.noOrderDays()));
        Instant returnAt = followUpLimit.isAfter(orderLimit) ? followUpLimit : orderLimit; // both conditions must hold
        Map<String, Object> inputs = Map.of("lastFollowUp", lastFollowUp.toString(), "lastOrder", lastOrder.toString(),
                "noFollowUpDays", rules.noFollowUpDays(), "noOrderDays", rules.noOrderDays(), "returnAt", returnAt.toString());
        if (!now.isBefore(returnAt)) {
            return Decision.of(Outcome.RETURN, settingsVersion, new RuleHit("CUS-9",
                    "超过 N 天未跟进且超过 M 天未下单，退回公海", "No follow-up for N days and no order for M days: back to the pool", inputs));
        }
        if (!now.isBefore(returnAt.minus(Duration.ofDays(rules.warningDays())))) {
            return Decision.of(Outcome.WARN, settingsVersion, new RuleHit("CUS-9",
                    "即将退回公海，提前 K 天提醒业务员", "Returns to the pool soon: the owner is warned K days ahead", inputs));
        }
        return Decision.of(Outcome.KEEP, settingsVersion, new RuleHit("CUS-9", "仍在跟进期内", "Still within the follow-up period", inputs));
    }
}
