package io.yewu.service.internal.analysis;

import io.yewu.order.OrderFixture;
import io.yewu.platform.security.CompanyContext;
import io.yewu.service.TicketFixture;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** SVC-9 weekly satisfaction analysis (job, stored report, export), SVC-5 complaint analysis, SVC-10 statistics. */
class ServiceAnalysisIT extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A week of its own, far from the other tests' tickets. */
    private static final LocalDate MONDAY = LocalDate.now(SHANGHAI).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(12);

    @Autowired
    WeeklySatisfactionJob job;

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(SHANGHAI).toInstant();
    }

    @Test
    void SVC9_SVC5_SVC10_theMondayJobStoresTheWeeksAnalysis_reopenedAndExported() {
        long complaint = TicketFixture.ticket(jdbc, "agent1", "COMPLAINT", at(MONDAY.plusDays(1), 10));
        TicketFixture.describe(jdbc, complaint, "配送延误", "HIGH", "DELIVERY");
        long inquiry = TicketFixture.ticket(jdbc, "agent1", "INQUIRY", at(MONDAY.plusDays(2), 10));
        long other = TicketFixture.ticket(jdbc, "agent2", "INQUIRY", at(MONDAY.plusDays(2), 11));
        for (int i = 0; i < 2; i++) {
            long s = TicketFixture.ticket(jdbc, "agent2", "SUGGESTION", at(MONDAY.plusDays(3), 9 + i));
            TicketFixture.describe(jdbc, s, "希望增加夜间配送", null, null);
        }
        long need = TicketFixture.ticket(jdbc, "agent2", "SPECIAL_REQUEST", at(MONDAY.plusDays(4), 9));
        TicketFixture.describe(jdbc, need, "需要电子发票", null, null);
        TicketFixture.visit(jdbc, complaint, at(MONDAY.plusDays(3), 10), "NOT_SOLVED", 2, at(MONDAY.plusDays(3), 10));
        TicketFixture.visit(jdbc, inquiry, at(MONDAY.plusDays(4), 10), "SOLVED", 5, at(MONDAY.plusDays(4), 10));
        TicketFixture.visit(jdbc, other, at(MONDAY.plusDays(5), 10), "DUE", null, null);

        long company = asSystem(() -> jdbc.sql("SELECT company_id FROM app_user WHERE username = 'servicedir'").query(Long.class).single());
        Instant occurrence = at(MONDAY.plusDays(7), 17);
        CompanyContext.runAs(company, () -> job.run(company, occurrence));
        CompanyContext.runAs(company, () -> job.run(company, occurrence)); // a retried run keeps the first report

        Api director = login("servicedir");
        List<JsonNode> reports = director.get("/api/service-reports").json().valueStream()
                .filter(r -> r.path("periodStart").asString().equals(MONDAY.toString())).toList();
        assertThat(reports).hasSize(1);
        long id = reports.getFirst().path("id").asLong();
        JsonNode c = director.get("/api/service-reports/" + id).json().path("content");
        assertThat(c.path("visitsDue").asLong()).isEqualTo(3);
        assertThat(c.path("visitsDone").asLong()).isEqualTo(2);
        assertThat(c.path("visitRate").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(c.path("unsolved").asLong()).isEqualTo(1);
        assertThat(c.path("satisfaction").valueStream().map(s -> s.path("key").asString() + ":" + s.path("count").asLong()))
                .containsExactly("5:1", "4:0", "3:0", "2:1", "1:0");
        assertThat(c.path("byType").valueStream().map(g -> g.path("key").asString())).containsExactlyInAnyOrder("COMPLAINT", "INQUIRY");
        assertThat(c.path("suggestions").get(0).path("text").asString()).isEqualTo("希望增加夜间配送");
        assertThat(c.path("suggestions").get(0).path("count").asLong()).isEqualTo(2);
        assertThat(c.path("needs").get(0).path("text").asString()).isEqualTo("需要电子发票");
        assertThat(c.path("findings").path("outcome").valueStream().map(f -> f.path("code").asString()))
                .containsExactly("visit-rate", "satisfaction", "unsolved");
        assertThat(asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.username = 'servicedir' AND n.kind = 'service.weekly-satisfaction' AND n.link = :link""")
                .param("link", "/service/reports/" + id).query(Long.class).single())).isEqualTo(1);

        List<List<String>> sheet = Xlsx.download(port, director, "/api/service-reports/" + id + "/export", "zh-CN");
        assertThat(sheet.getFirst()).containsExactly("部分", "项目", "数值", "满意");
        assertThat(sheet).anySatisfy(row -> assertThat(row).contains("回访率"));
        assertThat(sheet).anySatisfy(row -> assertThat(row).contains("非常满意"));
        assertThat(sheet.stream().flatMap(List::stream)).doesNotContain("COMPLAINT", "INQUIRY");
        assertThat(login("agent1").get("/api/service-reports/" + id).status()).isEqualTo(403);

        // SVC-5: the month's complaints with causes and trend
        JsonNode month = director.get("/api/service-analysis/complaints?month=" + MONDAY.plusDays(1).toString().substring(0, 7)).json();
        assertThat(month.path("complaints").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(month.path("byCause").valueStream().map(x -> x.path("key").asString())).contains("DELIVERY");
        assertThat(month.path("trend")).isNotEmpty();
        assertThat(director.get("/api/service-analysis/complaints?month=2026-13").status()).isEqualTo(422);

        // SVC-10: the week per agent for the shift lead
        JsonNode stats = login("shiftlead").get("/api/service-analysis/statistics?period=week&on=" + MONDAY.plusDays(2)).json();
        long agent1 = TicketFixture.userId(jdbc, "agent1");
        JsonNode row = stats.path("agents").valueStream().filter(a -> a.path("agentId").asLong() == agent1).findFirst().orElseThrow();
        assertThat(row.path("tickets").asLong()).isEqualTo(2);
        assertThat(row.path("inquiries").asLong()).isEqualTo(1);
        assertThat(row.path("phoneCalls").asLong()).isEqualTo(2);
        assertThat(login("agent1").get("/api/service-analysis/statistics").status()).isEqualTo(403);
        assertThat(login("shiftlead").get("/api/service-analysis/statistics?period=year").status()).isEqualTo(422);
    }

    private static long lookups(JsonNode stats, long agentId) {
        return stats.path("agents").valueStream().filter(a -> a.path("agentId").asLong() == agentId)
                .mapToLong(a -> a.path("lookups").asLong()).sum();
    }

    @Test
    void SVC10_orderLookupsOfAnAgentAndOfThePublicPageAreCountedInTheStatistics() {
        OrderFixture orders = new OrderFixture(jdbc);
        long customer = orders.customer("sales1", "查单统计客户", "020-7777 1234");
        OrderFixture.Order packed = orders.order(customer, "RELEASED", "PACKED", "100.00", "13800139999");
        orders.order(customer, "SHIPPED", "SHIPPED", "200.00", "");
        String today = LocalDate.now(SHANGHAI).toString();
        long agent2 = TicketFixture.userId(jdbc, "agent2");
        Api shift = login("shiftlead");
        JsonNode before = shift.get("/api/service-analysis/statistics?on=" + today).json();

        assertThat(login("agent2").get("/api/service/orders?customerId=" + customer).status()).isEqualTo(200);
        Api.Response own = anonymous().post("/api/public/order-status", java.util.Map.of("number", packed.number(), "phone", "13800139999"));
        assertThat(own.status()).as(own.body()).isEqualTo(200);

        JsonNode after = shift.get("/api/service-analysis/statistics?on=" + today).json();
        assertThat(lookups(after, agent2)).isEqualTo(lookups(before, agent2) + 2);
        assertThat(after.path("publicLookups").asLong()).isEqualTo(before.path("publicLookups").asLong() + 1);
        // the week counts the day's look-ups too; another day does not
        assertThat(lookups(shift.get("/api/service-analysis/statistics?period=week&on=" + today).json(), agent2))
                .isGreaterThanOrEqualTo(lookups(after, agent2));
        assertThat(lookups(shift.get("/api/service-analysis/statistics?on=" + LocalDate.now(SHANGHAI).minusDays(40)).json(), agent2)).isZero();

        List<List<String>> sheet = Xlsx.download(port, shift, "/api/service-analysis/statistics/export?on=" + today, "zh-CN");
        assertThat(sheet.getFirst()).containsExactly("业务代表", "受理工单", "来电", "咨询", "查单", "主动服务", "处理中", "已超时");
        String agentName = after.path("agents").valueStream().filter(a -> a.path("agentId").asLong() == agent2).findFirst()
                .orElseThrow().path("agentName").asString();
        List<String> line = sheet.stream().filter(r -> r.getFirst().equals(agentName)).findFirst().orElseThrow();
        assertThat(Double.parseDouble(line.get(4))).isEqualTo((double) lookups(after, agent2));
        assertThat(login("agent1").get("/api/service-analysis/statistics/export").status()).isEqualTo(403);
    }
}
