package io.yewu.order.internal.policy;

import io.yewu.order.internal.policy.CreditHoldPolicy.Exposure;
import io.yewu.order.internal.policy.CustomerFacts.CreditTerms;
import io.yewu.platform.security.RoleCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class CreditHoldPolicyTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private final CreditHoldPolicy policy = new CreditHoldPolicy();

    @ParameterizedTest(name = "ORD-5c: limit 100000, receivables {0} + open orders {1} + order {2}, oldest due {3} days ago -> hold {4}")
    @CsvSource({
            "60000.00, 0,        40000.00, 0,  false",
            "60000.00, 0,        40000.01, 0,  true",
            "30000.00, 30000.00, 40000.01, 0,  true",    // other open credit orders count
            "0,        0,        100.00,   30, false",
            "0,        0,        100.00,   31, true",
            "0,        0,        100.00,   -5, false"})  // not yet due
    void ORD5c_creditLimitAndOverdueReceivables(BigDecimal receivables, BigDecimal open, BigDecimal total, long overdue, boolean held) {
        var d = policy.decide(total, new CustomerFacts(false, "广州", new CreditTerms(30, new BigDecimal("100000.00"))),
                new Exposure(receivables, open, TODAY.minusDays(overdue)), TODAY, OrderRules.defaults());
        assertThat(d.outcome().held()).isEqualTo(held);
        assertThat(d.ruleIds()).allMatch("ORD-5c"::equals);
        assertThat(d.hits()).allSatisfy(h -> assertThat(h.inputs()).isNotEmpty());
    }

    @ParameterizedTest(name = "ORD-5c: cash customer, receivables {0}, overdue {1} days -> no hold")
    @CsvSource({"900000.00, 400"})
    void ORD5c_cashOrdersAreNotHeld(BigDecimal receivables, long overdue) {
        var d = policy.decide(new BigDecimal("10.00"), new CustomerFacts(false, "广州", null),
                new Exposure(receivables, BigDecimal.ZERO, TODAY.minusDays(overdue)), TODAY, OrderRules.defaults());
        assertThat(d.outcome().held()).isFalse();
    }

    @ParameterizedTest(name = "ORD-5c: release by {0} with reason ''{1}'' -> {2}")
    @CsvSource({"GENERAL_MANAGER, 客户已承诺月底付清, true", "GENERAL_MANAGER, '  ', false", "BUSINESS_MANAGER, 理由, false",
            "FINANCE, 理由, false"})
    void ORD5c_onlyTheGeneralManagerReleasesWithAReason(RoleCode role, String reason, boolean ok) {
        var d = policy.mayRelease(role, reason, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(ok);
        assertThat(d.ruleIds()).containsExactly("ORD-5c");
    }
}
