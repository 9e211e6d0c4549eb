package io.yewu.platform.internal.db;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Whether the database answers, known without waiting for it: the embedded server's watchdog reports its death at
 * once, and a failed connection marks the database down until a probe (every {@link #PROBE_INTERVAL}) gets an
 * answer again. While it is down, the health indicator says DOWN at once and requests are answered 503 at once
 * ({@link DatabaseUnavailableFilter}) instead of waiting for a connection that cannot come.
 */
public final class DatabaseAvailability implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DatabaseAvailability.class);

    /** How long one probe may take before the database counts as not answering. */
    static final Duration PROBE_BUDGET = Duration.ofMillis(800);
    static final Duration PROBE_INTERVAL = Duration.ofMillis(250);

    private volatile String downReason;
    private volatile HikariDataSource pool;
    private volatile boolean closed;
    private String lastProbeFailure;
    private Thread prober;

    /** True while the database is known not to answer. */
    public boolean isDown() {
        return downReason != null;
    }

    /** Why the database is down, for the health details; null while it is up. */
    String downReason() {
        return downReason;
    }

    void attach(HikariDataSource pool) {
        this.pool = pool;
    }

    /** The database stopped answering: refuse work at once and probe until it answers again. */
    public synchronized void markDown(String reason) {
        if (closed) return;
        if (downReason == null) log.error("Database unavailable: {}", reason);
        downReason = reason;
        HikariDataSource p = pool;
        if (p != null && p.getHikariPoolMXBean() != null) p.getHikariPoolMXBean().softEvictConnections();
        if (prober == null || !prober.isAlive()) {
            prober = Thread.ofPlatform().daemon().name("yewu-db-prober").start(this::probeUntilUp);
        }
    }

    private void probeUntilUp() {
        while (!closed && downReason != null) {
            try {
                Thread.sleep(PROBE_INTERVAL);
            } catch (InterruptedException e) {
                return;
            }
            if (closed) return;
            Probe probe = probe(true);
            if (!probe.answered() && !probe.reason().equals(lastProbeFailure)) {
                lastProbeFailure = probe.reason();
                log.info("Database still unavailable: {}", lastProbeFailure);
            }
            if (probe.answered()) {
                synchronized (this) {
                    downReason = null;
                }
                log.warn("Database available again");
            }
        }
    }

    /** What a probe found: {@code reason} null when the database answered; {@code unreachable} when it cannot be reached. */
    record Probe(String reason, boolean unreachable) {
        boolean answered() {
            return reason == null;
        }
    }

    /**
     * Asks the database for an answer within {@link #PROBE_BUDGET}. Runs in its own thread so that a hung connection
     * cannot hold the caller. A slow answer (a busy pool) is not counted as unreachable. Unless {@code untilAnswered}
     * (the prober), it gives up as soon as the database is known to be down.
     */
    Probe probe(boolean untilAnswered) {
        HikariDataSource p = pool;
        if (p == null) return new Probe("no connection pool", false);
        CompletableFuture<Probe> answer = CompletableFuture.supplyAsync(() -> {
            try (Connection c = p.getConnection()) {
                return c.isValid(1) ? new Probe(null, false) : new Probe("the database did not answer", true);
            } catch (SQLException e) {
                return new Probe(String.valueOf(e.getMessage()), DatabaseUnavailableFilter.isConnectionFailure(e));
            }
        }, r -> Thread.ofVirtual().name("yewu-db-probe").start(r));
        long deadline = System.nanoTime() + PROBE_BUDGET.toNanos();
        try {
            while (true) {
                try {
                    return answer.get(20, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    String known = downReason; // the watchdog may know better meanwhile: answer at once
                    if (known != null && !untilAnswered) {
                        return new Probe(known, true);
                    }
                    if (System.nanoTime() > deadline) {
                        answer.cancel(true);
                        return new Probe("the database did not answer within " + PROBE_BUDGET.toMillis() + " ms", false);
                    }
                }
            }
        } catch (ExecutionException e) {
            return new Probe(String.valueOf(e.getCause()), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Probe("interrupted", false);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (prober != null) prober.interrupt();
    }
}
