package io.yewu.customer;

import io.yewu.customer.internal.ChangeRequestPolicy;
import io.yewu.customer.internal.ChangeRequestPolicy.Terms;
import io.yewu.platform.security.RoleCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeRequestPolicyTest {

    private static Terms terms(String days, String limit) {
        return new Terms(days.isEmpty() ? null : Integer.valueOf(days), limit.isEmpty() ? null : new BigDecimal(limit));
    }

    @ParameterizedTest(name = "CUS-15: terms {0}/{1} -> {2}/{3}, changed={4}: finance confirms={5}")
    @CsvSource({
            "'', '', 30, 50000.00, true, true",      // granting terms
            "30, 50000.00, 60, 50000.00, true, true", // more days
            "30, 50000.00, 30, 80000.00, true, true", // higher limit
            "30, 50000.00, 15, 20000.00, true, false", // lowering needs the manager only
            "30, 50000.00, 30, 50000.00, false, false" // name or invoice change only
    })
    void CUS15_grantingOrRaisingCreditTermsNeedsFinanceAndAnInvestigation(String d0, String l0, String d1, String l1,
                                                                         boolean changed, boolean finance) {
        var policy = new ChangeRequestPolicy();
        var decision = policy.steps(terms(d0, l0), terms(d1, l1), changed, true, 4);
        assertThat(decision.outcome()).isEqualTo(finance
                ? List.of(RoleCode.BUSINESS_MANAGER, RoleCode.FINANCE) : List.of(RoleCode.BUSINESS_MANAGER));
        assertThat(policy.needsInvestigation(terms(d0, l0), terms(d1, l1), changed)).isEqualTo(finance);
        assertThat(decision.ruleIds()).allMatch("CUS-15"::equals);
        assertThat(decision.settingsVersion()).isEqualTo(4);
    }
}
