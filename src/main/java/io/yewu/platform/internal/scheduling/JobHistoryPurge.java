package io.yewu.platform.internal.scheduling;

import io.yewu.platform.scheduling.CompanyJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Nightly, per company: successful job runs older than 30 days leave the jobs page; failures stay until retried. */
@Component
class JobHistoryPurge implements CompanyJob {

    static final Duration KEPT = Duration.ofDays(30);

    private final JdbcClient jdbc;

    JobHistoryPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "job-history-purge";
    }

    @Override
    public String cron() {
        return "0 30 3 * * *";
    }

    @Override
    public void run(long companyId, Instant occurrence) {
        jdbc.sql("DELETE FROM job_run WHERE company_id = :c AND status = 'DONE' AND occurrence < :limit")
                .param("c", companyId).param("limit", occurrence.minus(KEPT).atOffset(ZoneOffset.UTC)).update();
    }
}
