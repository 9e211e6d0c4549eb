package io.yewu.service.internal.analysis;

import io.yewu.platform.security.CompanyContext;
import io.yewu.service.TicketFixture;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-10: the monthly service-quality analysis from the shift logs: the job on the due day, on demand, reopened, exported. */
class QualityMonthIT extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Months of their own, far from the other tests' tickets and logs. */
    private static final YearMonth JOB_MONTH = YearMonth.now(SHANGHAI).minusMonths(20);
    private static final YearMonth DEMAND_MONTH = YearMonth.now(SHANGHAI).minusMonths(22);

    @Autowired
    QualityMonthJob job;

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(SHANGHAI).toInstant();
    }

    private void roster(String username, LocalDate day, String shift) {
        asSystem(() -> jdbc.sql("""
                INSERT INTO shift_roster (company_id, user_id, day, shift, set_by)
                SELECT u.company_id, u.id, :d, :s, l.id FROM app_user u, app_user l WHERE u.username = :u AND l.username = 'shiftlead'""")
                .param("d", day).param("s", shift).param("u", username).update());
    }

    private void log(LocalDate day, String shift, String urgent) {
        asSystem(() -> jdbc.sql("""
                INSERT INTO shift_log (company_id, author_id, shift_date, shift, content, urgent_items, handover_customers)
                SELECT company_id, id, :d, :s, '值班情况', :urgent, '王老板' FROM app_user WHERE username = 'shiftlead'""")
                .param("d", day).param("s", shift).param("urgent", urgent).update());
    }

    private long notifications(String link) {
        return asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = 'servicedir' AND n.kind = 'service.quality-month' AND n.link = :link""")
                .param("link", link).query(Long.class).single());
    }

    private JsonNode listed(Api api, YearMonth month) {
        return api.get("/api/service-quality-months?size=200&year=" + month.getYear()).json().path("items").valueStream()
                .filter(r -> r.path("month").asString().equals(month.toString())).findFirst().orElse(null);
    }

    @Test
    @DisplayName("SVC-10: on the due day (setting, default the 21st) the job stores last month's analysis from the shift logs, once, and tells the service director")
    void theJobProducesLastMonthOnTheDueDay() {
        LocalDate d1 = JOB_MONTH.atDay(3);
        roster("agent1", d1, "DAY");
        roster("agent2", d1, "NIGHT");
        roster("agent1", d1.plusDays(1), "DAY");
        log(d1, "DAY", "订货系统故障已报修");
        long late = TicketFixture.ticket(jdbc, "agent1", "COMPLAINT", at(d1, 10));
        TicketFixture.ticket(jdbc, "agent1", "INQUIRY", at(d1, 11));
        TicketFixture.ticket(jdbc, "agent2", "INQUIRY", at(d1, 22));
        asSystem(() -> jdbc.sql("UPDATE ticket SET overdue_at = received_at, escalated_at = received_at, promised_at = received_at WHERE id = :id")
                .param("id", late).update());

        long company = asSystem(() -> jdbc.sql("SELECT company_id FROM app_user WHERE username = 'servicedir'").query(Long.class).single());
        LocalDate next = JOB_MONTH.plusMonths(1).atDay(20);
        CompanyContext.runAs(company, () -> job.run(company, at(next, 7)));
        Api director = login("servicedir");
        assertThat(listed(director, JOB_MONTH)).as("not due before the 21st").isNull();

        CompanyContext.runAs(company, () -> job.run(company, at(next.plusDays(1), 7)));
        CompanyContext.runAs(company, () -> job.run(company, at(next.plusDays(2), 7))); // stored: the next morning does nothing
        JsonNode row = listed(director, JOB_MONTH);
        assertThat(row).isNotNull();
        long id = row.path("id").asLong();
        assertThat(notifications("/service/quality-months/" + id)).isEqualTo(1);

        JsonNode c = director.get("/api/service-quality-months/" + id).json().path("content");
        assertThat(c.path("month").asString()).isEqualTo(JOB_MONTH.toString());
        assertThat(c.path("dueDate").asString()).isEqualTo(JOB_MONTH.plusMonths(1).atDay(21).toString());
        assertThat(c.path("received").asLong()).isEqualTo(3);
        assertThat(c.path("overdue").asLong()).isEqualTo(1);
        assertThat(c.path("escalated").asLong()).isEqualTo(1);
        assertThat(c.path("shiftsRostered").asInt()).isEqualTo(3);
        assertThat(c.path("shiftsLogged").asInt()).isEqualTo(1);
        JsonNode day = c.path("shifts").valueStream().filter(s -> s.path("shift").asString().equals("DAY")).findFirst().orElseThrow();
        assertThat(day.path("received").asLong()).isEqualTo(2);
        assertThat(day.path("urgentItems").asInt()).isEqualTo(1);
        long agent1 = TicketFixture.userId(jdbc, "agent1");
        JsonNode a1 = c.path("agents").valueStream().filter(a -> a.path("agentId").asLong() == agent1).findFirst().orElseThrow();
        assertThat(a1.path("received").asLong()).isEqualTo(2);
        assertThat(a1.path("overdue").asLong()).isEqualTo(1);
        assertThat(a1.path("dayShifts").asInt()).isEqualTo(2);
        assertThat(c.path("logLines").toString()).contains("订货系统故障已报修");
        assertThat(c.path("findings").path("outcome").valueStream().map(f -> f.path("code").asString()))
                .containsExactly("shift-log", "overdue", "escalated");
        assertThat(c.path("findings").path("hits").get(0).path("ruleId").asString()).isEqualTo("SVC-10");

        List<List<String>> sheet = Xlsx.download(port, director, "/api/service-quality-months/" + id + "/export", "zh-CN");
        assertThat(sheet.getFirst()).contains("部分", "项目");
        assertThat(sheet).anySatisfy(r -> assertThat(r).contains("白班"));
        assertThat(sheet).anySatisfy(r -> assertThat(r).contains("建议"));
        assertThat(sheet.stream().flatMap(List::stream)).doesNotContain("DAY", "NIGHT", "shift-log");
        assertThat(Xlsx.download(port, director, "/api/service-quality-months/export?year=" + JOB_MONTH.getYear(), "en").getFirst())
                .contains("Month", "Findings");
        // the weekly satisfaction reports stay apart from the monthly analyses
        assertThat(director.get("/api/service-reports").body()).doesNotContain("MONTHLY_QUALITY");
        assertThat(director.get("/api/service-reports/" + id).status()).isEqualTo(404);
    }

    @Test
    @DisplayName("SVC-10: the shift lead or service director produces a month past on demand; a month not over, a bad month and other roles are refused")
    void onDemand() {
        log(DEMAND_MONTH.atDay(5), "NIGHT", "");
        Api lead = login("shiftlead");
        var made = lead.post("/api/service-quality-months", Map.of("month", DEMAND_MONTH.toString()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long id = made.json().path("id").asLong();
        Api director = login("servicedir");
        var again = director.post("/api/service-quality-months", Map.of("month", DEMAND_MONTH.toString()));
        assertThat(again.json().path("id").asLong()).as("produced again, the stored one is replaced").isEqualTo(id);
        assertThat(notifications("/service/quality-months/" + id)).isEqualTo(2);
        assertThat(asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE entity_type = 'service-report' AND entity_id = :id AND action = 'produced-on-demand'""")
                .param("id", String.valueOf(id)).query(Long.class).single())).isEqualTo(2);

        var current = lead.post("/api/service-quality-months", Map.of("month", YearMonth.now(SHANGHAI).toString()));
        assertThat(current.status()).isEqualTo(422);
        assertThat(current.body()).contains("month");
        assertThat(lead.language("en").post("/api/service-quality-months", Map.of("month", YearMonth.now(SHANGHAI).toString())).body())
                .contains("Only a month that is over");
        assertThat(lead.post("/api/service-quality-months", Map.of("month", "2026-13")).status()).isEqualTo(422);
        assertThat(lead.post("/api/service-quality-months", Map.of()).status()).isEqualTo(422);
        assertThat(lead.get("/api/service-quality-months?year=99").status()).isEqualTo(422);
        Api agent = login("agent1");
        assertThat(agent.get("/api/service-quality-months").status()).isEqualTo(403);
        assertThat(agent.post("/api/service-quality-months", Map.of("month", DEMAND_MONTH.toString())).status()).isEqualTo(403);
        assertThat(director.get("/api/service-quality-months/987654321").status()).isEqualTo(404);
    }
}
