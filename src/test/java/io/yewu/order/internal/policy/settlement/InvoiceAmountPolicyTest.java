package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.InvoiceAmountPolicy.Share;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceAmountPolicyTest {

    private final InvoiceAmountPolicy policy = new InvoiceAmountPolicy();

    @ParameterizedTest(name = "INV-2: order total {0}, already invoiced {1}, invoice {2} -> allowed {3}, tax {4}")
    @CsvSource({"11300.00, 0, 11300.00, true, 1300.00", "11300.00, 5000.00, 6300.00, true, 724.78",
            "11300.00, 5000.00, 6300.01, false, ''", "11300.00, 11300.00, 0.01, false, ''", "11300.00, 0, 0, false, ''",
            "11300.00, 0, -1.00, false, ''", "100.00, 0, 100.00, true, 11.50"})
    void INV2_anOrderIsInvoicedAtMostItsTotal(BigDecimal total, BigDecimal already, BigDecimal amount, boolean ok, String tax) {
        var d = policy.amounts(List.of(new Share(1, total, already, amount)), OrderRules.defaults());
        assertThat(d.outcome().isPresent()).isEqualTo(ok);
        d.outcome().ifPresent(a -> {
            assertThat(a.tax()).isEqualByComparingTo(tax);
            assertThat(a.net().add(a.tax())).isEqualByComparingTo(a.amount());
        });
        assertThat(d.ruleIds()).allMatch("INV-2"::equals);
    }

    @Test
    void INV2_taxIsRoundedPerOrderLine() {
        var d = policy.amounts(List.of(new Share(1, new BigDecimal("100.00"), BigDecimal.ZERO, new BigDecimal("100.00")),
                new Share(2, new BigDecimal("100.00"), BigDecimal.ZERO, new BigDecimal("100.00"))), OrderRules.defaults());
        assertThat(d.outcome()).hasValueSatisfying(a -> {
            assertThat(a.amount()).isEqualByComparingTo("200.00");
            assertThat(a.tax()).isEqualByComparingTo("23.00");  // 11.50 + 11.50, not 23.01 on the sum
            assertThat(a.net()).isEqualByComparingTo("177.00");
        });
    }
}
