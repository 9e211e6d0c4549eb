package io.yewu.order.internal.policy;

import io.yewu.order.internal.policy.CustomerFacts.CreditTerms;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.settings.SettingsSnapshot;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CreditApprovalPolicyTest {

    private static final CreditTerms TERMS = new CreditTerms(30, new BigDecimal("1000000.00"));
    private final CreditApprovalPolicy policy = new CreditApprovalPolicy();

    private static List<RoleCode> steps(String s) {
        return s.isBlank() ? List.of() : Arrays.stream(s.split(" ")).map(RoleCode::valueOf).toList();
    }

    @ParameterizedTest(name = "ORD-5a: existing credit customer, total {0}, both in turn {1} -> [{2}]")
    @CsvSource({
            "20000.00, false, ''", "20000.01, false, BUSINESS_MANAGER", "50000.00, false, BUSINESS_MANAGER",
            "50000.01, false, GENERAL_MANAGER", "900000.00, false, GENERAL_MANAGER", "100.00, false, ''",
            "20000.01, true, BUSINESS_MANAGER", "50000.01, true, BUSINESS_MANAGER GENERAL_MANAGER"})
    void ORD5a_existingCreditCustomerLadder(BigDecimal total, boolean both, String expected) {
        var rules = OrderRules.from(SettingsSnapshot.defaults().with(OrderSettings.CREDIT_LADDER_BOTH, both));
        var d = policy.steps(total, new CustomerFacts(false, "佛山", TERMS), rules);
        assertThat(d.outcome()).isEqualTo(steps(expected));
        assertThat(d.ruleIds()).containsExactly("ORD-5a");
        assertThat(d.hits().getFirst().inputs()).containsEntry("total", total);
    }

    @ParameterizedTest(name = "ORD-5b: new customer on credit, total {0} -> [{1}]")
    @CsvSource({"19999.99, ''", "20000.00, BUSINESS_MANAGER GENERAL_MANAGER", "20000.01, BUSINESS_MANAGER GENERAL_MANAGER",
            "50000.01, BUSINESS_MANAGER GENERAL_MANAGER"})
    void ORD5b_newCreditCustomerNeedsBoth(BigDecimal total, String expected) {
        var d = policy.steps(total, new CustomerFacts(true, "广州", TERMS), OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(steps(expected));
        assertThat(d.ruleIds()).containsExactly("ORD-5b");
    }

    @ParameterizedTest(name = "ORD-5a: cash order of a {0} customer, total {1} -> no approval")
    @CsvSource({"new, 900000.00", "existing, 60000.00"})
    void ORD5a_cashOrdersNeedNoCreditApproval(String who, BigDecimal total) {
        var d = policy.steps(total, new CustomerFacts(who.equals("new"), "广州", null), OrderRules.defaults());
        assertThat(d.outcome()).isEmpty();
    }

    @ParameterizedTest(name = "ORD-5d: approved at {0}, total now {1} -> approval holds {2}")
    @CsvSource({"20000.01, 20000.01, true", "20000.01, 19000.00, true", "20000.01, 20000.02, false",
            "18000.00, 19000.00, false"})
    void ORD5d_aRiseVoidsTheApproval(BigDecimal approved, BigDecimal now, boolean holds) {
        var d = policy.approvalHolds(approved, now, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(holds);
        assertThat(d.ruleIds()).containsExactly("ORD-5d");
    }
}
