package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.MorningReceiptsPolicy.CreditedReceipt;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MorningReceiptsPolicyTest {

    @Test
    void RCV4_yesterdaysReceiptsPerSalespersonLargestFirst() {
        LocalDate today = LocalDate.parse("2026-11-24");
        LocalDate yesterday = today.minusDays(1);
        var d = new MorningReceiptsPolicy().yesterday(List.of(
                new CreditedReceipt(1L, "张三", yesterday, new BigDecimal("1000.00")),
                new CreditedReceipt(1L, "张三", yesterday, new BigDecimal("2000.00")),
                new CreditedReceipt(2L, "李四", yesterday, new BigDecimal("500.50")),
                new CreditedReceipt(2L, "李四", today, new BigDecimal("9000.00")),           // today: tomorrow's board
                new CreditedReceipt(3L, "王五", yesterday.minusDays(1), new BigDecimal("800.00")),
                new CreditedReceipt(null, null, yesterday, new BigDecimal("700.00"))),     // credited to no one (COM-3)
                today, OrderRules.defaults());
        assertThat(d.outcome()).extracting(MorningReceiptsPolicy.BoardLine::zh).containsExactly("张三到帐3000", "李四到帐500.50");
        assertThat(d.outcome()).extracting(MorningReceiptsPolicy.BoardLine::en).containsExactly("张三 received 3000", "李四 received 500.50");
        assertThat(d.ruleIds()).containsExactly("RCV-4");
    }
}
