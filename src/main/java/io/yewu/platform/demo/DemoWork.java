package io.yewu.platform.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Demo data that need not delay the first start (decision 0025): work queued here runs once the application is
 * ready, one piece after another in the order it was queued, on one background thread. Each piece is its own
 * transaction, so the data it writes appear at once when it commits; a stop before that leaves none of it (and says
 * so in one line: the next start finds the data missing and queues them again).
 */
@Component
public class DemoWork {

    private static final Logger log = LoggerFactory.getLogger(DemoWork.class);

    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile boolean stopping;
    private final AtomicInteger pending = new AtomicInteger();
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "yewu-demo-data");
        t.setDaemon(true);
        return t;
    });

    private final java.util.Set<String> queued = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Queues {@code work} to run after the application is ready, after everything queued before it; once per name
     * and run of the application (a generator that queues on the company's creation and again on a start that finds
     * its data missing runs once).
     */
    public void afterStart(String name, Runnable work) {
        if (!queued.add(name)) return;
        pending.incrementAndGet();
        runner.execute(() -> {
            try {
                ready.await();
                work.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                log.warn("Demo data '{}' not generated: the application stopped first", name);
            } catch (RuntimeException e) {
                if (stopping) {
                    log.warn("Demo data '{}' not finished: the application stopped first ({})", name, e.toString());
                    return;
                }
                log.error("Demo data '{}' could not be generated; the demo company goes on without it", name, e);
            } finally {
                pending.decrementAndGet();
            }
        });
    }

    /**
     * The demo company (code {@code DEMO}) when it has no row at all in {@code table} — a generator's data that a
     * first start stopped too early never wrote — else empty.
     */
    public static java.util.Optional<Long> demoCompanyWithout(org.springframework.jdbc.core.simple.JdbcClient jdbc, String table) {
        if (!table.matches("[a-z_]+")) throw new IllegalArgumentException(table);
        Long demo = io.yewu.platform.security.CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'")
                .query(Long.class).optional().orElse(null));
        if (demo == null) return java.util.Optional.empty();
        boolean missing = io.yewu.platform.security.CompanyContext.callAs(demo, () -> jdbc.sql(
                        "SELECT NOT EXISTS (SELECT 1 FROM " + table + " WHERE company_id = :c)")
                .param("c", demo).query(Boolean.class).single());
        return missing ? java.util.Optional.of(demo) : java.util.Optional.empty();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        ready.countDown();
    }

    /** True once everything queued has run (tests wait for it); false if {@code timeout} passed first. */
    public boolean awaitDone(Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (pending.get() > 0) {
            if (System.nanoTime() > until) return false;
            Thread.sleep(50);
        }
        return true;
    }

    /**
     * On the context's close, before any bean is destroyed: the piece running fails on the closed connection pool
     * and rolls back; waiting for it would hold the stop for as long as the piece takes.
     */
    @EventListener(ContextClosedEvent.class)
    void stop() throws InterruptedException {
        stopping = true;
        runner.shutdownNow();
        runner.awaitTermination(100, TimeUnit.MILLISECONDS);
    }
}
