package io.yewu.platform.decision;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.PlatformFixtures.TestSubject;
import io.yewu.support.PlatformIntegrationTest;
import io.yewu.platform.write.FollowingWrite;
import io.yewu.platform.write.OneStatement;
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

    @Test
    void PLT1_decisionsRecordedInBulkReadBackAsIfRecordedOneByOne() {
        Decision<Mode> one = Decision.of(Mode.PAY_ON_DELIVERY, 7, new RuleHit("ORD-3a", "老客户货到付款",
                "Existing customer pays on delivery", Map.of("total", new BigDecimal("99.50"))));
        Decision<String> other = Decision.of("KEEP", 8, RuleHit.of("CUS-7", "维持原归属", "Owner keeps"));
        CompanyContext.runAs(subject.companyId(), () -> {
            decisions.record("bulk", "single", "payment-mode", one);
            decisions.recordAll("bulk", "payment-mode", new java.util.LinkedHashMap<>(Map.of("B-1", one, "B-2", other)));
        });
        var single = CompanyContext.callAs(subject.companyId(), () -> decisions.forSubject("bulk", "single")).getFirst();
        var first = CompanyContext.callAs(subject.companyId(), () -> decisions.forSubject("bulk", "B-1")).getFirst();
        var second = CompanyContext.callAs(subject.companyId(), () -> decisions.forSubject("bulk", "B-2")).getFirst();
        assertThat(first.kind()).isEqualTo(single.kind());
        assertThat(first.outcome()).isEqualTo(single.outcome()).isEqualTo("PAY_ON_DELIVERY");
        assertThat(first.hits()).isEqualTo(single.hits());
        assertThat(first.settingsVersion()).isEqualTo(7);
        assertThat(second.outcome()).isEqualTo("KEEP");
        assertThat(second.settingsVersion()).isEqualTo(8);
        assertThat(second.hits().getFirst().ruleId()).isEqualTo("CUS-7");
    }

    @Test
    void PLT1_aNewSubjectsFirstDecisionsWrittenWithItAreListedAsTheyReadBack() {
        var made = new java.util.LinkedHashMap<String, Decision<?>>();
        made.put("payment-mode", Decision.of(Mode.PAY_ON_DELIVERY, 7, new RuleHit("ORD-3a", "老客户货到付款",
                "Existing customer pays on delivery", Map.of("total", new BigDecimal("1500.00"), "city", "广州"))));
        made.put("deposit", Decision.of(new BigDecimal("0.00"), 7, RuleHit.of("ORD-4", "无定制产品", "No custom lines")));
        made.put("release", Decision.of(java.util.Set.of(), 7, RuleHit.of("ORD-6", "可放行", "Nothing unmet")));
        long id = System.nanoTime();
        // written as a part of one statement about a subject row (decision 0049), listed without reading them back
        var listed = CompanyContext.callAs(subject.companyId(), () -> {
            OneStatement write = new OneStatement();
            write.then("d", decisions.followingEach("first", made), FollowingWrite.Subject.known(id, write));
            var at = jdbc.sql(write.sql("SELECT now()")).params(write.params()).query(java.time.OffsetDateTime.class).single();
            return decisions.asFirst(made, at);
        });
        var read = CompanyContext.callAs(subject.companyId(), () -> decisions.forSubject("first", String.valueOf(id)));
        assertThat(listed).hasSize(3).isEqualTo(read);
        assertThat(listed.getFirst().kind()).as("newest first, as the reads list them").isEqualTo("release");
        assertThat(listed.getLast().hits().getFirst().inputs().get("city")).isEqualTo("广州");
    }
}
