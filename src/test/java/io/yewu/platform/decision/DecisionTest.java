package io.yewu.platform.decision;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionTest {

    @Test
    void PLT1_aDecisionKeepsItsOutcomeRulesInOrderAndSettingsVersion() {
        Decision<String> d = Decision.of("PAY_BEFORE_SHIPMENT", 12,
                new RuleHit("ORD-3a", "新客户首单款到发货", "New customer pays before shipment", Map.of("city", "佛山")),
                RuleHit.of("ORD-3c", "中文", "English"));
        assertThat(d.ruleIds()).containsExactly("ORD-3a", "ORD-3c");
        assertThat(d.settingsVersion()).isEqualTo(12);
        assertThat(d.hits().getFirst().inputs()).containsEntry("city", "佛山");
        assertThat(d.withOutcome(true).hits()).isEqualTo(d.hits());
    }
}
