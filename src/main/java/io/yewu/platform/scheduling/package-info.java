/**
 * Timed work safe on several nodes: one-off due tasks (reminders, SLA escalations) and recurring jobs, both kept
 * in PostgreSQL and claimed with {@code FOR UPDATE SKIP LOCKED}, so each fires once and none is lost on restart.
 */
@org.springframework.modulith.NamedInterface("scheduling")
package io.yewu.platform.scheduling;
