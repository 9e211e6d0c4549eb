package io.yewu.service;

import io.yewu.platform.scheduling.DueTasks;
import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SVC-4 on the real scheduler: a promise a few seconds ahead, the director's delay set to seconds. Each timer fires
 * once and on time; a redelivered task does nothing; a resolved ticket's timers never fire; timers keep the
 * settings version in force at receipt.
 */
class TicketTimersIT extends IntegrationTest {

    @Autowired
    DueTasks dueTasks;
    @Autowired
    TransactionTemplate tx;

    private Api admin;
    private Api agent;
    private long customerId;

    @BeforeEach
    void setUp() {
        admin = login("admin");
        agent = login("agent1");
        customerId = ServiceFixtures.customer(jdbc, "兴隆商行" + System.nanoTime() % 100000, "1390000" + (1000 + System.nanoTime() % 9000), true);
    }

    @AfterEach
    void restore() {
        admin.post("/api/admin/settings/service.escalation.director-after", Map.of("value", 24));
    }

    private long events(long ticketId, String kind) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM ticket_event WHERE ticket_id = :t AND kind = :k")
                .param("t", ticketId).param("k", kind).query(Long.class).single());
    }

    private long notices(String username, String kind, long ticketId) {
        return asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = :u AND n.kind = :k AND n.link = :l""")
                .param("u", username).param("k", kind).param("l", "/tickets/" + ticketId).query(Long.class).single());
    }

    private OffsetDateTime timerDue(long ticketId, String kind) {
        return asSystem(() -> jdbc.sql("SELECT due_at FROM ticket_timer WHERE ticket_id = :t AND kind = :k AND cycle = 1")
                .param("t", ticketId).param("k", kind).query(OffsetDateTime.class).single());
    }

    @Test
    @DisplayName("SVC-4: reminder at 75 %, overdue to the shift lead, then the service director; each once, on time")
    void timersFireOnceAndOnTime() {
        // received before the change: its director timer keeps 24 h (settings in force at receipt)
        long before = ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(2))));
        var set = admin.post("/api/admin/settings/service.escalation.director-after", Map.of("value", 0.002));
        assertThat(set.status()).as(set.body()).isIn(200, 201);
        long id = ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofSeconds(4))));
        assertThat(Duration.between(timerDue(before, "OVERDUE"), timerDue(before, "DIRECTOR"))).isEqualTo(Duration.ofHours(24));
        assertThat(Duration.between(timerDue(id, "OVERDUE"), timerDue(id, "DIRECTOR")).toMillis()).isBetween(7000L, 7400L);

        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300)).until(() -> events(id, "ESCALATED") >= 2);
        Map<String, Object> t = asSystem(() -> jdbc.sql("SELECT escalation_level, reminded_at, overdue_at, promised_at FROM ticket WHERE id = :id")
                .param("id", id).query().singleRow());
        assertThat(t.get("escalation_level")).isEqualTo("SERVICE_DIRECTOR");
        // on time: every timer fired within a minute of its due time (here: seconds)
        var fired = asSystem(() -> jdbc.sql("SELECT kind, due_at, fired_at FROM ticket_timer WHERE ticket_id = :id").param("id", id).query().listOfRows());
        assertThat(fired).hasSize(3).allSatisfy(r -> {
            Instant due = ((java.sql.Timestamp) r.get("due_at")).toInstant();
            Instant at = ((java.sql.Timestamp) r.get("fired_at")).toInstant();
            assertThat(Duration.between(due, at)).isBetween(Duration.ZERO, Duration.ofMinutes(1));
        });
        assertThat(notices("agent1", "service.ticket-reminder", id)).isEqualTo(1);
        assertThat(notices("shiftlead", "service.ticket-escalated", id)).isEqualTo(1);
        assertThat(notices("servicedir", "service.ticket-escalated", id)).isEqualTo(1);

        // a redelivered task (same payload) finds its timer fired and does nothing
        long company = ServiceFixtures.demoCompany(jdbc);
        CompanyContext.runAs(company, () -> tx.executeWithoutResult(s -> dueTasks.schedule("service.ticket-timer", "again-" + id,
                Instant.now(), Map.of("ticketId", id, "cycle", 1, "timer", "OVERDUE"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> asSystem(() -> jdbc.sql(
                "SELECT count(*) FROM due_task WHERE task_key = :k AND status = 'DONE'").param("k", "again-" + id).query(Long.class).single()) == 1);
        assertThat(events(id, "REMINDED")).isEqualTo(1);
        assertThat(events(id, "OVERDUE")).isEqualTo(1);
        assertThat(events(id, "ESCALATED")).isEqualTo(2);
        assertThat(notices("shiftlead", "service.ticket-escalated", id)).isEqualTo(1);

        // the ticket shows the overdue mark and the decision that escalated it
        var detail = agent.get("/api/tickets/" + id).json();
        assertThat(detail.path("overdueAt").isNull()).isFalse();
        assertThat(detail.toString()).contains("已超过承诺答复时间").contains("超时后仍未办结");
        // still waiting: the ticket received before the change
        assertThat(events(before, "ESCALATED")).isZero();
    }

    @Test
    @DisplayName("SVC-4: timers that fell due while the application was down fire in one pass, in due order, each once")
    void timersMissedDuringDowntimeFireTogether() {
        long id = ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(2))));
        long resolved = ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(2))));
        // the application was down past all three due times: they are due together now (the resolved ticket's were
        // cancelled, as resolving does; a task that still runs for them must do nothing)
        assertThat(agent.post("/api/tickets/" + resolved + "/resolve", Map.of("resolution", "已答复")).status()).isEqualTo(200);
        long company = ServiceFixtures.demoCompany(jdbc);
        CompanyContext.runAs(company, () -> tx.executeWithoutResult(s -> {
            for (String timer : new String[] {"REMIND", "OVERDUE", "DIRECTOR"}) {
                dueTasks.schedule("service.ticket-timer", "late-" + resolved + "-" + timer, Instant.now().minusSeconds(60),
                        Map.of("ticketId", resolved, "cycle", 1, "timer", timer));
            }
            jdbc.sql("""
                    UPDATE due_task SET due_at = now() - interval '1 minute' * (4 - CASE split_part(task_key, ':', 4)
                           WHEN 'REMIND' THEN 1 WHEN 'OVERDUE' THEN 2 ELSE 3 END)
                    WHERE kind = 'service.ticket-timer' AND task_key LIKE :k AND status = 'PENDING'""")
                    .param("k", "ticket:" + id + ":1:%").update();
        }));

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> events(id, "ESCALATED") >= 2);
        List<String> steps = asSystem(() -> jdbc.sql("SELECT kind FROM ticket_event WHERE ticket_id = :t AND kind <> 'CREATED' ORDER BY id")
                .param("t", id).query(String.class).list());
        assertThat(steps).containsSubsequence("REMINDED", "OVERDUE", "ESCALATED", "ESCALATED");
        assertThat(steps.stream().filter(k -> List.of("REMINDED", "OVERDUE", "ESCALATED").contains(k))).hasSize(4);
        Map<String, Object> t = asSystem(() -> jdbc.sql("""
                SELECT escalation_level, escalation_count, reminded_at IS NOT NULL AS reminded, overdue_at IS NOT NULL AS overdue
                FROM ticket WHERE id = :id""").param("id", id).query().singleRow());
        assertThat(t).containsEntry("escalation_level", "SERVICE_DIRECTOR").containsEntry("escalation_count", 2)
                .containsEntry("reminded", true).containsEntry("overdue", true);
        // each step keeps the decision that made it: the reminder's, then the two escalations (shift lead, director)
        List<String> decided = asSystem(() -> jdbc.sql("""
                SELECT d.kind || ':' || d.outcome FROM ticket_event e JOIN decision_record d ON d.id = e.decision_id
                WHERE e.ticket_id = :t AND e.kind IN ('REMINDED', 'ESCALATED') ORDER BY e.id""").param("t", id).query(String.class).list());
        assertThat(decided).containsExactly("reminder:NONE", "escalation:SHIFT_LEAD", "escalation:SERVICE_DIRECTOR");
        assertThat(notices("agent1", "service.ticket-reminder", id)).isEqualTo(1);
        assertThat(notices("shiftlead", "service.ticket-escalated", id)).isEqualTo(1);
        assertThat(notices("servicedir", "service.ticket-escalated", id)).isEqualTo(1);
        assertThat(events(resolved, "REMINDED") + events(resolved, "ESCALATED") + events(resolved, "OVERDUE")).isZero();
    }

    @Test
    @DisplayName("SVC-4: a marketing-level complaint goes on to the marketing director")
    void marketingLevelComplaint() {
        admin.post("/api/admin/settings/service.escalation.director-after", Map.of("value", 0.001));
        var body = new HashMap<>(ServiceFixtures.promised(customerId, "COMPLAINT", Duration.ofSeconds(3)));
        body.put("marketingLevel", true);
        long id = ServiceFixtures.created(agent.post("/api/tickets", body));
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300)).until(() -> asSystem(() -> jdbc.sql(
                "SELECT escalation_level FROM ticket WHERE id = :id").param("id", id).query(String.class).single()).equals("MARKETING_DIRECTOR"));
        assertThat(notices("mktdir", "service.ticket-escalated", id)).isEqualTo(1);
        assertThat(login("mktdir").get("/api/tickets/" + id).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("SVC-4: a ticket resolved before its promise never reminds or escalates")
    void resolvedTicketsStayQuiet() throws InterruptedException {
        long id = ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofSeconds(3))));
        assertThat(agent.post("/api/tickets/" + id + "/resolve", Map.of("resolution", "已答复")).status()).isEqualTo(200);
        Thread.sleep(6000);
        assertThat(events(id, "REMINDED")).isZero();
        assertThat(events(id, "ESCALATED")).isZero();
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM ticket_timer WHERE ticket_id = :id AND cancelled_at IS NOT NULL")
                .param("id", id).query(Long.class).single())).isEqualTo(3);
    }
}
