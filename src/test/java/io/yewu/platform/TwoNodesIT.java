package io.yewu.platform;

import io.yewu.platform.internal.scheduling.NodeName;
import io.yewu.platform.scheduling.CompanyJob;
import io.yewu.platform.scheduling.DueTaskHandler;
import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.TwoNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application nodes on one PostgreSQL: nothing a user or a timer needs lives in one node's memory.
 */
class TwoNodesIT {

    /** While set, the every-second company job records its runs. */
    private static volatile boolean recordingJobRuns;

    /** Records which node ran each task or company job run; double runs would show as repeated keys. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Recorder {
        @Bean
        CompanyJob everySecond(JdbcClient jdbc, NodeName node) {
            return new CompanyJob() {
                @Override
                public String name() {
                    return "test.two-nodes-every-second";
                }

                @Override
                public String cron() {
                    return "* * * * * *";
                }

                @Override
                public void run(long companyId, Instant occurrence) {
                    if (!recordingJobRuns) return;
                    jdbc.sql("INSERT INTO two_nodes_fired (task_key, node) VALUES (:k, :n)")
                            .param("k", "job|" + companyId + "|" + occurrence.getEpochSecond()).param("n", node.get()).update();
                }
            };
        }

        @Bean
        DueTaskHandler twoNodesHandler(JdbcClient jdbc, NodeName node) {
            return new DueTaskHandler() {
                @Override
                public String kind() {
                    return "two-nodes";
                }

                @Override
                public void handle(io.yewu.platform.scheduling.DueTask task) {
                    jdbc.sql("INSERT INTO two_nodes_fired (task_key, node) VALUES (:k, :n)")
                            .param("k", task.key()).param("n", node.get()).update();
                }
            };
        }
    }

    private static TwoNodes nodes;
    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        nodes = TwoNodes.start("yewu-two-nodes", Recorder.class);
        node1 = nodes.node1();
        node2 = nodes.node2();
        // a scratch table for the handler, created as the owner and opened to the application role
        new SimpleOwner(nodes.dbPort(), nodes.password()).execute("""
                CREATE TABLE two_nodes_fired (task_key text NOT NULL, node text NOT NULL);
                GRANT SELECT, INSERT ON two_nodes_fired TO yewu_app""");
    }

    @AfterAll
    static void stop() {
        if (nodes != null) nodes.close();
    }

    private static int port(ConfigurableApplicationContext node) {
        return TwoNodes.port(node);
    }

    @Test
    void aSessionMadeOnOneNodeIsValidOnTheOther() throws Exception {
        Api onNode1 = Api.at(port(node1)).login("sales1", "Yewu@2026");
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port(node2) + "/api/me"))
                .header("Cookie", "SESSION=" + onNode1.sessionCookie()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(Api.JSON.readTree(me.body()).path("username").asString()).isEqualTo("sales1");
    }

    /** A user deactivated through one node is logged out at once on the other, however recently it served them. */
    @Test
    void aSessionEndsOnTheOtherNodeTheMomentTheUserIsDeactivated() throws Exception {
        Api admin = Api.at(port(node1)).login("admin", "Yewu@2026");
        long dept = admin.get("/api/me").json().path("departmentId").asLong();
        var created = admin.post("/api/admin/users", java.util.Map.of("username", "two-nodes-victim", "displayName", "受测",
                "departmentId", dept, "roles", List.of("SALESPERSON"), "password", "Passw0rd1")).json();
        Api victim = Api.at(port(node1)).login("two-nodes-victim", "Passw0rd1");
        HttpRequest onNode2 = HttpRequest.newBuilder(URI.create("http://localhost:" + port(node2) + "/api/me"))
                .header("Cookie", "SESSION=" + victim.sessionCookie()).build();
        for (int i = 0; i < 3; i++) {
            assertThat(HttpClient.newHttpClient().send(onNode2, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        assertThat(admin.put("/api/admin/users/" + created.path("id").asLong(), java.util.Map.of("displayName", "受测",
                "departmentId", dept, "roles", List.of("SALESPERSON"), "active", false,
                "version", created.path("version").asLong())).status()).isEqualTo(200);
        assertThat(HttpClient.newHttpClient().send(onNode2, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
    }

    /**
     * Issue 9: each node keeps the settings in memory; a change made through one node is in force on the other as
     * soon as the database's notification arrives, and on the writing node at once.
     */
    @Test
    void aSettingChangedOnOneNodeIsInForceOnTheOtherAtOnce() throws Exception {
        Api admin1 = Api.at(port(node1)).login("admin", "Yewu@2026");
        Api admin2 = Api.at(port(node2)).login("admin", "Yewu@2026");
        String key = "approval.reminder-hours";
        for (int i = 0; i < 2; i++) assertThat(hours(admin2, key)).isNotEqualTo(37); // node 2 has it in memory now
        Api.Response changed = admin1.post("/api/admin/settings/" + key, Map.of("value", 37));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(hours(admin1, key)).as("the writing node, at once").isEqualTo(37);
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(hours(admin2, key)).as("the other node").isEqualTo(37));
    }

    /**
     * Issue 9: each node keeps the business calendar in memory; a day changed through one node counts on the other
     * as soon as the database's notification arrives, and on the writing node at once.
     */
    @Test
    void aCalendarDayChangedOnOneNodeCountsOnTheOtherAtOnce() {
        Api admin1 = Api.at(port(node1)).login("admin", "Yewu@2026");
        JdbcClient jdbc = node1.getBean(JdbcClient.class);
        long company = CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'")
                .query(Long.class).single());
        var onNode1 = node1.getBean(io.yewu.platform.calendar.BusinessCalendar.class);
        var onNode2 = node2.getBean(io.yewu.platform.calendar.BusinessCalendar.class);
        java.time.LocalDate day = java.time.LocalDate.of(2031, 3, 12); // a Wednesday, no official schedule that far
        for (int i = 0; i < 2; i++) { // node 2 has the calendar in memory now
            assertThat(CompanyContext.callAs(company, () -> onNode2.calendar().isWorkingDay(day))).isTrue();
        }
        try {
            Api.Response off = admin1.put("/api/admin/calendar/days/" + day, Map.of("off", true, "name", "两节点测试"));
            assertThat(off.status()).as(off.body()).isEqualTo(204);
            assertThat(CompanyContext.callAs(company, () -> onNode1.calendar().isWorkingDay(day))).as("the writing node, at once").isFalse();
            await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                    assertThat(CompanyContext.callAs(company, () -> onNode2.calendar().isWorkingDay(day))).as("the other node").isFalse());
        } finally {
            assertThat(admin1.delete("/api/admin/calendar/days/" + day).status()).isEqualTo(204);
        }
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20)).untilAsserted(() ->
                assertThat(CompanyContext.callAs(company, () -> onNode2.calendar().isWorkingDay(day))).isTrue());
    }

