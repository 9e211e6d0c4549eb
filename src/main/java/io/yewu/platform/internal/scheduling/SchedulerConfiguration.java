package io.yewu.platform.internal.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * db-scheduler with our own small configuration (its Spring Boot starter is not built for Boot 4.1; see
 * docs/decisions/0005-scheduler.md). Every node runs a scheduler on the shared {@code scheduled_tasks} table;
 * {@code yewu.scheduler.enabled=false} builds it without starting it (tests that drive time themselves).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    /** Schedules and reads executions (the jobs page); runs nothing itself. */
    @Bean
    SchedulerClient schedulerClient(DataSource dataSource, CompanyJobs companyJobs) {
        List<Task<?>> tasks = new ArrayList<>();
        tasks.add(companyJobs.runTask());
        tasks.addAll(companyJobs.timetables());
        return SchedulerClient.Builder.create(dataSource, tasks).build();
    }

    /**
     * Starts a scheduler once the context is up and stops it before the connection pool closes. A db-scheduler
     * {@link Scheduler} cannot start again once stopped, so every start builds a new one (a context that is stopped
     * and started again, as the test framework does with cached contexts, keeps its timed work).
     */
    @Bean
    SmartLifecycle schedulerLifecycle(DataSource dataSource, CompanyJobs companyJobs, NodeName node,
                                      @Value("${yewu.scheduler.poll-interval:1s}") Duration pollInterval,
                                      @Value("${yewu.scheduler.threads:4}") int threads,
                                      @Value("${yewu.scheduler.enabled:true}") boolean enabled) {
        return new SmartLifecycle() {
            private volatile Scheduler running;

            @Override
            public synchronized void start() {
                if (!enabled || running != null) return;
                running = Scheduler.create(dataSource, companyJobs.runTask())
                        .startTasks(companyJobs.timetables())
                        .schedulerName(new SchedulerName.Fixed(node.get()))
                        .threads(threads)
                        .pollingInterval(pollInterval)
                        .pollUsingLockAndFetch(0.5, 1.0) // SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL
                        .shutdownMaxWait(Duration.ofSeconds(10))
                        .failureLogging(LogLevel.DEBUG, false) // CompanyJobs logs each failure with its company
                        .build();
                running.start();
            }

            @Override
            public synchronized void stop() {
                if (running == null) return;
                running.stop();
                running = null;
            }

            @Override
            public boolean isRunning() {
                return !enabled || running != null;
            }
        };
    }
}
