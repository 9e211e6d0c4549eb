package io.yewu.customer;

import io.yewu.customer.internal.PoolReturnPolicy;
import io.yewu.customer.internal.PoolReturnPolicy.Outcome;
import io.yewu.customer.internal.PoolReturnPolicy.Rules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PoolReturnPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @ParameterizedTest(name = "CUS-9: enabled={0}, follow-up {1} days ago, order {2} days ago -> {3}")
    @CsvSource({
            "false, 400, 400, KEEP",
            "true, 31, 91, RETURN",   // N=30, M=90: both exceeded
            "true, 31, 10, KEEP",     // ordered recently
            "true, 5, 200, KEEP",     // followed up recently
            "true, 28, 100, WARN",    // returns in 2 days, K=3
            "true, 27, 100, WARN",    // returns in 3 days
            "true, 26, 100, KEEP",    // 4 days to go
            "true, 30, 90, RETURN"})  // exactly at the limit
    void CUS9_neglectedCustomersReturnToThePoolAfterAWarning(boolean enabled, int followUpDaysAgo, int orderDaysAgo, Outcome expected) {
        var decision = new PoolReturnPolicy().decide(new Rules(enabled, 30, 90, 3),
                NOW.minus(Duration.ofDays(followUpDaysAgo)), NOW.minus(Duration.ofDays(orderDaysAgo)), NOW, 9);
        assertThat(decision.outcome()).isEqualTo(expected);
        assertThat(decision.ruleIds()).containsExactly("CUS-9");
    }
}
