package io.yewu.platform.internal.scheduling;

import io.yewu.platform.scheduling.DueTask;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.security.CompanyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Runs due tasks. Tasks are claimed ({@code FOR UPDATE SKIP LOCKED}) in a transaction of their own company that
 * also runs the handlers and marks the tasks done: another node skips the locked rows and, once committed, no longer
 * sees them pending, so each task fires once; a crash rolls the claims back for the next poll. Each handler runs
 * under a savepoint, so its failure undoes only its own writes while its row stays locked to record the attempt.
 * A transaction never holds two companies' tasks; it holds up to {@code yewu.scheduler.tasks-per-transaction} of
 * one company's, in due order (one commit for them instead of one each: a backlog of timers is bound by commits).
 * A batch's transactions run on {@code yewu.scheduler.workers} threads (default 2), so tasks due at the same moment
 * may run in any order: handlers decide from the state they read, never from which task ran first.
 */
@Component
public class DueTaskRunner {

    private static final Logger log = LoggerFactory.getLogger(DueTaskRunner.class);
    private static final TypeReference<Map<String, Object>> PAYLOAD = new TypeReference<>() {};
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private record Candidate(long id, long companyId) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final TransactionTemplate claim;
    private final TransactionTemplate attempt;
    private final Map<String, DueTaskHandler> handlers;
    private final NodeName node;
    private final int maxAttempts;
    private final int batchSize;
    private final int tasksPerTransaction;
    private final java.util.concurrent.ExecutorService workers;

    DueTaskRunner(JdbcClient jdbc, JsonMapper json, PlatformTransactionManager transactions,
                  List<DueTaskHandler> handlers, NodeName node,
                  @Value("${yewu.scheduler.max-attempts:5}") int maxAttempts,
                  @Value("${yewu.scheduler.batch-size:100}") int batchSize,
                  @Value("${yewu.scheduler.tasks-per-transaction:20}") int tasksPerTransaction,
                  @Value("${yewu.scheduler.workers:2}") int workers) {
        this.jdbc = jdbc;
        this.json = json;
        this.claim = new TransactionTemplate(transactions);
        this.attempt = new TransactionTemplate(transactions);
        this.attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.handlers = handlers.stream().collect(Collectors.toMap(DueTaskHandler::kind, Function.identity()));
        this.node = node;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        this.tasksPerTransaction = Math.max(1, tasksPerTransaction);
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        this.workers = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "yewu-due-task-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        workers.shutdown();
    }

    /** Runs the tasks due at {@code now} that no other node holds; returns how many this node ran. */
    public int runDue(Instant now) {
        List<Candidate> due = CompanyContext.callAsSystem(() -> jdbc.sql("""
                SELECT id, company_id FROM due_task WHERE status = 'PENDING' AND due_at <= :now
                ORDER BY due_at, id LIMIT :n""")
                .param("now", now.atOffset(java.time.ZoneOffset.UTC)).param("n", batchSize).query(Candidate.class).list());
        List<java.util.concurrent.Future<Integer>> running = new java.util.ArrayList<>();
        for (var chunk : chunks(due, Candidate::companyId, tasksPerTransaction)) {
            long companyId = chunk.getFirst().companyId();
            List<Long> ids = chunk.stream().map(Candidate::id).toList();
            running.add(workers.submit(() -> CompanyContext.callAs(companyId, () -> runChunk(companyId, ids, now))));
        }
        int ran = 0;
        for (var r : running) {
            try {
                ran += r.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running due tasks", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
            }
        }
        return ran;
    }

    /**
     * Consecutive runs of items with the same key (one company's candidates, one kind's tasks), at most {@code size}
     * each, in the items' (due) order.
     */
    static <C> List<List<C>> chunks(List<C> items, Function<C, ?> key, int size) {
        List<List<C>> chunks = new java.util.ArrayList<>();
        List<C> current = new java.util.ArrayList<>();
        for (C item : items) {
            if (!current.isEmpty() && (current.size() >= size || !key.apply(current.getFirst()).equals(key.apply(item)))) {
                chunks.add(current);
                current = new java.util.ArrayList<>();
            }
            current.add(item);
        }
        if (!current.isEmpty()) chunks.add(current);
        return chunks;
    }


    /**
     * Runs batch after batch while each comes back full (a backlog of due tasks is not held to one batch per poll),
     * for at most {@code budget}; returns how many this node ran.
     */
    public int runBacklog(Duration budget) {
        long end = System.nanoTime() + budget.toNanos();
        int total = 0;
        int ran;
        do {
            ran = runDue(Instant.now());
            total += ran;
        } while (ran >= batchSize && System.nanoTime() < end);
        return total;
    }

