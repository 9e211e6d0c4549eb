package io.yewu.service;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-10: the shift lead keeps a month's roster of the desk; the board shows who is on the shift that is on now. */
class ShiftRosterIT extends IntegrationTest {

    private JsonNode agentRow(JsonNode page, long userId) {
        for (JsonNode r : page.path("items")) if (r.path("userId").asLong() == userId) return r;
        throw new AssertionError("no row for user " + userId);
    }

    @Test
    @DisplayName("SVC-10: day, night and rest days per agent for a month, kept by the shift lead")
    void monthGrid() {
        Api lead = login("shiftlead");
        long agent1 = ServiceFixtures.userId(jdbc, "agent1");
        YearMonth next = YearMonth.now(ServiceFixtures.SH).plusMonths(1);
        // the demo rosters next month, and other tests may roster agent1 in it: the counts are checked against what
        // the other days already held
        int[] elsewhere = {0, 0};
        for (JsonNode r : lead.get("/api/shift/roster?size=200&month=" + next).json().path("items")) {
            if (r.path("userId").asLong() != agent1) continue;
            for (var day : r.path("days").properties()) {
                if (Integer.parseInt(day.getKey()) <= 4) continue;
                if ("NIGHT".equals(day.getValue().asString())) elsewhere[0]++;
                if ("REST".equals(day.getValue().asString())) elsewhere[1]++;
            }
        }
        var saved = lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", agent1, "day", next.atDay(1).toString(), "shift", "DAY"),
                Map.of("userId", agent1, "day", next.atDay(2).toString(), "shift", "NIGHT"),
                Map.of("userId", agent1, "day", next.atDay(3).toString(), "shift", "REST"),
                Map.of("userId", agent1, "day", next.atDay(4).toString(), "shift", "DAY"))));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        // a cell set again replaces it; an empty shift clears it
        assertThat(lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", agent1, "day", next.atDay(4).toString(), "shift", ""),
                Map.of("userId", agent1, "day", next.atDay(1).toString(), "shift", "NIGHT")))).status()).isEqualTo(200);
        JsonNode grid = lead.get("/api/shift/roster?size=200&month=" + next).json();
        JsonNode row = agentRow(grid, agent1);
        assertThat(row.path("days").path("1").asString()).isEqualTo("NIGHT");
        assertThat(row.path("days").path("2").asString()).isEqualTo("NIGHT");
        assertThat(row.path("days").path("3").asString()).isEqualTo("REST");
        assertThat(row.path("days").has("4")).isFalse();
        assertThat(row.path("nightShifts").asInt()).isEqualTo(elsewhere[0] + 2);
        assertThat(row.path("restDays").asInt()).isEqualTo(elsewhere[1] + 1);
        assertThat(lead.get("/api/shift/roster/export?month=" + next).status()).isEqualTo(200);
        // the service director reads it; only the shift lead keeps it; agents never see it
        Api director = login("servicedir");
        assertThat(director.get("/api/shift/roster?month=" + next).status()).isEqualTo(200);
        assertThat(director.post("/api/shift/roster", Map.of("entries", List.of())).status()).isEqualTo(403);
        assertThat(login("agent1").get("/api/shift/roster").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("SVC-10: only the desk is rostered, on valid days and shifts")
    void refusals() {
        Api lead = login("shiftlead");
        String day = LocalDate.now(ServiceFixtures.SH).toString();
        var notDesk = lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", ServiceFixtures.userId(jdbc, "sales1"), "day", day, "shift", "DAY"))));
        assertThat(notDesk.status()).isEqualTo(422);
        assertThat(notDesk.body()).contains("entries[0].userId");
        var badShift = lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", ServiceFixtures.userId(jdbc, "agent1"), "day", day, "shift", "EVENING"))));
        assertThat(badShift.body()).contains("entries[0].shift");
        var farAway = lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", ServiceFixtures.userId(jdbc, "agent1"), "day", LocalDate.now().plusYears(1).toString(), "shift", "DAY"))));
        assertThat(farAway.body()).contains("entries[0].day");
        assertThat(lead.post("/api/shift/roster", Map.of()).status()).isEqualTo(422);
        assertThat(lead.get("/api/shift/roster?month=2026-13").status()).isEqualTo(422);
    }

    @Test
    @DisplayName("SVC-10: the board shows who is rostered on the shift that is on now")
    void onDutyNow() {
        Api lead = login("shiftlead");
        long agent2 = ServiceFixtures.userId(jdbc, "agent2");
        LocalTime now = OffsetDateTime.now(ServiceFixtures.SH).toLocalTime();
        // with the default 08:00 / 20:00 shifts, the small hours belong to yesterday's night shift
        LocalDate rosterDay = LocalDate.now(ServiceFixtures.SH).minusDays(now.isBefore(LocalTime.of(8, 0)) ? 1 : 0);
        String shift = !now.isBefore(LocalTime.of(8, 0)) && now.isBefore(LocalTime.of(20, 0)) ? "DAY" : "NIGHT";
        assertThat(lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", agent2, "day", rosterDay.toString(), "shift", shift)))).status()).isEqualTo(200);
        JsonNode onDuty = lead.get("/api/shift/on-duty").json();
        assertThat(onDuty.path("shift").asString()).isEqualTo(shift);
        assertThat(onDuty.path("rosterDay").asString()).isEqualTo(rosterDay.toString());
        assertThat(onDuty.path("names").toString()).contains(displayName(agent2));
        assertThat(onDuty.path("why").asString()).isNotBlank();
        assertThat(lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", agent2, "day", rosterDay.toString(), "shift", "REST")))).status()).isEqualTo(200);
        assertThat(lead.get("/api/shift/on-duty").json().path("names").toString()).doesNotContain(displayName(agent2));
    }

    private String displayName(long userId) {
        return asSystem(() -> jdbc.sql("SELECT display_name FROM app_user WHERE id = :id").param("id", userId).query(String.class).single());
    }
}
