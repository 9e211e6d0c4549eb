package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.CommissionPolicy.Accrual;
import io.yewu.order.internal.policy.settlement.CommissionPolicy.PaidLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommissionPolicyTest {

    private final CommissionPolicy policy = new CommissionPolicy();
    private final OrderRules rules = OrderRules.defaults();

    private static PaidLine line(long id, String amount, String plan, String reduction) {
        return new PaidLine(id, new BigDecimal(amount), new BigDecimal(plan), new BigDecimal(reduction));
    }

    @ParameterizedTest(name = "COM-1: line {0} at plan rate {1} less reduction {2}, paid {3} -> commission {4}")
    @CsvSource({
            "100.00, 0.03, 0,       100.00, 3.00",   // PRC worked example a
            "95.00,  0.03, 0.005,   95.00,  2.38",   // example c: 2.5 % of 95.00 = 2.375
            "90.00,  0.03, 0.004,   90.00,  2.34",   // example d: 2.6 %
            "1000.00, 0.03, 0.005,  500.00, 12.50",  // half paid
            "1000.00, 0.005, 0.01,  1000.00, 0.00"}) // reduction above the plan rate: never below zero
    void COM1_commissionOnReceiptsAtTheLineRate(String amount, String plan, String reduction, BigDecimal paid, BigDecimal commission) {
        var d = policy.accrue(List.of(line(1, amount, plan, reduction)), BigDecimal.ZERO, paid, rules);
        assertThat(d.outcome()).singleElement().satisfies(a -> assertThat(a.commission()).isEqualByComparingTo(commission));
        assertThat(d.ruleIds()).containsExactly("COM-1");
        assertThat(d.hits().getFirst().inputs()).containsKeys("orderTotal", "paidBefore", "paidNow", "commission");
    }

    @Test
    void COM1_aReceiptIsSpreadOverTheLinesProRata() {
        var lines = List.of(line(1, "60.00", "0.03", "0"), line(2, "40.00", "0.05", "0"));
        List<Accrual> a = policy.accrue(lines, BigDecimal.ZERO, new BigDecimal("50.00"), rules).outcome();
        assertThat(a).extracting(Accrual::share).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("30.00"), new BigDecimal("20.00"));
        assertThat(a).extracting(Accrual::commission).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("0.90"), new BigDecimal("1.00"));
    }

    @Test
    void COM1_partialReceiptsAddUpToEachLineExactly() {
        var lines = List.of(line(1, "33.33", "0.03", "0"), line(2, "33.33", "0.03", "0.0025"), line(3, "33.34", "0.07", "0"));
        BigDecimal paid = BigDecimal.ZERO;
        BigDecimal[] shares = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal[] commission = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (String receipt : List.of("10.00", "0.01", "33.32", "56.67")) {
            List<Accrual> a = policy.accrue(lines, paid, new BigDecimal(receipt), rules).outcome();
            assertThat(a.stream().map(Accrual::share).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(receipt);
            for (int i = 0; i < 3; i++) {
                shares[i] = shares[i].add(a.get(i).share());
                commission[i] = commission[i].add(a.get(i).commission());
            }
            paid = paid.add(new BigDecimal(receipt));
        }
        assertThat(shares).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("33.33"), new BigDecimal("33.33"), new BigDecimal("33.34"));
        assertThat(commission).usingElementComparator(BigDecimal::compareTo)   // 0.9999, 0.9166, 2.3338 rounded once each
                .containsExactly(new BigDecimal("1.00"), new BigDecimal("0.92"), new BigDecimal("2.33"));
    }
}
