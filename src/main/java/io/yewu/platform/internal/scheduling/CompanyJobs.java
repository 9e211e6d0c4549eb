package io.yewu.platform.internal.scheduling;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionOperations;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.yewu.platform.scheduling.CompanyJob;
import io.yewu.platform.security.CompanyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs every {@link CompanyJob} on db-scheduler. Each job has a recurring task on its cron ({@code job:<name>});
 * an occurrence of it fans out one one-time task instance per company ({@value #RUN_TASK}, instance id
 * {@code <job>|<company>|<occurrence epoch second>}), so a second fan-out of the same occurrence — another node,
 * a revived execution — adds nothing. Each company's run happens under that company's wall in its own
 * transaction, which also writes the {@code job_run} row DONE: an execution of an occurrence already done does
 * nothing. A failure is recorded (attempt, message, next retry) in a transaction of its own and retried with
 * exponential backoff up to {@code yewu.scheduler.max-attempts}; the administrator can retry it after that.
 */
@Component
public class CompanyJobs {

    static final String RUN_TASK = "company-job";
    static final String TIMETABLE_PREFIX = "job:";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(CompanyJobs.class);

    /** One company's run of one occurrence, as its task instance id spells it. */
    public record Run(String job, long companyId, Instant occurrence) {

        public String instanceId() {
            return job + "|" + companyId + "|" + occurrence.getEpochSecond();
        }

        static Run parse(String instanceId) {
            String[] parts = instanceId.split("\\|");
            if (parts.length != 3) throw new IllegalArgumentException("not a company-job instance: " + instanceId);
            return new Run(parts[0], Long.parseLong(parts[1]), Instant.ofEpochSecond(Long.parseLong(parts[2])));
        }
    }

    private final Map<String, CompanyJob> jobs;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final NodeName node;
    private final int maxAttempts;
    private final OneTimeTask<Void> runTask;
    private final List<RecurringTask<Void>> timetables;

    CompanyJobs(List<CompanyJob> jobs, JdbcClient jdbc, PlatformTransactionManager transactions, NodeName node,
                @Value("${yewu.scheduler.max-attempts:5}") int maxAttempts) {
        this.jobs = jobs.stream().collect(Collectors.toMap(CompanyJob::name, Function.identity(),
                (a, b) -> { throw new IllegalStateException("two company jobs named " + a.name()); }, LinkedHashMap::new));
        this.jobs.keySet().forEach(name -> {
            if (name.isBlank() || name.contains("|")) throw new IllegalStateException("bad company job name: " + name);
        });
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.node = node;
        this.maxAttempts = maxAttempts;
        this.runTask = Tasks.oneTime(RUN_TASK)
                .onFailure(new RetryWithBackoff())
                .onDeadExecutionRevive()
                .execute((instance, context) -> run(Run.parse(instance.getId())));
        this.timetables = this.jobs.values().stream().map(job -> Tasks.recurring(TIMETABLE_PREFIX + job.name(),
                        Schedules.cron(job.cron(), SHANGHAI))
                // a fan-out that could not reach the database is tried again soon, not at the next occurrence
                .onFailure(new FailureHandler.ExponentialBackoffFailureHandler<>(FIRST_RETRY))
                .onDeadExecutionRevive()
                .execute((instance, context) -> fanOut(job, context))).toList();
    }

    /**
     * The recurring tasks, registered as db-scheduler start tasks: scheduled at their next occurrence when a
     * scheduler starts, unless already scheduled (an overdue occurrence stays, so it fires at once).
     */
    public List<RecurringTask<Void>> timetables() {
        return timetables;
    }

    /** The one-time task that runs one company's occurrence. */
    public Task<Void> runTask() {
        return runTask;
    }

    /** The recurring task of one job. */
    public RecurringTask<Void> timetable(String job) {
        return timetables.stream().filter(t -> t.getName().equals(TIMETABLE_PREFIX + job)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no company job named " + job));
    }

    public Map<String, CompanyJob> jobs() {
        return jobs;
    }

    static TaskInstanceId timetableOf(String job) {
        return TaskInstanceId.of(TIMETABLE_PREFIX + job, RecurringTask.INSTANCE);
    }

    static TaskInstance<Void> instanceOf(Run run) {
        return new TaskInstance<>(RUN_TASK, run.instanceId());
    }

    /** Schedules one run per company for this occurrence (the scheduled time, not the clock). */
    private void fanOut(CompanyJob job, ExecutionContext context) {
        Instant occurrence = context.getExecution().executionTime.truncatedTo(ChronoUnit.SECONDS);
        SchedulerClient client = context.getSchedulerClient();
        int added = 0;
        for (long company : companies()) {
            if (client.scheduleIfNotExists(instanceOf(new Run(job.name(), company, occurrence)), occurrence)) added++;
        }
        log.debug("Job {} occurrence {}: {} company runs scheduled", job.name(), occurrence, added);
    }

    /** Every company, in the order runs are scheduled. */
    public List<Long> companies() {
        return CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id FROM company ORDER BY id").query(Long.class).list());
    }

    /**
     * Runs one company's occurrence in that company's context and a transaction of its own, unless it is done
     * already; throws what the job threw (its writes rolled back). Public for tests that drive a run directly.
     */
    public void run(Run run) {
        CompanyJob job = jobs.get(run.job());
        if (job == null) throw new IllegalStateException("no company job named " + run.job());
        CompanyContext.runAs(run.companyId(), () -> tx.executeWithoutResult(status -> {
            // the row lock makes a concurrent execution of the same occurrence wait, then find it done
            jdbc.sql("""
                    INSERT INTO job_run (company_id, job, occurrence, status, attempts)
                    VALUES (:c, :j, :o, 'RETRYING', 0) ON CONFLICT (company_id, job, occurrence) DO NOTHING""")
                    .param("c", run.companyId()).param("j", run.job()).param("o", run.occurrence().atOffset(ZoneOffset.UTC))
                    .update();
            String before = jdbc.sql("""
                    SELECT status FROM job_run WHERE company_id = :c AND job = :j AND occurrence = :o FOR UPDATE""")
                    .param("c", run.companyId()).param("j", run.job()).param("o", run.occurrence().atOffset(ZoneOffset.UTC))
                    .query(String.class).single();
            if ("DONE".equals(before)) return;
            Instant started = Instant.now();
            job.run(run.companyId(), run.occurrence());
            jdbc.sql("""
                    UPDATE job_run SET status = 'DONE', attempts = attempts + 1, next_retry_at = NULL,
                           started_at = :started, finished_at = now(), node = :node
                    WHERE company_id = :c AND job = :j AND occurrence = :o""")
                    .param("started", started.atOffset(ZoneOffset.UTC)).param("node", node.get())
                    .param("c", run.companyId()).param("j", run.job()).param("o", run.occurrence().atOffset(ZoneOffset.UTC))
                    .update();
        }));
    }

    /** Records a failed attempt for the jobs page; returns the attempts so far. */
    int recordFailure(Run run, Throwable error, Instant nextRetry) {
        return CompanyContext.callAs(run.companyId(), () -> tx.execute(status -> jdbc.sql("""
                INSERT INTO job_run (company_id, job, occurrence, status, attempts, last_error, next_retry_at, finished_at, node)
                VALUES (:c, :j, :o, :status, 1, :err, :next, now(), :node)
                ON CONFLICT (company_id, job, occurrence) DO UPDATE
                SET status = EXCLUDED.status, attempts = job_run.attempts + 1, last_error = EXCLUDED.last_error,
                    next_retry_at = EXCLUDED.next_retry_at, finished_at = now(), node = EXCLUDED.node
                RETURNING attempts""")
                .param("c", run.companyId()).param("j", run.job()).param("o", run.occurrence().atOffset(ZoneOffset.UTC))
                .param("status", nextRetry == null ? "FAILED" : "RETRYING").param("err", describe(error))
                .param("next", nextRetry == null ? null : nextRetry.atOffset(ZoneOffset.UTC)).param("node", node.get())
                .query(Integer.class).single()));
    }

    /** 30 s, 1 min, 2 min, … capped at an hour. */
    static Duration backoff(int failures) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String text = root == error ? String.valueOf(error) : error + " ← " + root;
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    /**
     * A failed company run: recorded, then retried after 30 s, 1 min, 2 min … until {@code max-attempts} failed
     * executions; after that the execution is removed and the run stays FAILED until an administrator retries it.
     */
    private final class RetryWithBackoff implements FailureHandler<Void> {

        @Override
        public void onFailure(ExecutionComplete complete, ExecutionOperations<Void> operations) {
            Run run = Run.parse(complete.getExecution().taskInstance.getId());
            int failures = complete.getExecution().consecutiveFailures + 1;
            boolean giveUp = failures >= maxAttempts;
            Instant next = giveUp ? null : complete.getTimeDone().plus(backoff(failures));
            Throwable cause = complete.getCause().orElse(new IllegalStateException("failed without an exception"));
            int attempts = failures;
            try {
                attempts = recordFailure(run, cause, next);
            } catch (RuntimeException e) {
                // the database may be what failed: the retry is still scheduled below
                log.warn("Could not record the failure of company job {} for company {}", run.job(), run.companyId(), e);
            }
            log.warn("Company job {} for company {} (occurrence {}) failed, attempt {}{}", run.job(), run.companyId(),
                    run.occurrence(), attempts, giveUp ? "; giving up until an administrator retries it" : "; retry at " + next,
                    cause);
            if (giveUp) operations.remove();
            else operations.reschedule(complete, next);
        }
    }

    Optional<CompanyJob> job(String name) {
        return Optional.ofNullable(jobs.get(name));
    }
}
