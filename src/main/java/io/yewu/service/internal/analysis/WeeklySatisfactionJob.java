package io.yewu.service.internal.analysis;

import io.yewu.platform.scheduling.CompanyJob;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** SVC-9: every Monday at 17:00 (done by 18:00), per company, the previous week's satisfaction analysis. */
@Component
class WeeklySatisfactionJob implements CompanyJob {

    private final ServiceAnalysis analysis;

    WeeklySatisfactionJob(ServiceAnalysis analysis) {
        this.analysis = analysis;
    }

    @Override
    public String name() {
        return "service.weekly-satisfaction";
    }

    @Override
    public String cron() {
        return "0 0 17 * * MON";
    }

    @Override
    public void run(long companyId, Instant occurrence) {
        analysis.produceWeekly(companyId, occurrence);
    }
}
