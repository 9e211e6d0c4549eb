package io.yewu.platform.scheduling;

import java.time.Instant;

/**
 * A job on a timetable that runs once per company for each occurrence: every company's run happens in its own
 * transaction, under that company's wall ({@code CompanyContext}), so one company's failure is retried alone (with
 * backoff, shown to the administrator) and never rolls back another company's work. A missed occurrence fires when
 * the application starts; two nodes never run the same company's occurrence twice.
 *
 * <p>To declare one: a Spring bean implementing this interface, and its Chinese and English names as
 * {@code job.<name>} in {@code i18n/messages.properties} and {@code messages_en.properties} (the jobs page shows
 * them). It runs on db-scheduler ({@code docs/decisions/0005-scheduler.md}).
 */
public interface CompanyJob {

    /** Unique and stable: it keys the job's executions. */
    String name();

    /** Spring cron expression (six fields, seconds first) in Asia/Shanghai time, e.g. {@code "0 0 9 * * MON-FRI"}. */
    String cron();

    /**
     * Does the job's work for one company; called in that company's context and transaction. {@code occurrence} is
     * the scheduled time of this run (not the clock), so a late or retried run decides as the occurrence would have.
     */
    void run(long companyId, Instant occurrence);
}
