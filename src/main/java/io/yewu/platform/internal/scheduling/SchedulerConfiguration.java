package io.yewu.platform.internal.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.logging.LogLevel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * db-scheduler with our own small configuration (its Spring Boot starter is not built for Boot 4.1; see
 * docs/decisions/0005-scheduler.md). Every node runs a scheduler on the shared {@code scheduled_tasks} table;
 * {@code yewu.scheduler.enabled=false} builds it without starting it (tests that drive time themselves).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean
    Scheduler scheduler(DataSource dataSource, CompanyJobs companyJobs, NodeName node,
                        @Value("${yewu.scheduler.poll-interval:1s}") Duration pollInterval,
                        @Value("${yewu.scheduler.threads:4}") int threads) {
        return Scheduler.create(dataSource, companyJobs.runTask())
                .startTasks(companyJobs.timetables())
                .schedulerName(new SchedulerName.Fixed(node.get()))
                .threads(threads)
                .pollingInterval(pollInterval)
                .pollUsingLockAndFetch(0.5, 1.0) // SELECT … FOR UPDATE SKIP LOCKED on PostgreSQL
                .shutdownMaxWait(Duration.ofSeconds(10))
                .failureLogging(LogLevel.DEBUG, false) // CompanyJobs logs each failure with its company
                .build();
    }

    /** Starts the scheduler once the context is up and stops it before the connection pool closes. */
    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler, @Value("${yewu.scheduler.enabled:true}") boolean enabled) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                if (enabled) scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                if (enabled) scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