    private int runChunk(long companyId, List<Long> ids, Instant now) {
        Integer ran = claim.execute(status -> {
            List<DueTask> claimed = jdbc.sql("""
                    SELECT id, company_id, kind, task_key, due_at, payload::text AS payload, attempts FROM due_task
                    WHERE id = ANY(:ids) AND company_id = :c AND status = 'PENDING' AND due_at <= :now
                    ORDER BY due_at, id FOR UPDATE SKIP LOCKED""")
                    .param("ids", ids.toArray(Long[]::new)).param("c", companyId).param("now", now.atOffset(java.time.ZoneOffset.UTC))
                    .query(this::task).list();
            for (List<DueTask> run : chunks(claimed, DueTask::kind, Integer.MAX_VALUE)) {
                if (run.size() > 1 && handlerOf(run.getFirst()).batches() && runTogether(run)) continue;
                for (DueTask task : run) {
                    try {
                        attempt.executeWithoutResult(s -> {
                            markDone(List.of(task));
                            handlerOf(task).handle(task);
                        });
                    } catch (RuntimeException e) {
                        recordFailure(task, e, now);
                    }
                }
            }
            return claimed.size();
        });
        return ran == null ? 0 : ran;
    }

    /**
     * Consecutive tasks of one kind under one savepoint, in one go (a batching handler); false when it failed, its
     * writes undone, for the caller to run them one by one.
     */
    private boolean runTogether(List<DueTask> run) {
        try {
            attempt.executeWithoutResult(s -> {
                markDone(run);
                handlerOf(run.getFirst()).handleAll(run);
            });
            return true;
        } catch (RuntimeException e) {
            log.info("Due tasks {} × {} failed together, running them one by one: {}", run.size(), run.getFirst().kind(), e.toString());
            return false;
        }
    }

    private void markDone(List<DueTask> tasks) {
        jdbc.sql("""
                UPDATE due_task SET status = 'DONE', done_at = now(), done_by = :node, attempts = attempts + 1
                WHERE id = ANY(:ids) AND company_id = :c""")
                .param("node", node.get()).param("ids", tasks.stream().map(DueTask::id).toArray(Long[]::new))
                .param("c", tasks.getFirst().companyId()).update();
    }

    private DueTaskHandler handlerOf(DueTask task) {
        DueTaskHandler handler = handlers.get(task.kind());
        if (handler == null) throw new IllegalStateException("no handler for due task kind " + task.kind());
        return handler;
    }

    private void recordFailure(DueTask task, RuntimeException e, Instant now) {
        int attempts = task.attempts() + 1;
        boolean giveUp = attempts >= maxAttempts;
        log.warn("Due task {} {} failed ({}){}", task.kind(), task.key(), attemptText(attempts, maxAttempts),
                giveUp ? ", giving up" : "", e);
        jdbc.sql("""
                UPDATE due_task SET attempts = :a, last_error = :err, due_at = :retry,
                       status = CASE WHEN :giveUp THEN 'FAILED' ELSE 'PENDING' END
                WHERE id = :id AND company_id = :c""")
                .param("a", attempts).param("err", abbreviate(String.valueOf(e)))
                .param("retry", (now.plus(backoff(attempts))).atOffset(java.time.ZoneOffset.UTC)).param("giveUp", giveUp)
                .param("id", task.id()).param("c", task.companyId())
                .update();
    }

    /**
     * "attempt 3 of 5"; an attempt past the limit is one an administrator granted by retrying the failed task, and
     * says so instead of counting "6 of 5".
     */
    static String attemptText(int attempts, int maxAttempts) {
        return attempts <= maxAttempts ? "attempt " + attempts + " of " + maxAttempts
                : "attempt " + attempts + ", one more after " + maxAttempts + " granted by a retry";
    }

    /** 30 s, 1 min, 2 min, … capped at an hour. */
    static Duration backoff(int attempts) {
        Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(attempts - 1, 20));
        return d.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : d;
    }

    private static String abbreviate(String text) {
        return text.length() <= 2000 ? text : text.substring(0, 2000);
    }

    private DueTask task(ResultSet rs, int row) throws SQLException {
        return new DueTask(rs.getLong("id"), rs.getLong("company_id"), rs.getString("kind"), rs.getString("task_key"),
                rs.getObject("due_at", java.time.OffsetDateTime.class).toInstant(), json.readValue(rs.getString("payload"), PAYLOAD),
                rs.getInt("attempts"));
    }
}
