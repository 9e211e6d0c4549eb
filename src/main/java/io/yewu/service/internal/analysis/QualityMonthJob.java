package io.yewu.service.internal.analysis;

import io.yewu.platform.scheduling.CompanyJob;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * SVC-10: every morning at 07:00, per company, last month's service-quality analysis once the due day in force has
 * come (default the 21st) and none is stored yet ({@link QualityMonthPolicy#due}); a missed morning fires at start.
 */
@Component
class QualityMonthJob implements CompanyJob {

    private final QualityMonths months;

    QualityMonthJob(QualityMonths months) {
        this.months = months;
    }

    @Override
    public String name() {
        return "service.quality-month";
    }

    @Override
    public String cron() {
        return "0 0 7 * * *";
    }

    @Override
    public void run(long companyId, Instant occurrence) {
        months.produceIfDue(companyId, occurrence);
    }
}
