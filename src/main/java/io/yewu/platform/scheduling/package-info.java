/**
 * Timed work safe on several nodes. {@link io.yewu.platform.scheduling.CompanyJob}: a job on a timetable, run on
 * db-scheduler once per company and occurrence, each company under its own wall and in its own transaction, retried
 * with backoff and shown on the administrator's jobs page. {@link io.yewu.platform.scheduling.DueTasks}: one-off
 * work for the current company (reminders, SLA escalations), kept in PostgreSQL with the caller's transaction and
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so each fires once and none is lost on restart.
 */
@org.springframework.modulith.NamedInterface("scheduling")
package io.yewu.platform.scheduling;
