package io.yewu.platform.scheduling;

import io.yewu.platform.internal.scheduling.DueTaskRunner;
import io.yewu.platform.internal.scheduling.RecurringJobRunner;
import io.yewu.platform.security.CompanyContext;
import io.yewu.support.PlatformFixtures.RecordingHandler;
import io.yewu.support.PlatformFixtures.TestSubject;
import io.yewu.support.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulerIT extends PlatformIntegrationTest {

    @Autowired DueTasks dueTasks;
    @Autowired DueTaskRunner runner;
    @Autowired RecurringJobRunner recurring;
    @Autowired RecordingHandler handler;
    @Autowired TestSubject subject;
    @Autowired TransactionTemplate tx;

    private void schedule(String key, Instant due, Map<String, Object> payload) {
        CompanyContext.runAs(subject.companyId(),
                () -> tx.executeWithoutResult(s -> dueTasks.schedule("test.record", key, due, payload)));
    }

    private Map<String, Object> row(String key) {
        return asSystem(() -> jdbc.sql("""
                SELECT status, attempts, done_by, last_error, due_at FROM due_task
                WHERE kind = 'test.record' AND task_key = :k ORDER BY id DESC LIMIT 1""")
                .param("k", key).query().singleRow());
    }

    @Test
    void dueTaskRunsOnceInItsCompanyAndNotBeforeItIsDue() {
        String key = UUID.randomUUID().toString();
        Instant due = Instant.now().plus(Duration.ofHours(2));
        schedule(key, due, Map.of("n", 1));
        runner.runDue(due.minusSeconds(1));
        assertThat(handler.count(key)).isZero();

        runner.runDue(due);
        runner.runDue(due.plusSeconds(5));
        assertThat(handler.count(key)).isEqualTo(1);
        DueTask task = handler.handled.stream().filter(t -> t.key().equals(key)).findFirst().orElseThrow();
        assertThat(task.companyId()).isEqualTo(subject.companyId());
        assertThat(task.payload()).containsEntry("n", 1);
        assertThat(row(key)).containsEntry("status", "DONE").containsKey("done_by");
        assertThat(row(key).get("done_by")).isNotNull();
    }

    @Test
    void schedulingTheSameKindAndKeyMovesThePendingTaskAndCancelDropsIt() {
        String key = UUID.randomUUID().toString();
        Instant later = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        schedule(key, Instant.now().plus(Duration.ofDays(1)), Map.of());
        schedule(key, later, Map.of());
        long pending = asSystem(() -> jdbc.sql("SELECT count(*) FROM due_task WHERE task_key = :k AND status = 'PENDING'")
                .param("k", key).query(Long.class).single());
        assertThat(pending).isEqualTo(1);
        assertThat(((Timestamp) row(key).get("due_at")).toInstant()).isEqualTo(later);

        CompanyContext.runAs(subject.companyId(), () -> tx.executeWithoutResult(s -> dueTasks.cancel("test.record", key)));
        runner.runDue(later.plusSeconds(1));
        assertThat(handler.count(key)).isZero();
        assertThat(row(key)).containsEntry("status", "CANCELLED");
    }

    @Test
    void aFailingTaskIsRetriedWithBackoffThenMarkedFailed() {
        String key = UUID.randomUUID().toString();
        Instant now = Instant.now().plus(Duration.ofDays(10)).truncatedTo(ChronoUnit.MICROS);
        schedule(key, now, Map.of("fail", true));
        runner.runDue(now);
        assertThat(row(key)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) row(key).get("last_error")).contains("told to fail");
        assertThat(((Timestamp) row(key).get("due_at")).toInstant()).isEqualTo(now.plusSeconds(30));

        Instant t = now;
        for (int i = 0; i < 10; i++) {
            t = t.plus(Duration.ofHours(1));
            runner.runDue(t);
        }
        assertThat(row(key)).containsEntry("status", "FAILED").containsEntry("attempts", 5);
        assertThat(handler.count(key)).isEqualTo(5);
    }

    @Test
    void recurringJobsRunOncePerOccurrenceAndPurgeOldIdempotencyKeys() {
        long companyId = subject.companyId();
        long userId = subject.userId("sales1");
        asSystem(() -> jdbc.sql("""
                INSERT INTO idempotency_record (company_id, user_id, key, request_hash, created_at)
                VALUES (:c, :u, 'old-key', 'h', now() - interval '25 hours'), (:c, :u, 'new-key', 'h', now())""")
                .param("c", companyId).param("u", userId).update());
        Instant inTwoHours = Instant.now().plus(Duration.ofHours(2));
        recurring.runDue(Instant.now()); // the first poll registers each job at its next occurrence

        assertThat(recurring.runDue(inTwoHours)).isPositive(); // the purge, and any other job due by then
        assertThat(recurring.runDue(inTwoHours)).isZero();
        Map<String, Object> job = asSystem(() -> jdbc.sql("SELECT next_run_at, last_node FROM recurring_job WHERE name = 'idempotency-purge'")
                .query().singleRow());
        assertThat(((Timestamp) job.get("next_run_at")).toInstant()).isAfter(inTwoHours);
        assertThat(job.get("last_node")).isNotNull();
        var keys = asSystem(() -> jdbc.sql("SELECT key FROM idempotency_record WHERE user_id = :u AND key IN ('old-key', 'new-key')")
                .param("u", userId).query(String.class).list());
        assertThat(keys).containsExactly("new-key");
    }
}
