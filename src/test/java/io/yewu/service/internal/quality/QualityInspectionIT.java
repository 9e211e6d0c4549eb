package io.yewu.service.internal.quality;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.settings.SettingsSnapshot;
import io.yewu.service.TicketFixture;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** QC-1 … QC-3 over real HTTP with the demo company's inspector, agents and service director. */
class QualityInspectionIT extends IntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final YearMonth THIS_MONTH = YearMonth.now(SHANGHAI);

    @Autowired
    QcSampleJob job;

    private static Instant in(YearMonth month, int day) {
        return month.atDay(day).atTime(10, 0).atZone(SHANGHAI).toInstant();
    }

    private static Map<String, Integer> goodScores() {
        return new HashMap<>(Map.of("LANGUAGE", 18, "GREETING", 10, "RESPONSE", 9, "FAREWELL", 10, "ATTITUDE", 15,
                "TONE", 2, "NEED_SUMMARY", 7, "HANDLING", 12));
    }

    private long company() {
        return asSystem(() -> jdbc.sql("SELECT company_id FROM app_user WHERE username = 'agent1'").query(Long.class).single());
    }

    private List<Long> sampled(YearMonth month, long agentId) {
        return asSystem(() -> jdbc.sql("SELECT ticket_id FROM qc_sample WHERE month = :m AND agent_id = :a ORDER BY ticket_id")
                .param("m", month.atDay(1)).param("a", agentId).query(Long.class).list());
    }

    @Test
    void QC1_theJobProposesAReproducibleSamplePerAgentAtTheStartOfTheMonth() {
        YearMonth last = THIS_MONTH.minusMonths(1);
        long agent1 = TicketFixture.userId(jdbc, "agent1");
        long agent2 = TicketFixture.userId(jdbc, "agent2");
        List<Long> tickets = new java.util.ArrayList<>();
        for (int d = 1; d <= 5; d++) tickets.add(TicketFixture.ticket(jdbc, "agent1", "INQUIRY", in(last, d)));
        TicketFixture.ticket(jdbc, "agent2", "COMPLAINT", in(last, 9));
        TicketFixture.ticket(jdbc, "agent1", "INQUIRY", in(THIS_MONTH, 1).plusSeconds(7200)); // not last month's
        long company = company();
        Instant occurrence = THIS_MONTH.atDay(1).atTime(0, 30).atZone(SHANGHAI).toInstant();
        CompanyContext.runAs(company, () -> job.run(company, occurrence));

        List<Long> first = sampled(last, agent1);
        assertThat(first).hasSize(1);
        // every ticket agent1 received last month (ours, and any demo ticket of the month's last days)
        List<Long> all = asSystem(() -> jdbc.sql("""
                SELECT id FROM ticket WHERE owner_id = :a AND received_at >= :from AND received_at < :to ORDER BY id""")
                .param("a", agent1).param("from", java.sql.Timestamp.from(in(last, 1).minusSeconds(36000)))
                .param("to", java.sql.Timestamp.from(in(THIS_MONTH, 1).minusSeconds(36000))).query(Long.class).list());
        assertThat(all).containsAll(tickets).containsAll(first);
        assertThat(first).isEqualTo(new QcPolicy().sample(company, last, agent1, all, SettingsSnapshot.defaults()).outcome());
        assertThat(sampled(last, agent2)).hasSize(1);
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM decision_record WHERE subject_type = 'qc-sample' AND subject_id = :s")
                .param("s", agent1 + "/" + last).query(Long.class).single())).isGreaterThanOrEqualTo(1);

        // a re-run (the job retried, or the inspector asking) proposes the same sample and adds nothing
        CompanyContext.runAs(company, () -> job.run(company, occurrence));
        Api.Response again = login("qc").post("/api/qc/samples/propose", Map.of("month", last.toString()));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(sampled(last, agent1)).isEqualTo(first);
        assertThat(again.json().valueStream().filter(s -> s.path("agentId").asLong() == agent1).map(s -> s.path("ticketId").asLong()))
                .containsExactlyElementsOf(first);

        Api.Response bad = login("qc").post("/api/qc/samples/propose", Map.of("month", "2026-13"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(login("agent1").post("/api/qc/samples/propose", Map.of("month", last.toString())).status()).isEqualTo(403);
    }

    @Test
    void QC2_QC3_theInspectorScoresOnTheForm_agentsSeeOnlyTheirOwn_reports() {
        YearMonth month = THIS_MONTH.minusMonths(3);
        long agent1 = TicketFixture.userId(jdbc, "agent1");
        TicketFixture.ticket(jdbc, "agent1", "INQUIRY", in(month, 3));
        TicketFixture.ticket(jdbc, "agent2", "INQUIRY", in(month, 4));
        Api qc = login("qc");
        JsonNode samples = qc.post("/api/qc/samples/propose", Map.of("month", month.toString())).json();
        JsonNode mine = samples.valueStream().filter(s -> s.path("agentId").asLong() == agent1).findFirst().orElseThrow();
        long id = mine.path("id").asLong();
        long version = mine.path("version").asLong();

        // QC-2: outside the form → 422 in zh and en, nothing stored
        Map<String, Integer> tooHigh = goodScores();
        tooHigh.put("LANGUAGE", 25);
        Api.Response high = qc.language("en").post("/api/qc/samples/" + id + "/score", Map.of("version", version, "scores", tooHigh));
        assertThat(high.status()).as(high.body()).isEqualTo(422);
        assertThat(high.json().path("errors").get(0).path("field").asString()).isEqualTo("scores.LANGUAGE");
        assertThat(high.json().path("errors").get(0).path("message").asString()).isEqualTo("Must score between 0 and 20");
        Map<String, Integer> unknown = goodScores();
        unknown.put("SPEED", 3);
        Api.Response other = login("qc").post("/api/qc/samples/" + id + "/score", Map.of("version", version, "scores", unknown));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.json().path("errors").get(0).path("message").asString()).contains("不在质检评分表中");
        assertThat(asSystem(() -> jdbc.sql("SELECT scored_at IS NULL FROM qc_sample WHERE id = :id").param("id", id).query(Boolean.class).single())).isTrue();
        assertThat(login("agent1").post("/api/qc/samples/" + id + "/score", Map.of("version", version, "scores", goodScores())).status()).isEqualTo(403);

        Api.Response scored = login("qc").post("/api/qc/samples/" + id + "/score",
                Map.of("version", version, "scores", goodScores(), "comments", "语气偏生硬"));
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        assertThat(scored.json().path("total").decimalValue()).isEqualByComparingTo("83");
        assertThat(scored.json().path("maxTotal").decimalValue()).isEqualByComparingTo("100");
        assertThat(login("qc").post("/api/qc/samples/" + id + "/score",
                Map.of("version", scored.json().path("version").asLong(), "scores", goodScores())).status()).isEqualTo(409);

        // agents see their own results only
        JsonNode own = login("agent1").get("/api/qc/mine").json();
        assertThat(own.path("scores").valueStream().map(s -> s.path("id").asLong())).contains(id);
        assertThat(login("agent2").get("/api/qc/mine").json().path("scores").valueStream().map(s -> s.path("id").asLong())).doesNotContain(id);
        assertThat(login("agent2").get("/api/qc/samples/" + id).status()).isEqualTo(403);
        assertThat(login("agent1").get("/api/qc/samples").status()).isEqualTo(403);

        // QC-2: a complaint caused by the agent's service links to its QC record
        long complaint = TicketFixture.ticket(jdbc, "agent2", "COMPLAINT", in(month, 5));
        long inquiry = TicketFixture.ticket(jdbc, "agent2", "INQUIRY", in(month, 5));
        Api.Response notComplaint = login("qc").post("/api/qc/complaints", Map.of("ticketId", inquiry, "agentId", agent1));
        assertThat(notComplaint.status()).isEqualTo(422);
        assertThat(notComplaint.json().path("errors").get(0).path("code").asString()).isEqualTo("qc-ticket-not-complaint");
        Api.Response linked = login("qc").post("/api/qc/complaints", Map.of("ticketId", complaint, "agentId", agent1, "note", "态度问题"));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(login("agent1").get("/api/qc/mine").json().path("complaints").valueStream().map(c -> c.path("ticketId").asLong()))
                .contains(complaint);
        assertThat(login("agent2").get("/api/qc/mine").json().path("complaints")).isEmpty();

        // QC-3: the month per agent and the week's common issues with a proposed training
        JsonNode summary = login("servicedir").get("/api/qc/summary?month=" + month).json();
        JsonNode row = summary.valueStream().filter(r -> r.path("agentId").asLong() == agent1).findFirst().orElseThrow();
        assertThat(row.path("scored").asInt()).isEqualTo(1);
        assertThat(row.path("averageRate").decimalValue()).isEqualByComparingTo("0.83");
        assertThat(login("qc").get("/api/qc/summary").status()).isEqualTo(422);
        JsonNode weekly = login("shiftlead").get("/api/qc/weekly").json();
        assertThat(weekly.path("inspections").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(weekly.path("items").get(0).path("item").asString()).isEqualTo("TONE");
        assertThat(weekly.path("training").valueStream().map(t -> t.path("item").asString())).contains("TONE");
        assertThat(weekly.path("decision").path("hits").get(0).path("ruleId").asString()).isEqualTo("QC-3");
    }

    @Test
    void QC1_theInspectorAddsATicketOfItsChoiceToTheSampleOfItsMonth_once() {
        YearMonth month = THIS_MONTH.minusMonths(5);
        long agent2 = TicketFixture.userId(jdbc, "agent2");
        long ticket = TicketFixture.ticket(jdbc, "agent2", "COMPLAINT", in(month, 12));

        Api.Response added = login("qc").post("/api/qc/samples", Map.of("ticketId", ticket));
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        assertThat(added.json().path("agentId").asLong()).isEqualTo(agent2);
        assertThat(added.json().path("month").asString()).isEqualTo(month.toString());
        assertThat(added.json().path("scoredAt").isNull()).isTrue();
        Api.Response twice = login("qc").post("/api/qc/samples", Map.of("ticketId", ticket));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("qc-already-sampled");
        Api.Response unknown = login("qc").post("/api/qc/samples", Map.of("ticketId", Long.MAX_VALUE));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("errors").get(0).path("field").asString()).isEqualTo("ticketId");
        assertThat(login("qc").post("/api/qc/samples", Map.of()).status()).isEqualTo(422);
        // by number, as read off the call record: the same ticket, so 409; an unknown number is 422 on the number
        Api.Response byNumber = login("qc").post("/api/qc/samples", Map.of("ticketNumber", added.json().path("ticketNumber").asString()));
        assertThat(byNumber.status()).isEqualTo(409);
        Api.Response noNumber = login("qc").post("/api/qc/samples", Map.of("ticketNumber", "GD-NONE"));
        assertThat(noNumber.status()).isEqualTo(422);
        assertThat(noNumber.json().path("errors").get(0).path("field").asString()).isEqualTo("ticketNumber");
        assertThat(login("agent2").post("/api/qc/samples", Map.of("ticketId", ticket)).status()).isEqualTo(403);
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM qc_sample WHERE ticket_id = :t").param("t", ticket)
                .query(Long.class).single())).isEqualTo(1);

        // scored like a proposed one, and listed in the export
        long id = added.json().path("id").asLong();
        Api.Response scored = login("qc").post("/api/qc/samples/" + id + "/score",
                Map.of("version", added.json().path("version").asLong(), "scores", goodScores()));
        assertThat(scored.status()).as(scored.body()).isEqualTo(200);
        List<List<String>> sheet = Xlsx.download(port, login("qc"), "/api/qc/samples/export?month=" + month, "zh-CN");
        assertThat(sheet.getFirst()).startsWith("月份", "业务代表", "工单号");
        assertThat(sheet.stream().filter(r -> r.get(2).equals(added.json().path("ticketNumber").asString())))
                .singleElement().satisfies(r -> assertThat(Double.parseDouble(r.get(6))).isEqualTo(83.0));
        assertThat(login("agent2").get("/api/qc/samples/export").status()).isEqualTo(403);
    }
}
