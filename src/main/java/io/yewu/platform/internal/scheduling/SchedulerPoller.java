package io.yewu.platform.internal.scheduling;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Polls for due one-off tasks every {@code yewu.scheduler.poll-interval} (default 1 s). Every node polls; the row
 * locks decide who runs what. {@code yewu.scheduler.enabled=false} turns polling off (tests that drive time
 * themselves), read when the application starts rather than as a bean condition, so that the build's Spring AOT
 * (decision 0046) does not fix it. Company jobs run on db-scheduler ({@link CompanyJobs}).
 */
@Component
class SchedulerPoller {

    private static final Logger log = LoggerFactory.getLogger(SchedulerPoller.class);

    /** The longest a poll keeps draining a backlog before the scheduler thread is given back. */
    private static final Duration BACKLOG_BUDGET = Duration.ofSeconds(10);

    private final DueTaskRunner dueTasks;
    private final boolean enabled;

    SchedulerPoller(DueTaskRunner dueTasks, @Value("${yewu.scheduler.enabled:true}") boolean enabled) {
        this.dueTasks = dueTasks;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${yewu.scheduler.poll-interval:1s}", initialDelayString = "${yewu.scheduler.poll-interval:1s}")
    void poll() {
        if (!enabled) return;
        try {
            // a full batch means more may be due: go on at once (one batch a poll capped the sweep at 6,000 a minute)
            dueTasks.runBacklog(BACKLOG_BUDGET);
        } catch (RuntimeException e) {
            // the database may be briefly unreachable; the next poll tries again
            log.warn("Scheduler poll failed", e);
        }
    }
}
