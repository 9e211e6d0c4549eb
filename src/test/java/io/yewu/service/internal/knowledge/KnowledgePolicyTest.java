package io.yewu.service.internal.knowledge;

import io.yewu.service.internal.knowledge.KnowledgePolicy.State;
import io.yewu.service.internal.knowledge.KnowledgePolicy.Step;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class KnowledgePolicyTest {

    private final KnowledgePolicy policy = new KnowledgePolicy();

    @ParameterizedTest(name = "KB-2a: {1} from {0} -> {2}")
    @CsvSource({
            "RECEIVED,  READ,     READ",
            "RECEIVED,  DRAFT,    ",
            "RECEIVED,  CONFIRM,  ",
            "READ,      DRAFT,    DRAFTED",
            "READ,      CONFIRM,  ",
            "DRAFTED,   DRAFT,    DRAFTED",
            "DRAFTED,   CONFIRM,  PUBLISHED",
            "DRAFTED,   WITHDRAW, ",
            "PUBLISHED, WITHDRAW, WITHDRAWN",
            "PUBLISHED, CONFIRM,  ",
            "PUBLISHED, READ,     ",
            "WITHDRAWN, DRAFT,    DRAFTED",
            "WITHDRAWN, CONFIRM,  "})
    void KB2a_theWorkflowGoesNoticeReadDraftConfirmPublish(State from, Step step, State to) {
        var d = policy.step(from, step);
        assertThat(d.outcome().orElse(null)).isEqualTo(to);
        assertThat(d.ruleIds()).containsExactly("KB-2a");
    }

    @ParameterizedTest(name = "KB-2b: issuing {0}, user in {1} -> may confirm {2}")
    @CsvSource({
            "/1/5/, /1/5/,    true",
            "/1/5/, /1/5/9/,  true",
            "/1/5/, /1/6/,    false",
            "/1/5/, /1/,      false",
            "/1/5/, /1/55/,   false"})
    void KB2b_onlyTheIssuingDepartmentConfirms(String issuing, String user, boolean may) {
        var d = policy.mayConfirm(issuing, user);
        assertThat(d.outcome()).isEqualTo(may);
        assertThat(d.ruleIds()).containsExactly("KB-2b");
    }

    @ParameterizedTest(name = "KB-2c: {0} from {1} until {2} on {3} -> searchable {4}")
    @CsvSource({
            "PUBLISHED, 2026-11-01, ,           2026-11-29, true",
            "PUBLISHED, 2026-11-01, 2026-11-29, 2026-11-29, true",
            "PUBLISHED, 2026-11-01, 2026-11-28, 2026-11-29, false",
            "PUBLISHED, 2026-11-30, ,           2026-11-29, false",
            "WITHDRAWN, 2026-11-01, ,           2026-11-29, false",
            "DRAFTED,   2026-11-01, ,           2026-11-29, false"})
    void KB2c_expiredArticlesLeaveSearch(State state, LocalDate from, LocalDate until, LocalDate day, boolean searchable) {
        var d = policy.searchable(state, from, until, day);
        assertThat(d.outcome()).isEqualTo(searchable);
        assertThat(d.ruleIds()).containsExactly("KB-2c");
        assertThat(d.hits().getFirst().inputs()).containsKeys("state", "effectiveFrom", "effectiveUntil", "day");
    }
}
