package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.ReceiptMatchingPolicy.Allocation;
import io.yewu.order.internal.policy.settlement.ReceiptMatchingPolicy.OpenOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReceiptMatchingPolicyTest {

    /** Order 1 due last, order 2 due first, order 3 not yet due (pay on delivery), order 4 due with 2 but newer. */
    private static final List<OpenOrder> OPEN = List.of(
            new OpenOrder(1, LocalDate.parse("2026-10-01"), LocalDate.parse("2026-11-30"), new BigDecimal("1000.00")),
            new OpenOrder(2, LocalDate.parse("2026-09-01"), LocalDate.parse("2026-10-31"), new BigDecimal("500.00")),
            new OpenOrder(3, LocalDate.parse("2026-08-01"), null, new BigDecimal("300.00")),
            new OpenOrder(4, LocalDate.parse("2026-09-15"), LocalDate.parse("2026-10-31"), new BigDecimal("200.00")));

    @ParameterizedTest(name = "RCV-1: receipt {0}, chosen [{1}] -> allocations [{2}], on account {3}")
    @CsvSource({
            "400.00,  '',  2:400.00, 0.00",
            "650.00,  '',  2:500.00 4:150.00, 0.00",
            "2500.00, '',  2:500.00 4:200.00 1:1000.00 3:300.00, 500.00",
            "1200.00, 3 1, 3:300.00 1:900.00, 0.00",
            "100.00,  9,   '', 100.00",
            "0.00,    '',  '', 0.00"})
    void RCV1_oldestFirstOrChosenRestOnAccount(BigDecimal receipt, String chosen, String expected, BigDecimal onAccount) {
        List<Long> ids = chosen.isBlank() ? List.of() : Arrays.stream(chosen.split(" ")).map(Long::valueOf).toList();
        var d = new ReceiptMatchingPolicy().match(receipt, OPEN, ids, OrderRules.defaults());
        List<Allocation> want = expected.isBlank() ? List.of() : Arrays.stream(expected.split(" "))
                .map(s -> s.split(":")).map(p -> new Allocation(Long.parseLong(p[0]), new BigDecimal(p[1]))).toList();
        assertThat(d.outcome().allocations()).isEqualTo(want);
        assertThat(d.outcome().onAccount()).isEqualByComparingTo(onAccount);
        assertThat(d.ruleIds()).containsExactly("RCV-1");
    }
}