    private static int hours(Api admin, String key) {
        for (var s : admin.get("/api/admin/settings").json()) {
            if (key.equals(s.path("key").asString())) return s.path("value").asInt();
        }
        throw new AssertionError("no setting " + key);
    }

    @Test
    void eachDueTaskFiresExactlyOnceWhileBothNodesPoll() {
        JdbcClient jdbc = node1.getBean(JdbcClient.class);
        long company = CompanyContext.callAsSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'")
                .query(Long.class).single());
        DueTasks dueTasks = node1.getBean(DueTasks.class);
        TransactionTemplate tx = node1.getBean(TransactionTemplate.class);
        Instant now = Instant.now();
        CompanyContext.runAs(company, () -> tx.executeWithoutResult(s -> {
            for (int i = 0; i < 50; i++) dueTasks.schedule("two-nodes", "task-" + i, now, Map.of());
        }));

        await().atMost(Duration.ofSeconds(30)).until(() -> CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT count(*) FROM due_task WHERE kind = 'two-nodes' AND status = 'DONE'").query(Long.class).single()) == 50);

        List<Map<String, Object>> perKey = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT task_key, count(*) AS runs FROM two_nodes_fired WHERE task_key LIKE 'task-%' GROUP BY task_key")
                .query().listOfRows());
        assertThat(perKey).hasSize(50).allSatisfy(row -> assertThat(((Number) row.get("runs")).longValue()).isEqualTo(1));
        List<String> nodes = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT DISTINCT done_by FROM due_task WHERE kind = 'two-nodes'").query(String.class).list());
        assertThat(nodes).isSubsetOf("node-1", "node-2");
        List<String> handledBy = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT DISTINCT node FROM two_nodes_fired WHERE task_key LIKE 'task-%'").query(String.class).list());
        assertThat(handledBy).containsExactlyInAnyOrderElementsOf(nodes);
    }

    @Test
    void eachCompanysOccurrenceOfACompanyJobRunsExactlyOnceWhileBothNodesSchedule() {
        JdbcClient jdbc = node1.getBean(JdbcClient.class);
        recordingJobRuns = true;
        try {
            // a job due every second on two db-schedulers polling every 100 ms
            await().atMost(Duration.ofSeconds(60)).until(() -> CompanyContext.callAsSystem(() -> jdbc.sql(
                    "SELECT count(DISTINCT task_key) FROM two_nodes_fired WHERE task_key LIKE 'job|%'").query(Long.class).single()) >= 8);
        } finally {
            recordingJobRuns = false;
        }
        List<Map<String, Object>> perRun = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT task_key, count(*) AS runs FROM two_nodes_fired WHERE task_key LIKE 'job|%' GROUP BY task_key")
                .query().listOfRows());
        assertThat(perRun).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(row -> assertThat(((Number) row.get("runs")).longValue()).as(row.toString()).isEqualTo(1));
        List<String> nodes = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT DISTINCT node FROM job_run WHERE job = 'test.two-nodes-every-second'").query(String.class).list());
        assertThat(nodes).isNotEmpty().isSubsetOf("node-1", "node-2");
        long notDone = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT count(*) FROM job_run WHERE job = 'test.two-nodes-every-second' AND status <> 'DONE'").query(Long.class).single());
        assertThat(notDone).isZero();
    }

    /** Runs DDL as the database owner, outside the application's pool and its company wall. */
    private record SimpleOwner(int port, String password) {
        void execute(String sql) {
            try (var c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", password);
                 var st = c.createStatement()) {
                st.execute(sql);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
