package io.yewu.service.internal.quality;

import io.yewu.platform.scheduling.CompanyJob;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.YearMonth;

/** QC-1: at the start of each month, per company, the sample of the month just ended is proposed for every agent. */
@Component
class QcSampleJob implements CompanyJob {

    private final QualityInspection qc;

    QcSampleJob(QualityInspection qc) {
        this.qc = qc;
    }

    @Override
    public String name() {
        return "service.qc-sample";
    }

    @Override
    public String cron() {
        return "0 30 0 1 * *";
    }

    @Override
    public void run(long companyId, Instant occurrence) {
        qc.propose(companyId, YearMonth.from(occurrence.atZone(QualityInspection.SHANGHAI)).minusMonths(1));
    }
}
