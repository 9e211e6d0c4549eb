package io.yewu.platform.internal.web;

import io.yewu.platform.scheduling.RecurringJob;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Idempotency keys protect retries for a day; older answers are dropped hourly (runs across companies). */
@Component
class IdempotencyPurge implements RecurringJob {

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
    public void run() {
        jdbc.sql("DELETE FROM idempotency_record WHERE created_at < now() - interval '24 hours'").update();
    }
}
