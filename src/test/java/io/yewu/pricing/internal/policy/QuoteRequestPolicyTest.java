package io.yewu.pricing.internal.policy;

import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.pricing.internal.policy.QuoteRequestPolicy.State;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteRequestPolicyTest {

    private static final Instant REQUESTED = Instant.parse("2026-11-23T02:00:00Z");

    @ParameterizedTest(name = "PRC-3: answered after {0} h (empty: open), now +{1} h -> {2}, escalate {3}")
    @CsvSource({"'', 23, OPEN, false", "'', 24, OPEN, false", "'', 25, OVERDUE, true",
            "23, 30, ANSWERED_ON_TIME, false", "24, 30, ANSWERED_ON_TIME, false", "25, 30, ANSWERED_LATE, false"})
    void PRC3_answerWithin24Hours(String answeredAfter, long nowAfter, State state, boolean escalate) {
        Instant answered = answeredAfter.isEmpty() ? null : REQUESTED.plus(Duration.ofHours(Long.parseLong(answeredAfter)));
        var d = new QuoteRequestPolicy().status(REQUESTED, answered, REQUESTED.plus(Duration.ofHours(nowAfter)), PricingRules.defaults());
        assertThat(d.outcome().state()).isEqualTo(state);
        assertThat(d.outcome().escalate()).isEqualTo(escalate);
        assertThat(d.outcome().dueAt()).isEqualTo(REQUESTED.plus(Duration.ofHours(24)));
        assertThat(d.ruleIds()).containsExactly("PRC-3");
    }

    @ParameterizedTest(name = "PRC-3: answer time set to {0} h, open at +{1} h -> {2}")
    @CsvSource({"8, 9, OVERDUE", "48, 30, OPEN"})
    void PRC3_answerTimeIsASetting(long hours, long nowAfter, State state) {
        var rules = PricingRules.from(SettingsSnapshot.defaults().with(PricingSettings.QUOTE_REQUEST_ANSWER, Duration.ofHours(hours)));
        var d = new QuoteRequestPolicy().status(REQUESTED, null, REQUESTED.plus(Duration.ofHours(nowAfter)), rules);
        assertThat(d.outcome().state()).isEqualTo(state);
    }
}
