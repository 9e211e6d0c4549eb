package io.yewu.platform.internal.scheduling;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The administrator's view of timed work: each company job with its names, timetable, last and next run, the last
 * result per company and the failures. A company's administrator sees its own company; one who is also the group
 * administrator sees every company.
 */
@Component
class JobsAdmin {

    record CompanyRun(long runId, long companyId, String companyName, OffsetDateTime occurrence, String status,
                      int attempts, String lastError, OffsetDateTime nextRetryAt, OffsetDateTime finishedAt) {}

    record JobView(String name, String nameZh, String nameEn, String cron, OffsetDateTime lastRunAt,
                   OffsetDateTime nextRunAt, long failing, List<CompanyRun> companies) {}

    record Failure(long runId, String job, String jobZh, String jobEn, long companyId, String companyName,
                   OffsetDateTime occurrence, String status, int attempts, String lastError, OffsetDateTime nextRetryAt,
                   OffsetDateTime finishedAt) {}

    record Scheduled(String job, long companyId, OffsetDateTime occurrence) {}

    /** A one-off due task that failed: RETRYING until its attempts run out, then FAILED. */
    record TaskFailure(long taskId, String kind, String kindZh, String kindEn, long companyId, String companyName,
                       OffsetDateTime dueAt, String status, int attempts, String lastError) {}

    private static final String RUN_COLUMNS = """
            r.id AS run_id, r.company_id, c.name AS company_name, r.occurrence, r.status, r.attempts, r.last_error,
            r.next_retry_at, r.finished_at""";

    private final CompanyJobs companyJobs;
    private final SchedulerClient scheduler;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final AuditTrail audit;

    JobsAdmin(CompanyJobs companyJobs, SchedulerClient scheduler, JdbcClient jdbc, MessageSource messages, AuditTrail audit) {
        this.companyJobs = companyJobs;
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.messages = messages;
        this.audit = audit;
    }

    /** The job's name in Chinese or English ({@code job.<name>} in the messages); the code itself if none. */
    String label(String job, Locale locale) {
        return messages.getMessage("job." + job, null, job, locale);
    }

    /** A due-task kind's name ({@code task.<kind>}); a plain "timed task" for a kind that has none. */
    String taskLabel(String kind, Locale locale) {
        return messages.getMessage("task." + kind, null, messages.getMessage("task.other", null, kind, locale), locale);
    }

