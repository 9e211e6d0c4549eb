package io.yewu.platform.internal.db;

import io.yewu.YewuApplication;
import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded postmaster is killed (SIGKILL) during writes: health says DOWN within a second, a request is answered
 * 503 at once, the server is started again by the application (crash recovery) with every acknowledged write, and
 * the application still stops within its graceful period.
 */
class EmbeddedDatabaseCrashIT {

    /** spring.lifecycle.timeout-per-shutdown-phase in application.yml */
    private static final Duration GRACE = Duration.ofSeconds(20);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** As installed: durable, with the scheduler polling (it meets the dead database too). */
    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(YewuApplication.class).run("--server.port=0", "--yewu.data-dir=" + dataDir,
                "--yewu.db.url=", "--yewu.db.durable=true");
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept-Language", "en").timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void killingTheEmbeddedPostmasterDuringWritesIsDetectedAnsweredWith503AndRecovered() throws Exception {
        Path dataDir = Files.createTempDirectory("yewu-crash");
        ConfigurableApplicationContext context = start(dataDir);
        try {
            crashAndRecover(context, dataDir);
        } finally {
            context.close();
        }
    }

    private void crashAndRecover(ConfigurableApplicationContext context, Path dataDir) throws Exception {
        int port = Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        long company = CompanyContext.callAsSystem(() ->
                jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        Api sales = Api.at(port).login("sales1", "Yewu@2026").language("en");
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);

        // writes, each acknowledged by its commit (autocommit), recorded only once acknowledged
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong failures = new AtomicLong();
        Thread writer = Thread.ofPlatform().name("crash-writer").start(() -> {
            for (long n = 1; writing.get() && n < 1_000_000; n++) {
                long key = n;
                try {
                    CompanyContext.runAs(company, () -> jdbc.sql("""
                            INSERT INTO audit_log (company_id, actor_name, entity_type, entity_id, action)
                            VALUES (:c, 'crash-test', 'crash-test', :n, 'WRITE')""")
                            .param("c", company).param("n", Long.toString(key)).update());
                    acknowledged.add(key);
                } catch (RuntimeException e) {
                    failures.incrementAndGet();
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException interrupted) {
                        return;
                    }
                }
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < 200 && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(200);

        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).getFirst().trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        long killedAt = System.nanoTime();
        assertThat(postmaster.destroyForcibly()).isTrue(); // SIGKILL

        // health says DOWN within a second
        HttpResponse<String> health;
        do {
            health = get(port, "/actuator/health");
        } while (health.statusCode() == 200 && System.nanoTime() - killedAt < TimeUnit.SECONDS.toNanos(3));
        long downAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt);
        assertThat(health.statusCode()).as("health after %d ms: %s", downAfterMs, health.body()).isEqualTo(503);
        assertThat(health.body()).contains("DOWN");
        assertThat(downAfterMs).as("ms until health said DOWN").isLessThan(1000);

        // a request (which needs its session from the database) is answered 503 at once, with a problem body
        long asked = System.nanoTime();
        Api.Response refused = CompletableFuture.supplyAsync(() -> sales.get("/api/me")).get(5, TimeUnit.SECONDS);
        long answeredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - asked);
        assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        assertThat(refused.code()).isEqualTo("database-unavailable");
        assertThat(refused.json().get("detail").asString()).contains("database");
        assertThat(answeredMs).as("ms until the 503").isLessThan(500);

        // the application starts the server again: health UP, requests served, writes go on
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (get(port, "/actuator/health").statusCode() != 200 && System.nanoTime() < deadline) Thread.sleep(100);
        assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
        long newPid = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).getFirst().trim());
        assertThat(newPid).isNotEqualTo(pid);
        // sessions live in an unlogged table, which crash recovery empties (docs/operations.md): log in again
        assertThat(sales.get("/api/me").status()).isEqualTo(401);
        assertThat(Api.at(port).login("sales1", "Yewu@2026").get("/api/me").status()).isEqualTo(200);
        int before = acknowledged.size();
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (acknowledged.size() < before + 50 && System.nanoTime() < deadline) Thread.sleep(10);
        writing.set(false);
        writer.join(10_000);
        assertThat(acknowledged.size()).as("writes after recovery").isGreaterThanOrEqualTo(before + 50);

        // every acknowledged write survived the crash
        List<Long> stored = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT entity_id::bigint FROM audit_log WHERE entity_type = 'crash-test'").query(Long.class).list());
        assertThat(stored).containsAll(acknowledged);

        // and the application stops within its graceful period
        long closing = System.nanoTime();
        context.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(GRACE);
        assertThat(EmbeddedDatabase.alive(newPid)).isFalse();
    }

    @Test
    void theApplicationStopsInTimeWhenTheDatabaseDiedJustBefore() throws Exception {
        Path dataDir = Files.createTempDirectory("yewu-crash-stop");
        ConfigurableApplicationContext context = start(dataDir);
        try {
            stopRightAfterACrash(context, dataDir);
        } finally {
            context.close();
        }
    }

    private void stopRightAfterACrash(ConfigurableApplicationContext context, Path dataDir) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("pgdata/postmaster.pid")).getFirst().trim());
        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
        long closing = System.nanoTime();
        context.close();
        assertThat(Duration.ofNanos(System.nanoTime() - closing)).isLessThan(GRACE);
        Thread.sleep(1000); // nothing the application started may outlive it
        Path pidFile = dataDir.resolve("pgdata/postmaster.pid");
        if (Files.exists(pidFile)) { // a server started again before the stop would have left its PID here
            long after = Long.parseLong(Files.readAllLines(pidFile).getFirst().trim());
            assertThat(EmbeddedDatabase.alive(after)).isFalse();
        }
    }
}
