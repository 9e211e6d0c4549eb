package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.platform.security.RoleCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionStatementPolicyTest {

    private final CommissionStatementPolicy policy = new CommissionStatementPolicy();

    @ParameterizedTest(name = "COM-2: accrual on {0}, locked [{1}] -> statement {2}")
    @CsvSource({"2026-10-15, '', 2026-10", "2026-10-31, 2026-09, 2026-10", "2026-10-15, 2026-10, 2026-11",
            "2026-10-15, 2026-10 2026-11, 2026-12"})
    void COM2_anApprovedMonthIsLocked(LocalDate date, String locked, YearMonth expected) {
        Set<YearMonth> months = locked.isBlank() ? Set.of() : Arrays.stream(locked.split(" ")).map(YearMonth::parse).collect(Collectors.toSet());
        var d = policy.statementMonth(date, months, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(expected);
        assertThat(d.ruleIds()).containsExactly("COM-2");
    }

    @ParameterizedTest(name = "COM-2: {0} approves, already approved {1} -> {2}")
    @CsvSource({"MARKETING_DIRECTOR, false, true", "MARKETING_DIRECTOR, true, false", "GENERAL_MANAGER, false, false",
            "BUSINESS_MANAGER, false, false", "SALESPERSON, false, false"})
    void COM2_theMarketingDirectorApprovesOnce(RoleCode approver, boolean approved, boolean ok) {
        assertThat(policy.mayApprove(approver, approved, OrderRules.defaults()).outcome()).isEqualTo(ok);
    }

    @ParameterizedTest(name = "COM-2: viewer {0} with roles [{1}] looks at salesperson 5 -> {2}")
    @CsvSource({"5, SALESPERSON, true", "6, SALESPERSON, false", "9, MARKETING_DIRECTOR, true", "9, SALESPERSON BUSINESS_MANAGER, true",
            "6, '', false"})
    void COM2_aSalespersonSeesOnlyItsOwn(long viewer, String roles, boolean ok) {
        Set<RoleCode> r = roles.isBlank() ? Set.of() : Arrays.stream(roles.split(" ")).map(RoleCode::valueOf).collect(Collectors.toSet());
        assertThat(policy.mayView(viewer, r, 5, OrderRules.defaults()).outcome()).isEqualTo(ok);
    }
}
