package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.SalesCreditPolicy.Ownership;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SalesCreditPolicyTest {

    /** Salesperson 7 owned the customer until a transfer on 2026-06-01 to salesperson 8 (CUS-7, CUS-8). */
    private static final List<Ownership> LEDGER = List.of(
            new Ownership(7, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-01")),
            new Ownership(8, LocalDate.parse("2026-06-01"), null));

    @ParameterizedTest(name = "RCV-2: receipt on {0}, order annotated {1} -> credited to {2}")
    @CsvSource({"2026-05-31, '', 7", "2026-06-01, '', 8", "2027-01-01, '', 8", "2026-03-01, 9, 7"})
    void RCV2_theOwnerOnTheReceiptDate(LocalDate date, String annotated, long expected) {
        var d = new SalesCreditPolicy().creditedTo(date, LEDGER, annotated.isEmpty() ? null : Long.valueOf(annotated), OrderRules.defaults());
        assertThat(d.outcome()).contains(expected);
        assertThat(d.ruleIds()).containsExactly("RCV-2");
    }

    @ParameterizedTest(name = "COM-3: no owner on {0}, order annotated {1} -> credited to {2}")
    @CsvSource({"2025-12-31, 9, 9", "2025-12-31, '', ''"})
    void COM3_annotationCountsOnlyWithoutAnOwner(LocalDate date, String annotated, String expected) {
        var d = new SalesCreditPolicy().creditedTo(date, LEDGER, annotated.isEmpty() ? null : Long.valueOf(annotated), OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(expected.isEmpty() ? Optional.empty() : Optional.of(Long.valueOf(expected)));
        assertThat(d.ruleIds()).containsExactly("COM-3");
    }
}
