package io.yewu.platform.decision;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.PlatformFixtures.TestSubject;
import io.yewu.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionRecordsIT extends PlatformIntegrationTest {

    enum Mode { PAY_ON_DELIVERY }

    @Autowired DecisionRecords decisions;
    @Autowired TestSubject subject;

    @Test
    void PLT1_storedDecisionReadsBackWithRulesInputsAndSettingsVersion_forAdministratorsOnly() {
        CompanyContext.runAs(subject.companyId(), () -> decisions.record("order", "A-1", "payment-mode",
                Decision.of(Mode.PAY_ON_DELIVERY, 42, new RuleHit("ORD-3a", "老客户货到付款", "Existing customer pays on delivery",
                        Map.of("total", new BigDecimal("1500.00"), "city", "广州")))));

        JsonNode list = login("admin").get("/api/decisions?subjectType=order&subjectId=A-1").json();
        JsonNode d = list.get(0);
        assertThat(d.path("kind").asString()).isEqualTo("payment-mode");
        assertThat(d.path("outcome").asString()).isEqualTo("PAY_ON_DELIVERY");
        assertThat(d.path("settingsVersion").asLong()).isEqualTo(42);
        assertThat(d.path("decidedAt").isNull()).isFalse();
        JsonNode hit = d.path("hits").get(0);
        assertThat(hit.path("ruleId").asString()).isEqualTo("ORD-3a");
        assertThat(hit.path("en").asString()).isEqualTo("Existing customer pays on delivery");
        assertThat(hit.path("inputs").path("city").asString()).isEqualTo("广州");

        assertThat(login("sales1").get("/api/decisions?subjectType=order&subjectId=A-1").status()).isEqualTo(403);
        assertThat(login("admin").get("/api/decisions?subjectType=order").status()).isEqualTo(400);
    }
}
