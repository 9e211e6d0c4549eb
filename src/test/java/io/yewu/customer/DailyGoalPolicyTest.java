package io.yewu.customer;

import io.yewu.customer.internal.DailyGoalPolicy;
import io.yewu.customer.internal.DailyGoalPolicy.Goal;
import io.yewu.customer.internal.DailyGoalPolicy.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DailyGoalPolicyTest {

    @ParameterizedTest(name = "TEAM-2: {0} intentions of {2}, {1} meetings of {3}, working day {4} -> met {5}/{6}")
    @CsvSource({
            "0, 0, 3, 1, true, false, false",   // nothing recorded yet
            "2, 1, 3, 1, true, false, true",    // one intention short, the meeting held
            "3, 0, 3, 1, true, true, false",    // exactly the goal of intentions
            "5, 2, 3, 1, true, true, true",     // beyond both
            "0, 0, 0, 0, true, true, true",     // goals set to zero by the administrator
            "0, 0, 3, 1, false, true, true"})   // a holiday asks for nothing
    void TEAM2_progressComesFromTheRecordsAgainstTheSettings(long intentions, long meetings, long intentionTarget,
                                                             long meetingTarget, boolean workingDay, boolean intentionsMet,
                                                             boolean meetingsMet) {
        var decision = new DailyGoalPolicy().progress(intentions, meetings, intentionTarget, meetingTarget, workingDay, 7);
        Goal first = decision.outcome().get(0);
        Goal second = decision.outcome().get(1);
        assertThat(first.kind()).isEqualTo(Kind.NEW_INTENTIONS);
        assertThat(first.done()).isEqualTo(intentions);
        assertThat(first.target()).isEqualTo(workingDay ? intentionTarget : 0);
        assertThat(first.met()).isEqualTo(intentionsMet);
        assertThat(second.kind()).isEqualTo(Kind.MEETINGS);
        assertThat(second.done()).isEqualTo(meetings);
        assertThat(second.met()).isEqualTo(meetingsMet);
        assertThat(decision.ruleIds()).isNotEmpty().containsOnly("TEAM-2");
        assertThat(decision.settingsVersion()).isEqualTo(7);
    }

    @ParameterizedTest(name = "TEAM-2 explains: {0} of {1} -> {2}")
    @CsvSource({
            "1, 3, '今日新增意向客户目标 3，已完成 1，还差 2'",
            "3, 3, '今日新增意向客户目标 3，已完成 3，已达成'"})
    void TEAM2_eachGoalIsExplainedInWords(long done, long target, String zh) {
        var decision = new DailyGoalPolicy().progress(done, 0, target, 1, true, 0);
        assertThat(decision.hits().get(0).zh()).isEqualTo(zh);
        assertThat(decision.hits().get(0).en()).contains("new intention customers");
        assertThat(decision.hits().get(0).inputs()).containsEntry("target", target).containsEntry("done", done);
    }
}
