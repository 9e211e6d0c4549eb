package io.yewu.service;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;

import static io.yewu.service.ServiceFixtures.SH;
import static org.assertj.core.api.Assertions.assertThat;

/** The return-visit desk over HTTP (SVC-6 … SVC-8). Call hours are opened around the test's clock unless a test closes them. */
class ReturnVisitIT extends IntegrationTest {

    private Api admin;
    private Api agent;
    private Api desk;
    private long customerId;

    @BeforeEach
    void setUp() {
        admin = login("admin");
        agent = login("agent1");
        desk = login("revisit");
        customerId = ServiceFixtures.customer(jdbc, "百顺超市" + System.nanoTime() % 100000, "1370000" + (1000 + System.nanoTime() % 9000), false);
        callHours("00:00", "23:59");
    }

    @AfterEach
    void restore() {
        callHours("09:00", "20:00");
    }

    private void callHours(String from, String until) {
        assertThat(admin.post("/api/admin/settings/service.calls.from", Map.of("value", from)).status()).isIn(200, 201);
        assertThat(admin.post("/api/admin/settings/service.calls.until", Map.of("value", until)).status()).isIn(200, 201);
    }

    /** A complaint resolved by its owner: its return visit's id. */
    private long visitForComplaint() {
        long id = ServiceFixtures.created(agent.post("/api/tickets", ServiceFixtures.promised(customerId, "COMPLAINT", Duration.ofHours(4))));
        var done = agent.post("/api/tickets/" + id + "/resolve", ServiceFixtures.complaintResolution());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        return done.json().path("returnVisits").get(0).path("id").asLong();
    }

    private long ticketOf(long visitId) {
        return asSystem(() -> jdbc.sql("SELECT ticket_id FROM return_visit WHERE id = :id").param("id", visitId).query(Long.class).single());
    }

    @Test
    @DisplayName("SVC-6: the desk's queue lists visits due by deadline; agents have no access to it")
    void queue() {
        long visit = visitForComplaint();
        var queue = desk.get("/api/return-visits?size=200");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body()).contains("\"id\":" + visit);
        var items = queue.json().path("items");
        for (int i = 1; i < items.size(); i++) {
            assertThat(OffsetDateTime.parse(items.get(i - 1).path("dueAt").asString()))
                    .isBeforeOrEqualTo(OffsetDateTime.parse(items.get(i).path("dueAt").asString()).plusYears(1));
        }
        assertThat(agent.get("/api/return-visits").status()).isEqualTo(403);
        assertThat(desk.get("/api/return-visits/export").status()).isEqualTo(200);
        assertThat(desk.get("/api/return-visits/99999999").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("SVC-7: not solved reopens the ticket with the written feedback, told to the service director")
    void notSolvedReopens() {
        long visit = visitForComplaint();
        long ticket = ticketOf(visit);
        assertThat(desk.post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "REACHED")).status()).isEqualTo(200);
        var noSatisfaction = desk.post("/api/return-visits/" + visit + "/close", Map.of("result", "NOT_SOLVED", "feedback", "仍未补发"));
        assertThat(noSatisfaction.status()).isEqualTo(422);
        assertThat(noSatisfaction.body()).contains("satisfaction");
        var closed = desk.post("/api/return-visits/" + visit + "/close", Map.of("result", "NOT_SOLVED", "satisfaction", 2, "feedback", "仍未补发"));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        var t = agent.get("/api/tickets/" + ticket).json();
        assertThat(t.path("state").asString()).isEqualTo("OPEN");
        assertThat(t.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(t.toString()).contains("REOPENED").contains("仍未补发");
        assertThat(t.path("timers")).hasSize(6);
        long told = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = 'servicedir' AND n.kind = 'service.ticket-reopened' AND n.link = :l""")
                .param("l", "/tickets/" + ticket).query(Long.class).single());
        assertThat(told).isEqualTo(1);
        assertThat(desk.post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "REACHED")).status()).isEqualTo(409);
    }

    @Test
    @DisplayName("SVC-7: solved with satisfaction closes the ticket")
    void solvedCloses() {
        long visit = visitForComplaint();
        var closed = desk.post("/api/return-visits/" + visit + "/close", Map.of("result", "SOLVED", "satisfaction", 5));
        assertThat(closed.status()).as(closed.body()).isEqualTo(200);
        assertThat(agent.get("/api/tickets/" + ticketOf(visit)).json().path("state").asString()).isEqualTo("CLOSED");
    }

    @Test
    @DisplayName("SVC-8: unreachable only after 3 failed attempts, each logged; wrong contact after a wrong-number attempt; booked callback")
    void unreachable() {
        long visit = visitForComplaint();
        desk.post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "NO_ANSWER"));
        desk.post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "BUSY"));
        var early = desk.post("/api/return-visits/" + visit + "/close", Map.of("result", "UNREACHABLE"));
        assertThat(early.status()).isEqualTo(422);
        assertThat(early.body()).contains("3");
        assertThat(desk.post("/api/return-visits/" + visit + "/close", Map.of("result", "WRONG_CONTACT")).status()).isEqualTo(422);
        var noTime = desk.post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "CALLBACK"));
        assertThat(noTime.status()).isEqualTo(422);
        var booked = desk.post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "CALLBACK",
                "callbackAt", OffsetDateTime.now(SH).plusMinutes(2).toString()));
        assertThat(booked.status()).as(booked.body()).isEqualTo(200);
        assertThat(booked.json().path("visit").path("state").asString()).isEqualTo("CALLBACK");
        desk.post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "NO_ANSWER"));
        var done = desk.post("/api/return-visits/" + visit + "/close", Map.of("result", "UNREACHABLE"));
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("attempts")).hasSize(4);
        assertThat(done.json().path("visit").path("state").asString()).isEqualTo("UNREACHABLE");

        long other = visitForComplaint();
        desk.post("/api/return-visits/" + other + "/attempts", Map.of("outcome", "WRONG_NUMBER"));
        assertThat(desk.post("/api/return-visits/" + other + "/close", Map.of("result", "WRONG_CONTACT")).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("SVC-6: no call in quiet hours: an attempt outside the call window is refused and nothing is logged")
    void quietHours() {
        long visit = visitForComplaint();
        int hour = OffsetDateTime.now(SH).getHour();
        if (hour < 22) callHours(LocalTime.of(hour + 1, 0).toString(), "23:59");
        else callHours("00:00", LocalTime.of(hour - 1, 0).toString());
        var refused = desk.post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "NO_ANSWER"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("免打扰");
        assertThat(desk.language("en").post("/api/return-visits/" + visit + "/attempts", Map.of("outcome", "NO_ANSWER")).body()).contains("quiet hours");
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM return_visit_attempt WHERE visit_id = :v").param("v", visit)
                .query(Long.class).single())).isZero();
    }
}
