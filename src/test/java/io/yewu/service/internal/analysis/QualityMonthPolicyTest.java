package io.yewu.service.internal.analysis;

import io.yewu.platform.decision.Decision;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-10: when the monthly service-quality analysis is due and what it points out. */
class QualityMonthPolicyTest {

    private final QualityMonthPolicy policy = new QualityMonthPolicy();

    @ParameterizedTest(name = "SVC-10 due: on {0}, due day {1}, stored {2} → {3} for {4} (due {5})")
    @DisplayName("SVC-10: last month's analysis is produced on the due day of the month (or the first run after), once")
    @CsvSource({
            "2026-11-20, 21, false, false, 2026-10, 2026-11-21",
            "2026-11-21, 21, false, true,  2026-10, 2026-11-21",
            "2026-11-25, 21, false, true,  2026-10, 2026-11-21",
            "2026-11-25, 21, true,  false, 2026-10, 2026-11-21",
            "2026-01-01, 1,  false, true,  2025-12, 2026-01-01",
            "2026-03-10, 15, false, false, 2026-02, 2026-03-15",
            "2026-03-10, 40, false, false, 2026-02, 2026-03-28",
    })
    void due(LocalDate today, long dueDay, boolean stored, boolean produce, String month, LocalDate dueDate) {
        Decision<QualityMonthPolicy.Due> d = policy.due(today, dueDay, stored, 7);
        assertThat(d.outcome().produce()).isEqualTo(produce);
        assertThat(d.outcome().month()).isEqualTo(YearMonth.parse(month));
        assertThat(d.outcome().dueDate()).isEqualTo(dueDate);
        assertThat(d.ruleIds()).containsExactly("SVC-10");
        assertThat(d.settingsVersion()).isEqualTo(7);
        assertThat(d.hits().getFirst().zh()).contains(dueDate.toString());
    }

    @ParameterizedTest(name = "SVC-10 findings: received {0}, overdue {2}, escalated {3}, shifts {4}/{5}, QC {7} → {8}")
    @DisplayName("SVC-10: the month's findings — shifts without a log, overdue share, escalations, QC average and common findings")
    @CsvSource(delimiter = '|', value = {
            "100 | 95 | 5  | 0 | 60 | 60 | 10 | 0.90 | ''",
            "100 | 95 | 6  | 0 | 60 | 60 | 10 | 0.90 | overdue",
            "100 | 95 | 0  | 2 | 60 | 58 | 10 | 0.90 | shift-log escalated",
            "100 | 95 | 0  | 0 | 60 | 60 | 10 | 0.84 | qc-average",
            "100 | 95 | 0  | 0 | 60 | 60 | 0  |      | ''",
            "0   | 0  | 0  | 0 | 0  | 0  | 0  |      | empty",
            "40  | 30 | 10 | 1 | 56 | 50 | 8  | 0.70 | shift-log overdue escalated qc-average",
    })
    void findings(long received, long closed, long overdue, long escalated, int rostered, int logged, int inspections,
                  BigDecimal qcRate, String expected) {
        var facts = new QualityMonthPolicy.Facts(YearMonth.of(2026, 10), received, closed, overdue, escalated, rostered, logged,
                inspections, qcRate, List.of(), List.of(new QualityMonthPolicy.AgentOverdue("客服一", overdue)));
        Decision<List<QualityMonthPolicy.Finding>> d = policy.findings(facts, 3);
        List<String> codes = expected.isBlank() ? List.of() : Arrays.asList(expected.split(" "));
        assertThat(d.outcome()).extracting(QualityMonthPolicy.Finding::code).containsExactlyElementsOf(codes);
        assertThat(d.ruleIds()).containsExactly("SVC-10");
        assertThat(d.hits().getFirst().inputs()).containsEntry("received", received).containsEntry("overdue", overdue);
        d.outcome().forEach(f -> assertThat(f.zh()).isNotBlank().doesNotContain(f.code()));
        if (codes.contains("overdue")) assertThat(d.outcome().get(codes.indexOf("overdue")).zh()).contains("客服一");
    }

    @ParameterizedTest(name = "SVC-10 common QC findings: {0}")
    @DisplayName("SVC-10: the month's common QC findings are listed, lowest first, for the roll calls (QC-3)")
    @CsvSource({"语音语调, Tone, 0.50", "服务用语, Service language, 0.79"})
    void commonFindings(String zh, String en, BigDecimal rate) {
        var facts = new QualityMonthPolicy.Facts(YearMonth.of(2026, 10), 10, 10, 0, 0, 4, 4, 3, new BigDecimal("0.90"),
                List.of(new QualityMonthPolicy.WeakItem(zh, en, rate), new QualityMonthPolicy.WeakItem("服务态度", "Attitude", new BigDecimal("0.80"))),
                List.of());
        var d = policy.findings(facts, 1);
        assertThat(d.outcome()).extracting(QualityMonthPolicy.Finding::code).containsExactly("qc-common");
        assertThat(d.outcome().getFirst().zh()).contains(zh).contains("服务态度");
        assertThat(d.outcome().getFirst().en()).contains(en);
        assertThat(d.ruleIds()).containsExactly("SVC-10", "QC-3");
    }
}
