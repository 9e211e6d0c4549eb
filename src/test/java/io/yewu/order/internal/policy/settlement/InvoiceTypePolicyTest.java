package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.InvoiceTypePolicy.Type;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceTypePolicyTest {

    @ParameterizedTest(name = "INV-1: amount {0}, wants VAT {1}, accumulated {2}, no-VAT price {3} -> {4} over {5} by {6}")
    @CsvSource({
            "5000.00, true,  0,       false, VAT_SPECIAL, 5000.00, INV-1",
            "4999.99, true,  0,       false, ACCUMULATE,  4999.99, INV-1",
            "3000.00, true,  2000.00, false, VAT_SPECIAL, 5000.00, INV-1",
            "2999.99, true,  2000.00, false, ACCUMULATE,  4999.99, INV-1",
            "4999.99, false, 0,       false, ORDINARY,    4999.99, INV-1",
            "80000.00, false, 0,      false, ORDINARY,    80000.00, INV-1",
            "80000.00, true, 0,       true,  ORDINARY,    80000.00, PRC-5"})
    void INV1_vatInvoicesFromTheMinimumSmallAmountsAccumulate(BigDecimal amount, boolean wantsVat, BigDecimal accumulated,
                                                             boolean noVatPrice, Type type, BigDecimal covered, String rule) {
        var d = new InvoiceTypePolicy().plan(amount, wantsVat, accumulated, noVatPrice, OrderRules.defaults());
        assertThat(d.outcome().type()).isEqualTo(type);
        assertThat(d.outcome().amount()).isEqualByComparingTo(covered);
        assertThat(d.ruleIds()).containsExactly(rule);
        assertThat(d.hits().getFirst().inputs()).containsKey("amount");
    }
}
