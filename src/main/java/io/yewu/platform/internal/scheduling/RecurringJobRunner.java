package io.yewu.platform.internal.scheduling;

import io.yewu.platform.scheduling.RecurringJob;
import io.yewu.platform.security.CompanyContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Runs recurring jobs: one row per job holds its next run; the node that locks the due row runs the job and moves
 * the row to the next occurrence in the same transaction. A failed run is logged and waits for its next occurrence.
 */
@Component
public class RecurringJobRunner {

    private static final Logger log = LoggerFactory.getLogger(RecurringJobRunner.class);
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final TransactionTemplate claim;
    private final TransactionTemplate attempt;
    private final List<RecurringJob> jobs;
    private final NodeName node;
    private volatile boolean registered;

    RecurringJobRunner(JdbcClient jdbc, PlatformTransactionManager transactions, List<RecurringJob> jobs, NodeName node) {
        this.jdbc = jdbc;
        this.claim = new TransactionTemplate(transactions);
        this.attempt = new TransactionTemplate(transactions);
        this.attempt.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.jobs = jobs;
        this.node = node;
    }

    /** Runs the jobs due at {@code now} that no other node holds; returns how many this node ran. */
    public int runDue(Instant now) {
        return CompanyContext.callAsSystem(() -> {
            register(now);
            int ran = 0;
            for (RecurringJob job : jobs) {
                if (runIfDue(job, now)) ran++;
            }
            return ran;
        });
    }

    static Instant nextRun(String cron, Instant after) {
        return CronExpression.parse(cron).next(after.atZone(SHANGHAI)).toInstant();
    }

    private void register(Instant now) {
        if (registered) return;
        for (RecurringJob job : jobs) {
            jdbc.sql("INSERT INTO recurring_job (name, next_run_at) VALUES (:n, :next) ON CONFLICT (name) DO NOTHING")
                    .param("n", job.name()).param("next", (nextRun(job.cron(), now)).atOffset(java.time.ZoneOffset.UTC)).update();
        }
        registered = true;
    }

    private boolean runIfDue(RecurringJob job, Instant now) {
        return Boolean.TRUE.equals(claim.execute(status -> {
            boolean due = jdbc.sql("""
                    SELECT name FROM recurring_job WHERE name = :n AND next_run_at <= :now FOR UPDATE SKIP LOCKED""")
                    .param("n", job.name()).param("now", now.atOffset(java.time.ZoneOffset.UTC)).query(String.class).optional().isPresent();
            if (!due) return false;
            try {
                attempt.executeWithoutResult(s -> job.run());
            } catch (RuntimeException e) {
                log.error("Recurring job {} failed; it runs again at its next occurrence", job.name(), e);
            }
            jdbc.sql("UPDATE recurring_job SET next_run_at = :next, last_run_at = now(), last_node = :node WHERE name = :n")
                    .param("next", (nextRun(job.cron(), now)).atOffset(java.time.ZoneOffset.UTC)).param("node", node.get())
                    .param("n", job.name()).update();
            return true;
        }));
    }
}
