package io.yewu.platform.internal.web;

import io.yewu.platform.scheduling.CompanyJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Idempotency keys protect retries for a day; each company's older answers are dropped hourly, under its wall
 * (idempotency records are company rows).
 */
@Component
class IdempotencyPurge implements CompanyJob {

    private final JdbcClient jdbc;

    IdempotencyPurge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "idempotency-purge";
    }

    @Override
    public String cron() {
        return "0 7 * * * *";
    }

    @Override
    public void run(long companyId, Instant occurrence) {
        jdbc.sql("DELETE FROM idempotency_record WHERE company_id = :c AND created_at < :limit")
                .param("c", companyId).param("limit", occurrence.minus(Duration.ofHours(24)).atOffset(ZoneOffset.UTC)).update();
    }
}
