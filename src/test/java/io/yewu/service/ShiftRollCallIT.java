package io.yewu.service;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-10: the roll call before a shift (点名点评), how busy each shift is, and the lead reassigning seats. */
class ShiftRollCallIT extends IntegrationTest {

    private static JsonNode seat(JsonNode shiftLoad, long userId) {
        return shiftLoad.path("seats").valueStream().filter(s -> s.path("userId").asLong() == userId).findFirst().orElse(null);
    }

    private static JsonNode shift(JsonNode busyness, String shift) {
        return busyness.path("shifts").valueStream().filter(s -> s.path("shift").asString().equals(shift)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("SVC-10: the lead sees the roster of the shift to roll-call, the roll-call time before it and the recent QC findings, and records who was there once")
    void rollCall() {
        Api lead = login("shiftlead");
        JsonNode plan = lead.get("/api/shift/roll-call").json();
        LocalDate day = LocalDate.parse(plan.path("shiftDay").asString());
        String shift = plan.path("shift").asString();
        assertThat(LocalDateTime.parse(plan.path("rollCallAt").asString()))
                .isEqualTo(LocalDateTime.parse(plan.path("startsAt").asString()).minusMinutes(10));
        assertThat(plan.path("why").asString()).contains("10 分钟");
        assertThat(plan.path("findings").isArray()).isTrue();
        long agent1 = ServiceFixtures.userId(jdbc, "agent1");
        long agent2 = ServiceFixtures.userId(jdbc, "agent2");
        assertThat(lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", agent1, "day", day.toString(), "shift", shift)))).status()).isEqualTo(200);
        assertThat(lead.get("/api/shift/roll-call").json().path("agents").valueStream().map(a -> a.path("userId").asLong()))
                .contains(agent1);

        // a shift of its own: yesterday's night shift
        LocalDate yesterday = LocalDate.now(ServiceFixtures.SH).minusDays(1);
        Map<String, Object> body = Map.of("shiftDay", yesterday.toString(), "shift", "NIGHT", "review", "注意语音语调",
                "lines", List.of(Map.of("userId", agent1, "present", true), Map.of("userId", agent2, "present", false)));
        var made = lead.post("/api/shift/roll-calls", body);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        var twice = lead.post("/api/shift/roll-calls", body);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body()).contains("该班次的点名点评已记录");

        JsonNode row = lead.get("/api/shift/roll-calls?from=" + yesterday + "&to=" + yesterday).json().path("items").valueStream()
                .filter(r -> r.path("id").asLong() == id).findFirst().orElseThrow();
        assertThat(row.path("present").asInt()).isEqualTo(1);
        assertThat(row.path("absent").asInt()).isEqualTo(1);
        assertThat(row.path("absentNames").asString()).isNotBlank();
        assertThat(row.path("review").asString()).isEqualTo("注意语音语调");
        assertThat(lead.get("/api/shift/roll-calls?from=" + yesterday.plusDays(5)).json().path("items").toString()).doesNotContain("\"id\":" + id + ",");
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'shift-roll-call' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single())).isEqualTo(1);
        List<List<String>> sheet = Xlsx.download(port, lead, "/api/shift/roll-calls/export", "zh-CN");
        assertThat(sheet.getFirst()).contains("缺勤人员", "点评");
        assertThat(sheet).anySatisfy(r -> assertThat(r).contains("夜班", "注意语音语调"));

        // bad input, with the field named; other roles
        var bad = lead.post("/api/shift/roll-calls", Map.of("shiftDay", yesterday.minusDays(5).toString(), "shift", "EVENING",
                "lines", List.of(Map.of("userId", ServiceFixtures.userId(jdbc, "sales1"), "present", true), Map.of("userId", agent1))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("shiftDay", "shift", "lines[0].userId", "lines[1].present", "不是客服座席人员");
        assertThat(lead.post("/api/shift/roll-calls", Map.of("shiftDay", yesterday.toString(), "shift", "DAY")).body()).contains("lines");
        assertThat(login("servicedir").post("/api/shift/roll-calls", body).status()).isEqualTo(403);
        assertThat(login("servicedir").get("/api/shift/roll-call").status()).isEqualTo(200);
        assertThat(login("agent1").get("/api/shift/roll-calls").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("SVC-10: tickets received and open per shift and per agent on it; the lead moves a seat to the other shift with the version seen")
    void busynessAndSeats() {
        Api lead = login("shiftlead");
        LocalDate day = LocalDate.now(ServiceFixtures.SH).plusDays(40);
        long agent1 = ServiceFixtures.userId(jdbc, "agent1");
        long agent2 = ServiceFixtures.userId(jdbc, "agent2");
        assertThat(lead.post("/api/shift/roster", Map.of("entries", List.of(
                Map.of("userId", agent1, "day", day.toString(), "shift", "DAY"),
                Map.of("userId", agent2, "day", day.toString(), "shift", "NIGHT")))).status()).isEqualTo(200);
        TicketFixture.ticket(jdbc, "agent1", "INQUIRY", day.atTime(9, 0).atZone(ServiceFixtures.SH).toInstant());
        TicketFixture.ticket(jdbc, "agent2", "INQUIRY", day.atTime(21, 0).atZone(ServiceFixtures.SH).toInstant());
        TicketFixture.ticket(jdbc, "agent2", "INQUIRY", day.plusDays(1).atTime(3, 0).atZone(ServiceFixtures.SH).toInstant());

        JsonNode b = lead.get("/api/shift/busyness?day=" + day).json();
        assertThat(shift(b, "DAY").path("received").asLong()).isEqualTo(1);
        assertThat(shift(b, "NIGHT").path("received").asLong()).isEqualTo(2);
        assertThat(seat(shift(b, "DAY"), agent1).path("received").asLong()).isEqualTo(1);
        JsonNode night2 = seat(shift(b, "NIGHT"), agent2);
        assertThat(night2.path("received").asLong()).isEqualTo(2);
        int version = seat(shift(b, "DAY"), agent1).path("version").asInt();

        var moved = lead.post("/api/shift/roster/reassign", Map.of("userId", agent1, "day", day.toString(), "shift", "NIGHT", "version", version));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("version").asInt()).isEqualTo(version + 1);
        JsonNode after = lead.get("/api/shift/busyness?day=" + day).json();
        assertThat(seat(shift(after, "DAY"), agent1)).isNull();
        assertThat(seat(shift(after, "NIGHT"), agent1)).isNotNull();
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'shift-roster' AND action = 'reassigned' AND entity_id = :id")
                .param("id", String.valueOf(agent1)).query(Long.class).single())).isGreaterThanOrEqualTo(1);

        var stale = lead.post("/api/shift/roster/reassign", Map.of("userId", agent1, "day", day.toString(), "shift", "REST", "version", version));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.body()).contains("该记录已被他人修改");
        var same = lead.post("/api/shift/roster/reassign", Map.of("userId", agent1, "day", day.toString(), "shift", "NIGHT", "version", version + 1));
        assertThat(same.status()).isEqualTo(422);
        assertThat(same.body()).contains("当天已是这个班次");
        var bad = lead.language("en").post("/api/shift/roster/reassign", Map.of("userId", ServiceFixtures.userId(jdbc, "sales1"),
                "day", day.plusYears(1).toString(), "shift", "EVENING"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("userId", "day", "shift", "version", "Not on the service desk");
        assertThat(lead.post("/api/shift/roster/reassign", Map.of("userId", agent1, "day", day.plusDays(1).toString(), "shift", "DAY", "version", 0))
                .status()).isEqualTo(404);
        assertThat(login("servicedir").post("/api/shift/roster/reassign", Map.of()).status()).isEqualTo(403);
        assertThat(login("servicedir").get("/api/shift/busyness").status()).isEqualTo(200);
        assertThat(login("agent1").get("/api/shift/busyness").status()).isEqualTo(403);
        assertThat(lead.get("/api/shift/busyness?day=nope").status()).isIn(400, 422);
    }
}
