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
 * SVC-4 on two application nodes sharing one PostgreSQL, both polling for due tasks every 100 ms: every ticket's
 * reminder, overdue mark and escalations fire exactly once.
 */
class TicketTimersTwoNodesIT {

    private static TwoNodes nodes;
    private static ConfigurableApplicationContext node1;
    private static ConfigurableApplicationContext node2;

    @BeforeAll
    static void startTwoNodes() throws IOException {
        nodes = TwoNodes.start("yewu-service-two-nodes");
        node1 = nodes.node1();
        node2 = nodes.node2();
    }

    @AfterAll
    static void stop() {
        if (nodes != null) nodes.close();
    }

    private static int port(ConfigurableApplicationContext node) {
        return TwoNodes.port(node);
    }

    @Test
    @DisplayName("SVC-4: with two nodes polling, each ticket's timers fire exactly once")
    void eachTimerFiresOnceOnTwoNodes() {
        JdbcClient jdbc = node1.getBean(JdbcClient.class);
        Api admin = Api.at(port(node2)).login("admin", "Yewu@2026");
        assertThat(admin.post("/api/admin/settings/service.escalation.director-after", Map.of("value", 0.001)).status()).isIn(200, 201);
        long customerId = ServiceFixtures.customer(jdbc, "双节点商行", "13655551234", false);
        Api agent = Api.at(port(node1)).login("agent1", "Yewu@2026");
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofSeconds(3)))));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT count(*) FROM ticket_timer WHERE ticket_id IN (:ids) AND fired_at IS NOT NULL").param("ids", ids).query(Long.class).single()) == 30);
        List<Map<String, Object>> perTicket = CompanyContext.callAsSystem(() -> jdbc.sql("""
                SELECT ticket_id, count(*) FILTER (WHERE kind = 'REMINDED') AS reminded, count(*) FILTER (WHERE kind = 'OVERDUE') AS overdue,
                       count(*) FILTER (WHERE kind = 'ESCALATED') AS escalated
                FROM ticket_event WHERE ticket_id IN (:ids) GROUP BY ticket_id""").param("ids", ids).query().listOfRows());
        assertThat(perTicket).hasSize(10).allSatisfy(row -> {
            assertThat(((Number) row.get("reminded")).longValue()).as(row.toString()).isEqualTo(1);
            assertThat(((Number) row.get("overdue")).longValue()).as(row.toString()).isEqualTo(1);
            assertThat(((Number) row.get("escalated")).longValue()).as(row.toString()).isEqualTo(2);
        });
        long notices = CompanyContext.callAsSystem(() -> jdbc.sql("""
                SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = 'shiftlead' AND n.kind = 'service.ticket-escalated' AND n.link IN (:links)""")
                .param("links", ids.stream().map(id -> "/tickets/" + id).toList()).query(Long.class).single());
        assertThat(notices).isEqualTo(10);
        List<String> nodes = CompanyContext.callAsSystem(() -> jdbc.sql(
                "SELECT DISTINCT done_by FROM due_task WHERE kind = 'service.ticket-timer'").query(String.class).list());
        assertThat(nodes).isNotEmpty().isSubsetOf("node-1", "node-2");
    }
}
