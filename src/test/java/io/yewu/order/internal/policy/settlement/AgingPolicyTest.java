package io.yewu.order.internal.policy.settlement;

import io.yewu.order.internal.policy.OrderRules;
import io.yewu.order.internal.policy.settlement.AgingPolicy.Bucket;
import io.yewu.order.internal.policy.settlement.AgingPolicy.Receivable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgingPolicyTest {

    private static final LocalDate DUE = LocalDate.parse("2026-09-01");
    private final AgingPolicy policy = new AgingPolicy();

    @ParameterizedTest(name = "RCV-3: {0} days after the due date -> {1}, remind {2}")
    @CsvSource({"-3, NOT_DUE, false", "0, NOT_DUE, true", "1, DAYS_1_30, false", "7, DAYS_1_30, true", "30, DAYS_1_30, false",
            "31, DAYS_31_60, false", "35, DAYS_31_60, true", "60, DAYS_31_60, false", "61, DAYS_61_90, false",
            "90, DAYS_61_90, false", "91, OVER_90, true", "400, OVER_90, false"})
    void RCV3_agingBucketsAndWeeklyReminders(long days, Bucket bucket, boolean remind) {
        LocalDate today = DUE.plusDays(days);
        assertThat(policy.bucket(DUE, today)).isEqualTo(bucket);
        var d = policy.remindToday(DUE, today, OrderRules.defaults());
        assertThat(d.outcome()).isEqualTo(remind);
        assertThat(d.ruleIds()).containsExactly("RCV-3");
    }

    @Test
    void RCV3_agingTotalsPerBucket() {
        LocalDate today = LocalDate.parse("2026-11-30");
        var d = policy.age(List.of(new Receivable(today, new BigDecimal("100.00")), new Receivable(today.minusDays(10), new BigDecimal("50.00")),
                new Receivable(today.minusDays(20), new BigDecimal("25.50")), new Receivable(today.minusDays(100), new BigDecimal("7.00"))),
                today, OrderRules.defaults());
        assertThat(d.outcome().get(Bucket.NOT_DUE)).isEqualByComparingTo("100.00");
        assertThat(d.outcome().get(Bucket.DAYS_1_30)).isEqualByComparingTo("75.50");
        assertThat(d.outcome().get(Bucket.DAYS_31_60)).isEqualByComparingTo("0");
        assertThat(d.outcome().get(Bucket.OVER_90)).isEqualByComparingTo("7.00");
    }
}
