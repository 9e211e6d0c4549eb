package io.yewu.customer;

import io.yewu.customer.internal.DormancyPolicy;
import io.yewu.customer.internal.FirstContactPolicy;
import io.yewu.platform.decision.Decision;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** CUS-3 dormancy and the CUS-12 first-contact flag decide from their inputs and keep them with the decision. */
class AutomatedPoliciesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @ParameterizedTest(name = "CUS-3: stage {0}, last order {1} days ago, dormant after {2} days -> {3}")
    @CsvSource({
            "ACTIVE, 181, 180, DORMANT",
            "FIRST_ORDER, 200, 180, DORMANT",
            "ACTIVE, 180, 180, ACTIVE",      // exactly at the limit: not yet
            "ACTIVE, 10, 180, ACTIVE",
            "INTENTION, 400, 180, INTENTION", // never ordered stages are not dormant
            "DORMANT, 400, 180, DORMANT",
            "CLOSED, 400, 180, CLOSED",
            "ACTIVE, 31, 30, DORMANT"})
    void CUS3_customersWithoutOrdersForTheDormantPeriodBecomeDormant(String stage, int orderDaysAgo, long dormantDays, String expected) {
        Decision<String> d = new DormancyPolicy().decide(stage, NOW.minus(Duration.ofDays(orderDaysAgo)), NOW, dormantDays, 4);
        assertThat(d.outcome()).isEqualTo(expected);
        assertThat(d.ruleIds()).containsExactly("CUS-3");
        assertThat(d.hits().getFirst().inputs()).containsEntry("dormantDays", dormantDays).containsEntry("stage", stage)
                .containsKey("lastOrderAt");
        assertThat(d.settingsVersion()).isEqualTo(4);
    }

    @ParameterizedTest(name = "CUS-12: due in {0} h, contacted {1} h from now -> overdue {2}")
    @CsvSource({
            "-1, , true",       // past the deadline, never contacted
            "5, , false",       // still within the deadline
            "-5, -6, false",    // contacted before the deadline
            "-5, -2, true",     // contacted, but after the deadline
            "0, , false"})      // at the deadline exactly: not yet late
    void CUS12_aLeadNotContactedByItsDeadlineIsOverdue(int dueInHours, Integer contactedInHours, boolean overdue) {
        Instant due = NOW.plus(Duration.ofHours(dueInHours));
        Instant contacted = contactedInHours == null ? null : NOW.plus(Duration.ofHours(contactedInHours));
        Decision<Boolean> d = new FirstContactPolicy().overdue(NOW.minus(Duration.ofDays(7)), due, contacted, NOW, 2);
        assertThat(d.outcome()).isEqualTo(overdue);
        assertThat(d.ruleIds()).containsExactly("CUS-12");
        assertThat(d.hits().getFirst().inputs()).containsEntry("firstContactDue", due.toString()).containsKey("assignedAt");
    }
}