    List<JobView> jobs(YewuPrincipal user) {
        List<Map.Entry<String, CompanyRun>> latest = visibleTo(user, () -> jdbc.sql("""
                SELECT DISTINCT ON (r.company_id, r.job) r.job, %s
                FROM job_run r JOIN company c ON c.id = r.company_id
                ORDER BY r.company_id, r.job, r.occurrence DESC""".formatted(RUN_COLUMNS))
                .query((rs, n) -> Map.entry(rs.getString("job"), new CompanyRun(rs.getLong("run_id"), rs.getLong("company_id"),
                        rs.getString("company_name"), rs.getObject("occurrence", OffsetDateTime.class), rs.getString("status"),
                        rs.getInt("attempts"), rs.getString("last_error"), rs.getObject("next_retry_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class))))
                .list());
        return companyJobs.jobs().values().stream().map(job -> {
            List<CompanyRun> runs = latest.stream().filter(e -> e.getKey().equals(job.name())).map(Map.Entry::getValue)
                    .sorted(Comparator.comparing(CompanyRun::companyId)).toList();
            OffsetDateTime lastRun = runs.stream().map(CompanyRun::occurrence).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            long failing = runs.stream().filter(r -> !"DONE".equals(r.status())).count();
            OffsetDateTime next = scheduler.getScheduledExecution(CompanyJobs.timetableOf(job.name()))
                    .map(ScheduledExecution::getExecutionTime).map(t -> t.atOffset(ZoneOffset.UTC)).orElse(null);
            return new JobView(job.name(), label(job.name(), Locale.SIMPLIFIED_CHINESE), label(job.name(), Locale.ENGLISH),
                    job.cron(), lastRun, next, failing, runs);
        }).sorted(Comparator.comparing(JobView::name)).toList();
    }

    Page<Failure> failures(YewuPrincipal user, PageQuery page) {
        String fromWhere = "FROM job_run r JOIN company c ON c.id = r.company_id WHERE r.status <> 'DONE'";
        return visibleTo(user, () -> {
            long total = jdbc.sql(Page.cappedCountSql(fromWhere)).query(Long.class).single();
            List<Failure> items = jdbc.sql("SELECT r.job, %s %s ORDER BY r.finished_at DESC NULLS LAST, r.id DESC LIMIT :n OFFSET :o"
                            .formatted(RUN_COLUMNS, fromWhere))
                    .param("n", page.size()).param("o", page.offset())
                    .query((rs, n) -> new Failure(rs.getLong("run_id"), rs.getString("job"),
                            label(rs.getString("job"), Locale.SIMPLIFIED_CHINESE), label(rs.getString("job"), Locale.ENGLISH),
                            rs.getLong("company_id"), rs.getString("company_name"), rs.getObject("occurrence", OffsetDateTime.class),
                            rs.getString("status"), rs.getInt("attempts"), rs.getString("last_error"),
                            rs.getObject("next_retry_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class)))
                    .list();
            return Page.of(items, page, total);
        });
    }

    /** Runs a failed company run again now (same occurrence); 404 outside the caller's companies. */
    Scheduled retry(YewuPrincipal user, long runId) {
        record Row(String job, long companyId, OffsetDateTime occurrence, String status) {}
        Row row = visibleTo(user, () -> jdbc.sql("SELECT job, company_id, occurrence, status FROM job_run WHERE id = :id")
                .param("id", runId).query(Row.class).optional())
                .orElseThrow(() -> ProblemException.notFound("job run " + runId));
        if ("DONE".equals(row.status())) throw ProblemException.conflict("job-run-not-failed");
        if (companyJobs.job(row.job()).isEmpty()) throw ProblemException.notFound("job " + row.job());
        CompanyJobs.Run run = new CompanyJobs.Run(row.job(), row.companyId(), row.occurrence().toInstant());
        TaskInstance<Void> instance = CompanyJobs.instanceOf(run);
        Optional<ScheduledExecution<Object>> pending = scheduler.getScheduledExecution(instance);
        if (pending.isPresent() && pending.get().isPicked()) throw ProblemException.conflict("job-run-running");
        Instant now = Instant.now();
        // the row first: a run that starts at once must not have its outcome overwritten afterwards
        visibleTo(user, () -> jdbc.sql("""
                UPDATE job_run SET status = 'RETRYING', next_retry_at = :now WHERE id = :id AND status <> 'DONE'""")
                .param("now", now.atOffset(ZoneOffset.UTC)).param("id", runId).update());
        CompanyContext.runAs(row.companyId(), () -> audit.record("job-run", runId, "retry",
                Changes.of().put("status", row.status(), "RETRYING")));
        if (pending.isPresent()) scheduler.reschedule(instance, now);
        else scheduler.scheduleIfNotExists(instance, now);
        return new Scheduled(row.job(), row.companyId(), row.occurrence());
    }

    Page<TaskFailure> taskFailures(YewuPrincipal user, PageQuery page) {
        String fromWhere = """
                FROM due_task t JOIN company c ON c.id = t.company_id
                WHERE t.status IN ('PENDING', 'FAILED') AND t.last_error IS NOT NULL""";
        return visibleTo(user, () -> {
            long total = jdbc.sql(Page.cappedCountSql(fromWhere)).query(Long.class).single();
            List<TaskFailure> items = jdbc.sql("""
                            SELECT t.id, t.kind, t.company_id, c.name AS company_name, t.due_at, t.status, t.attempts, t.last_error
                            %s ORDER BY t.due_at DESC, t.id DESC LIMIT :n OFFSET :o""".formatted(fromWhere))
                    .param("n", page.size()).param("o", page.offset())
                    .query((rs, n) -> new TaskFailure(rs.getLong("id"), rs.getString("kind"),
                            taskLabel(rs.getString("kind"), Locale.SIMPLIFIED_CHINESE), taskLabel(rs.getString("kind"), Locale.ENGLISH),
                            rs.getLong("company_id"), rs.getString("company_name"), rs.getObject("due_at", OffsetDateTime.class),
                            "FAILED".equals(rs.getString("status")) ? "FAILED" : "RETRYING", rs.getInt("attempts"),
                            rs.getString("last_error")))
                    .list();
            return Page.of(items, page, total);
        });
    }

    /** Makes a failed due task due now (one more attempt); 404 outside the caller's companies. */
    void retryTask(YewuPrincipal user, long taskId) {
        record Row(long companyId, String status, String lastError) {}
        Row row = visibleTo(user, () -> jdbc.sql("SELECT company_id, status, last_error FROM due_task WHERE id = :id")
                .param("id", taskId).query(Row.class).optional())
                .orElseThrow(() -> ProblemException.notFound("due task " + taskId));
        if (row.lastError() == null || !List.of("PENDING", "FAILED").contains(row.status())) {
            throw ProblemException.conflict("job-run-not-failed");
        }
        CompanyContext.runAs(row.companyId(), () -> {
            try {
                jdbc.sql("UPDATE due_task SET status = 'PENDING', due_at = now() WHERE id = :id AND company_id = :c")
                        .param("id", taskId).param("c", row.companyId()).update();
            } catch (DuplicateKeyException e) {
                throw ProblemException.conflict("task-superseded"); // rescheduled since: the newer one stands
            }
            audit.record("due-task", taskId, "retry", Changes.of().put("status", row.status(), "PENDING"));
        });
    }

    /** Runs the job for the caller's company now, as an extra occurrence. */
    Scheduled runNow(YewuPrincipal user, String job) {
        if (companyJobs.job(job).isEmpty()) throw ProblemException.notFound("job " + job);
        Instant occurrence = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        CompanyJobs.Run run = new CompanyJobs.Run(job, user.companyId(), occurrence);
        audit.record("job", job, "run-now", Changes.of().created("occurrence", occurrence.atOffset(ZoneOffset.UTC)));
        scheduler.scheduleIfNotExists(CompanyJobs.instanceOf(run), occurrence);
        return new Scheduled(job, user.companyId(), occurrence.atOffset(ZoneOffset.UTC));
    }

    /** The caller's company under its wall; every company for a group administrator. */
    private static <T> T visibleTo(YewuPrincipal user, Supplier<T> query) {
        return user.hasRole(RoleCode.GROUP_ADMIN) ? CompanyContext.callAsSystem(query) : CompanyContext.callAs(user.companyId(), query);
    }
}
