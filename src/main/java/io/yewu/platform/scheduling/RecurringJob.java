package io.yewu.platform.scheduling;

/**
 * A job on a timetable, run by one node per occurrence. It runs as system work (across companies): a job that
 * acts per company enters each company's context itself.
 */
public interface RecurringJob {

    /** Unique and stable: it keys the job's row. */
    String name();

    /** Spring cron expression (six fields, seconds first) in Asia/Shanghai time, e.g. {@code "0 0 9 * * MON-FRI"}. */
    String cron();

    void run();
}
