package io.yewu.service;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.TwoNodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SVC-4 across nodes and restarts. Node 1 hosts the database and does not poll for due tasks (for timers the
 * application is down); timers that fall due meanwhile fire when node 2 starts; then nodes 2 and 3 both poll every
 * 100 ms and every ticket's reminder, overdue mark and escalations fire exactly once.
 */
class TicketTimersTwoNodesIT {

    private static TwoNodes nodes;
    private static ConfigurableApplicationContext node3;

    @BeforeAll
    static void start() throws IOException {
        nodes = TwoNodes.startFirst("yewu-service-two-nodes", "1h");
    }

    @AfterAll
    static void stop() {
        if (node3 != null) node3.close();
        if (nodes != null) nodes.close();
    }

    private static List<Long> tickets(Api agent, long customerId, int n) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofSeconds(3)))));
        }
        return ids;
    }

    private static long fired(JdbcClient jdbc, List<Long> ids) {
        return CompanyContext.callAsSystem(() -> jdbc.sql("SELECT count(*) FROM ticket_timer WHERE ticket_id IN (:ids) AND fired_at IS NOT NULL")
                .param("ids", ids).query(Long.class).single());
    }

    private static void eachOnce(JdbcClient jdbc, List<Long> ids) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> fired(jdbc, ids) == 3L * ids.size());
        List<Map<String, Object>> perTicket = CompanyContext.callAsSystem(() -> jdbc.sql("""
                SELECT ticket_id, count(*) FILTER (WHERE kind = 'REMINDED') AS reminded, count(*) FILTER (WHERE kind = 'OVERDUE') AS overdue,
                       count(*) FILTER (WHERE kind = 'ESCALATED') AS escalated
                FROM ticket_event WHERE ticket_id IN (:ids) GROUP BY ticket_id""").param("ids", ids).query().listOfRows());
        assertThat(perTicket).hasSize(ids.size()).allSatisfy(row -> {
            assertThat(((Number) row.get("reminded")).longValue()).as(row.toString()).isEqualTo(1);
            assertThat(((Number) row.get("overdue")).longValue()).as(row.toString()).isEqualTo(1);
            assertThat(((Number) row.get("escalated")).longValue()).as(row.toString()).isEqualTo(2);
        });
        long notices = CompanyContext.callAsSystem(() -> jdbc.sql("""
                SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = 'shiftlead' AND n.kind = 'service.ticket-escalated' AND n.link IN (:links)""")
                .param("links", ids.stream().map(id -> "/tickets/" + id).toList()).query(Long.class).single());
        assertThat(notices).isEqualTo(ids.size());
    }

    @Test
    @DisplayName("SVC-4: timers due while the application was down fire on start; with two nodes polling, each fires exactly once")
    void timersSurviveDowntimeAndFireOnceOnTwoNodes() throws InterruptedException {
        ConfigurableApplicationContext node1 = nodes.node1();
        JdbcClient jdbc = node1.getBean(JdbcClient.class);
        Api admin = Api.at(TwoNodes.port(node1)).login("admin", "Yewu@2026");
        assertThat(admin.post("/api/admin/settings/service.escalation.director-after", Map.of("value", 0.001)).status()).isIn(200, 201);
        long customerId = ServiceFixtures.customer(jdbc, "双节点商行", "13655551234", false);
        Api agent = Api.at(TwoNodes.port(node1)).login("agent1", "Yewu@2026");

        List<Long> whileDown = tickets(agent, customerId, 5);
        // every timer falls due (the director's 3.6 s after the promise) while nobody polls
        Thread.sleep(9000);
        assertThat(fired(jdbc, whileDown)).isZero();
        nodes = nodes.withSecond();
        eachOnce(jdbc, whileDown);

        node3 = nodes.extraNode("node-3");
        List<Long> twoPolling = tickets(agent, customerId, 20);
        eachOnce(jdbc, twoPolling);
        List<String> by = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT DISTINCT done_by FROM due_task WHERE kind = 'service.ticket-timer'").query(String.class).list());
        assertThat(by).isNotEmpty().isSubsetOf("node-2", "node-3");
    }
}
