package io.yewu.platform.internal.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Polls for due one-off tasks every {@code yewu.scheduler.poll-interval} (default 1 s). Every node polls; the row
 * locks decide who runs what. {@code yewu.scheduler.enabled=false} turns polling off (tests that drive time
 * themselves). Company jobs run on db-scheduler ({@link CompanyJobs}).
 */
@Component
@ConditionalOnProperty(name = "yewu.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SchedulerPoller {

    private static final Logger log = LoggerFactory.getLogger(SchedulerPoller.class);

    /** The longest a poll keeps draining a backlog before the scheduler thread is given back. */
    private static final Duration BACKLOG_BUDGET = Duration.ofSeconds(10);

    private final DueTaskRunner dueTasks;

    SchedulerPoller(DueTaskRunner dueTasks) {
        this.dueTasks = dueTasks;
    }

    @Scheduled(fixedDelayString = "${yewu.scheduler.poll-interval:1s}", initialDelayString = "${yewu.scheduler.poll-interval:1s}")
    void poll() {
        try {
            // a full batch means more may be due: go on at once (one batch a poll capped the sweep at 6,000 a minute)
            dueTasks.runBacklog(BACKLOG_BUDGET);
        } catch (RuntimeException e) {
            // the database may be briefly unreachable; the next poll tries again
            log.warn("Scheduler poll failed", e);
        }
    }
}
