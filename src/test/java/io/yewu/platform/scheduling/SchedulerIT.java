package io.yewu.platform.scheduling;

import com.github.kagkarlsson.scheduler.testhelper.ManualScheduler;
import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import io.yewu.platform.internal.scheduling.CompanyJobs;
import io.yewu.platform.internal.scheduling.DueTaskRunner;
import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.PlatformFixtures.FlakyJob;
import io.yewu.support.PlatformFixtures.BatchingHandler;
import io.yewu.support.PlatformFixtures.RecordingHandler;
import io.yewu.support.PlatformFixtures.TestSubject;
import io.yewu.support.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timed work: one-off due tasks (per company, once, retried with backoff) and company jobs on db-scheduler (per
 * company and occurrence, each in its own transaction under its wall, retried with backoff, shown to the
 * administrator, fired on start when missed, once across nodes).
 */
class SchedulerIT extends PlatformIntegrationTest {

    @Autowired DueTasks dueTasks;
    @Autowired DueTaskRunner runner;
    @Autowired CompanyJobs companyJobs;
    @Autowired FlakyJob flaky;
    @Autowired DataSource dataSource;
    @Autowired RecordingHandler handler;
    @Autowired BatchingHandler batching;
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
    void aBacklogRunsBatchAfterBatchInOnePoll() {
        String prefix = UUID.randomUUID() + "-";
        Instant due = Instant.now().minusSeconds(1);
        CompanyContext.runAs(subject.companyId(), () -> tx.executeWithoutResult(s -> {
            for (int i = 0; i < 250; i++) dueTasks.schedule("test.record", prefix + i, due, Map.of("n", i));
        }));
        runner.runBacklog(Duration.ofMinutes(2));
        long done = asSystem(() -> jdbc.sql("SELECT count(*) FROM due_task WHERE kind = 'test.record' AND task_key LIKE :p AND status = 'DONE'")
                .param("p", prefix + "%").query(Long.class).single());
        assertThat(done).isEqualTo(250);
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
    void dueTasksOfTwoCompaniesNeverShareATransactionWhileOneCompanysTasksShareOneCommit() {
        long demo = subject.companyId();
        long other = newCompany().id();
        String p = UUID.randomUUID() + "-";
        Instant t = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // in due order (already due): a0, b0, a1, b1, a2 (fails), a3
        schedule(p + "a0", t.minusSeconds(6), Map.of());
        CompanyContext.runAs(other, () -> tx.executeWithoutResult(s -> dueTasks.schedule("test.record", p + "b0", t.minusSeconds(5), Map.of())));
        schedule(p + "a1", t.minusSeconds(4), Map.of());
        CompanyContext.runAs(other, () -> tx.executeWithoutResult(s -> dueTasks.schedule("test.record", p + "b1", t.minusSeconds(3), Map.of())));
        schedule(p + "a2", t.minusSeconds(2), Map.of("fail", true));
        schedule(p + "a3", t.minusSeconds(1), Map.of());

        runner.runBacklog(Duration.ofMinutes(1));

        for (String a : List.of("a0", "a1", "a2", "a3")) assertThat(handler.wallOf).containsEntry(p + a, String.valueOf(demo));
        for (String b : List.of("b0", "b1")) assertThat(handler.wallOf).containsEntry(p + b, String.valueOf(other));
        var demoTransactions = List.of("a0", "a1", "a2", "a3").stream().map(k -> handler.transactionOf.get(p + k)).toList();
        var otherTransactions = List.of("b0", "b1").stream().map(k -> handler.transactionOf.get(p + k)).toList();
        assertThat(demoTransactions).doesNotContainAnyElementsOf(otherTransactions);
        assertThat(handler.transactionOf.get(p + "a2")).as("consecutive tasks of one company share a commit")
                .isEqualTo(handler.transactionOf.get(p + "a3"));
        assertThat(row(p + "a3")).as("a neighbour's failure undoes only its own writes").containsEntry("status", "DONE");
        assertThat(row(p + "a2")).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) row(p + "a2").get("last_error")).contains("told to fail");
        for (String k : List.of("a0", "a1", "b0", "b1")) assertThat(handler.count(p + k)).isEqualTo(1);
    }

    /** Runs what is due at {@code at} until the task is done (older pending tasks of the shared database come first). */
    private void runUntilDone(Instant at, String key) {
        for (int i = 0; i < 100 && !"DONE".equals(asSystem(() -> jdbc.sql("SELECT status FROM due_task WHERE task_key = :k")
                .param("k", key).query(String.class).single())); i++) {
            runner.runDue(at);
        }
    }

    /**
     * Runs whatever is due at {@code at} until nothing is (other tests' tasks left pending in the shared database,
     * and what their handlers schedule), so that the tasks scheduled next are the only ones due in their window: a
     * run takes at most {@code batch-size} tasks and a transaction {@code tasks-per-transaction} of one company,
     * and earlier tasks of the same company would otherwise split what a test expects to run together.
     */
    private void drainUntil(Instant at) {
        for (int i = 0; i < 100 && runner.runDue(at) > 0; i++) {
            // each run takes the earliest due tasks; failures come back 30 s after `at` at the soonest
        }
    }

    @Test
    void aBatchingHandlerTakesATransactionsTasksTogetherAndAFailureInTheBatchFailsAlone() {
        String p = UUID.randomUUID() + "-";
        Instant t = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.MICROS);
        drainUntil(t.minusSeconds(1));
        Runnable four = () -> {
            for (int i = 0; i < 4; i++) {
                String key = p + "c" + i;
                boolean fail = i == 2;
                Instant due = t.plusMillis(i);
                CompanyContext.runAs(subject.companyId(), () -> tx.executeWithoutResult(s -> dueTasks.schedule("test.batch", key, due,
                        fail ? Map.of("fail", true) : Map.of())));
            }
        };
        four.run();
        runUntilDone(t.plusSeconds(1), p + "c3");

        List<String> all = List.of(p + "c0", p + "c1", p + "c2", p + "c3");
        assertThat(batching.batches).as("the four were offered together, in due order").contains(all);
        for (String k : List.of("c0", "c1", "c3")) {
            assertThat(asSystem(() -> jdbc.sql("SELECT status FROM due_task WHERE kind = 'test.batch' AND task_key = :k")
                    .param("k", p + k).query(String.class).single())).as(k + ": done after the batch failed and each ran alone").isEqualTo("DONE");
        }
        Map<String, Object> failed = asSystem(() -> jdbc.sql("SELECT status, attempts, last_error FROM due_task WHERE kind = 'test.batch' AND task_key = :k")
                .param("k", p + "c2").query().singleRow());
        assertThat(failed).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        assertThat((String) failed.get("last_error")).contains("told to fail");
        assertThat(batching.transactionOf.get(p + "c0")).as("one transaction for the company's run").isEqualTo(batching.transactionOf.get(p + "c3"));

        // without a failing task the batch is the only call
        drainUntil(t.plusSeconds(9));
        String q = UUID.randomUUID() + "-";
        int before = batching.batches.size();
        for (int i = 0; i < 3; i++) {
            String key = q + "d" + i;
            Instant due = t.plusSeconds(10).plusMillis(i);
            CompanyContext.runAs(subject.companyId(), () -> tx.executeWithoutResult(s -> dueTasks.schedule("test.batch", key, due, Map.of())));
        }
        runUntilDone(t.plusSeconds(11), q + "d2");
        assertThat(batching.batches.subList(before, batching.batches.size())).containsExactly(List.of(q + "d0", q + "d1", q + "d2"));
        for (int i = 0; i < 3; i++) assertThat(batching.count(q + "d" + i)).isEqualTo(1);
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

        // the administrator sees it on the jobs page and gives it one more attempt
        long taskId = asSystem(() -> jdbc.sql("SELECT id FROM due_task WHERE task_key = :k").param("k", key)
                .query(Long.class).single());
        Api admin = login("admin");
        JsonNode failures = admin.get("/api/admin/jobs/task-failures?size=200").json().path("items");
        assertThat(failures.toString()).contains("\"taskId\":" + taskId).contains("told to fail");
        for (JsonNode f : failures) {
            if (f.path("taskId").asLong() == taskId) {
                assertThat(f.path("status").asString()).isEqualTo("FAILED");
                assertThat(f.path("kindZh").asString()).isEqualTo("提醒或计时任务"); // a kind without a name of its own
            }
        }
        assertThat(login("sales1").post("/api/admin/jobs/tasks/" + taskId + "/retry", null).status()).isEqualTo(403);
        assertThat(admin.post("/api/admin/jobs/tasks/" + taskId + "/retry", null).status()).isEqualTo(202);
        assertThat(row(key)).containsEntry("status", "PENDING");
        runner.runDue(Instant.now().plusSeconds(1));
        assertThat(handler.count(key)).isEqualTo(6);
        assertThat(row(key)).containsEntry("status", "FAILED").containsEntry("attempts", 6);
    }

    // ---- company jobs on db-scheduler ----

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final AtomicInteger NIGHTS = new AtomicInteger();
    /** A night of its own per test, so every run's occurrence is known: the flaky job's timetable is 04:00 Beijing time. */
    private Instant T0;
    private Instant O1;

    @BeforeEach
    void aNightOfItsOwn() {
        T0 = ZonedDateTime.of(2030, 1, 1, 3, 0, 0, 0, SHANGHAI).plusDays(NIGHTS.getAndIncrement()).toInstant();
        O1 = T0.plus(Duration.ofHours(1));
    }

    /** A scheduler node on the test database whose clock the test sets; it knows only the flaky job. */
    private ManualScheduler node(Instant now) {
        SettableClock clock = new SettableClock();
        clock.set(now);
        return TestHelper.createManualScheduler(dataSource, companyJobs.runTask())
                .clock(clock).startTasks(List.of(companyJobs.timetable(FlakyJob.NAME))).start();
    }

    /** Fan-out first, then the company runs it scheduled. */
    private static void runDue(ManualScheduler node) {
        node.runAnyDueExecutions();
        node.runAnyDueExecutions();
    }

    private void freshTimetables() {
        flaky.failFor.clear();
        asSystem(() -> jdbc.sql("DELETE FROM scheduled_tasks").update());
    }

    /** How many times the flaky job's work for that company and occurrence is committed. */
    private long committed(long companyId, Instant occurrence) {
        return asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE company_id = :c AND entity_type = 'test-job' AND entity_id = :o""")
                .param("c", companyId).param("o", String.valueOf(occurrence.getEpochSecond())).query(Long.class).single());
    }

    private Map<String, Object> jobRun(long companyId, Instant occurrence) {
        return asSystem(() -> jdbc.sql("""
                SELECT id, status, attempts, last_error, next_retry_at FROM job_run
                WHERE company_id = :c AND job = :j AND occurrence = :o""")
                .param("c", companyId).param("j", FlakyJob.NAME).param("o", occurrence.atOffset(ZoneOffset.UTC))
                .query().singleRow());
    }

    private Instant timetableNext() {
        return asSystem(() -> jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = :t")
                .param("t", "job:" + FlakyJob.NAME).query(Timestamp.class).single().toInstant());
    }

    private static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }

    /** A second company, made by the group administrator; its administrator's login name is returned with it. */
    private record Company(long id, String admin) {}

    private Company newCompany() {
        String code = "J" + UUID.randomUUID().toString().substring(0, 8);
        var created = login("admin").post("/api/group/companies", Map.of("code", code, "name", "任务测试公司 " + code,
                "adminUsername", code.toLowerCase() + "-admin", "adminPassword", "Yewu@2026"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Company(created.json().path("id").asLong(), code.toLowerCase() + "-admin");
    }

    @Test
    void aFailingCompanyIsRetriedWithBackoffWhileEveryOtherCompanysWorkIsCommitted() {
        freshTimetables();
        long demo = subject.companyId();
        long failing = newCompany().id();
        flaky.failFor.add(failing);
        ManualScheduler node = node(T0);
        assertThat(timetableNext()).isEqualTo(O1);

        node.setTime(O1.plusSeconds(1));
        runDue(node);
        assertThat(committed(demo, O1)).isEqualTo(1);
        assertThat(jobRun(demo, O1)).containsEntry("status", "DONE").containsEntry("attempts", 1);
        assertThat(committed(failing, O1)).as("the failed company's writes roll back").isZero();
        Map<String, Object> failed = jobRun(failing, O1);
        assertThat(failed).containsEntry("status", "RETRYING").containsEntry("attempts", 1);
        assertThat((String) failed.get("last_error")).contains("told to fail");
        assertThat(instant(failed.get("next_retry_at"))).isEqualTo(O1.plusSeconds(1 + 30));
        assertThat(timetableNext()).isEqualTo(O1.plus(Duration.ofDays(1)));

        node.tick(Duration.ofSeconds(30));
        runDue(node);
        assertThat(jobRun(failing, O1)).containsEntry("status", "RETRYING").containsEntry("attempts", 2);
        assertThat(instant(jobRun(failing, O1).get("next_retry_at"))).as("the wait doubles")
                .isEqualTo(O1.plusSeconds(1 + 30 + 60));

        flaky.failFor.clear(); // the cause is gone
        node.tick(Duration.ofSeconds(59));
        runDue(node);
        assertThat(committed(failing, O1)).as("not before its retry time").isZero();
        node.tick(Duration.ofSeconds(1));
        runDue(node);
        assertThat(committed(failing, O1)).isEqualTo(1);
        assertThat(jobRun(failing, O1)).containsEntry("status", "DONE").containsEntry("attempts", 3);
        assertThat(committed(demo, O1)).as("the company that succeeded is not run again").isEqualTo(1);
    }

    @Test
    void aRunThatKeepsFailingStopsAtTheLimitIsShownToItsAdministratorAndRetriedFromThePage() {
        freshTimetables();
        long demo = subject.companyId();
        Company other = newCompany();
        flaky.failFor.add(demo);
        ManualScheduler node = node(T0);
        node.setTime(O1);
        runDue(node);
        for (int i = 0; i < 6; i++) {
            node.tick(Duration.ofHours(1));
            runDue(node);
        }
        Map<String, Object> failed = jobRun(demo, O1);
        assertThat(failed).containsEntry("status", "FAILED").containsEntry("attempts", 5).containsEntry("next_retry_at", null);
        long runId = ((Number) failed.get("id")).longValue();
        long pending = asSystem(() -> jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'company-job'")
                .query(Long.class).single());
        assertThat(pending).as("given up: no more retries by itself").isZero();

        Api admin = login("admin");
        JsonNode jobs = admin.get("/api/admin/jobs").json();
        JsonNode flakyView = null;
        for (JsonNode job : jobs) if (job.path("name").asString().equals(FlakyJob.NAME)) flakyView = job;
        assertThat(flakyView).isNotNull();
        assertThat(flakyView.path("failing").asLong()).isPositive();
        assertThat(flakyView.path("nextRunAt").isNull()).isFalse();
        JsonNode failures = admin.get("/api/admin/jobs/failures?size=200").json();
        assertThat(failures.path("items").toString()).contains("\"runId\":" + runId).contains("told to fail");

        // another company's administrator neither sees nor retries it (PLT-11)
        Api otherAdmin = Api.at(port).login(other.admin(), "Yewu@2026");
        assertThat(otherAdmin.get("/api/admin/jobs/failures?size=200").json().path("items").toString())
                .doesNotContain("\"runId\":" + runId);
        assertThat(otherAdmin.post("/api/admin/jobs/runs/" + runId + "/retry", null).status()).isEqualTo(404);
        assertThat(login("sales1").post("/api/admin/jobs/runs/" + runId + "/retry", null).status()).isEqualTo(403);

        flaky.failFor.clear();
        var retry = admin.post("/api/admin/jobs/runs/" + runId + "/retry", null);
        assertThat(retry.status()).as(retry.body()).isEqualTo(202);
        assertThat(jobRun(demo, O1)).containsEntry("status", "RETRYING");
        runDue(node);
        assertThat(jobRun(demo, O1)).containsEntry("status", "DONE").containsEntry("attempts", 6);
        assertThat(committed(demo, O1)).isEqualTo(1);
        assertThat(admin.post("/api/admin/jobs/runs/" + runId + "/retry", null).code()).isEqualTo("job-run-not-failed");

        // "run now": an extra occurrence for the caller's company, run at the next poll
        var runNow = admin.post("/api/admin/jobs/" + FlakyJob.NAME + "/run", null);
        assertThat(runNow.status()).as(runNow.body()).isEqualTo(202);
        Instant extra = java.time.OffsetDateTime.parse(runNow.json().path("occurrence").asString()).toInstant();
        assertThat(runNow.json().path("companyId").asLong()).isEqualTo(demo);
        runDue(node);
        assertThat(committed(demo, extra)).isEqualTo(1);
        assertThat(jobRun(demo, extra)).containsEntry("status", "DONE");
        assertThat(admin.post("/api/admin/jobs/no-such-job/run", null).status()).isEqualTo(404);
    }

    @Test
    void aMissedOccurrenceFiresWhenTheApplicationStarts() {
        freshTimetables();
        long demo = subject.companyId();
        node(T0); // the node that was running: the next occurrence is 04:00
        assertThat(timetableNext()).isEqualTo(O1);

        // every node was down over 04:00; one starts at 07:00
        ManualScheduler restarted = node(O1.plus(Duration.ofHours(3)));
        assertThat(timetableNext()).as("starting leaves the overdue occurrence in place").isEqualTo(O1);
        runDue(restarted);
        assertThat(committed(demo, O1)).isEqualTo(1);
        assertThat(jobRun(demo, O1)).containsEntry("status", "DONE");
        assertThat(timetableNext()).as("then the timetable goes on").isEqualTo(O1.plus(Duration.ofDays(1)));
    }

    @Test
    void twoNodesRunEachCompanysOccurrenceExactlyOnce() throws Exception {
        freshTimetables();
        newCompany();
        List<Long> companies = companyJobs.companies();
        ManualScheduler a = node(T0);
        ManualScheduler b = node(T0);
        a.setTime(O1);
        b.setTime(O1);
        var pool = Executors.newFixedThreadPool(2);
        try {
            var both = List.of(pool.submit(() -> runDue(a)), pool.submit(() -> runDue(b)));
            for (var f : both) f.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        runDue(a);
        runDue(b);
        for (long c : companies) {
            assertThat(committed(c, O1)).as("company %d", c).isEqualTo(1);
            assertThat(jobRun(c, O1)).containsEntry("status", "DONE").containsEntry("attempts", 1);
        }
        // a revived execution or a second fan-out of the same occurrence finds the run done
        companyJobs.run(new CompanyJobs.Run(FlakyJob.NAME, companies.getFirst(), O1));
        assertThat(committed(companies.getFirst(), O1)).isEqualTo(1);
    }

    @Test
    void everyJobHasAChineseAndAnEnglishNameOnTheJobsPage() {
        JsonNode jobs = login("admin").get("/api/admin/jobs").json();
        List<String> names = new java.util.ArrayList<>();
        for (JsonNode job : jobs) {
            String name = job.path("name").asString();
            names.add(name);
            if (name.startsWith("test.")) continue;
            assertThat(job.path("nameZh").asString()).as(name).isNotEqualTo(name).containsPattern("\\p{IsHan}");
            assertThat(job.path("nameEn").asString()).as(name).isNotEqualTo(name).doesNotContainPattern("\\p{IsHan}");
        }
        assertThat(names).containsAll(companyJobs.jobs().keySet());
    }

    @Test
    void theHourlyPurgeDropsOnlyTheCompanysExpiredIdempotencyKeys() {
        long companyId = subject.companyId();
        long userId = subject.userId("sales1");
        asSystem(() -> jdbc.sql("""
                INSERT INTO idempotency_record (company_id, user_id, key, request_hash, created_at)
                VALUES (:c, :u, 'old-key', 'h', now() - interval '25 hours'), (:c, :u, 'new-key', 'h', now())""")
                .param("c", companyId).param("u", userId).update());
        companyJobs.run(new CompanyJobs.Run("idempotency-purge", companyId, Instant.now()));
        var keys = asSystem(() -> jdbc.sql("SELECT key FROM idempotency_record WHERE user_id = :u AND key IN ('old-key', 'new-key')")
                .param("u", userId).query(String.class).list());
        assertThat(keys).containsExactly("new-key");
    }
}
