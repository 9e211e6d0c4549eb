package io.yewu.service;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.yewu.service.ServiceFixtures.SH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tickets over HTTP: intake from any channel, promises, first-ask ownership, transfers, history and scope. */
class TicketIT extends IntegrationTest {

    private Api agent1;
    private Api agent2;
    private long customerId;

    @BeforeEach
    void setUp() {
        agent1 = login("agent1");
        agent2 = login("agent2");
        customerId = ServiceFixtures.customer(jdbc, "恒达贸易" + System.nanoTime() % 100000, "1380000" + (1000 + System.nanoTime() % 9000), true);
    }

    private long count(String table) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }

    private static List<String> kinds(JsonNode detail) {
        List<String> kinds = new ArrayList<>();
        detail.path("events").forEach(e -> kinds.add(e.path("kind").asString()));
        return kinds;
    }

    @Test
    @DisplayName("SVC-1, SVC-3: a question answered during the call is closed at once as first-contact resolution, with its history")
    void answeredAtOnce() {
        var r = agent1.post("/api/tickets", Map.of("channel", "PHONE", "type", "INQUIRY", "requesterKind", "CUSTOMER",
                "customerId", customerId, "subject", "价格政策咨询", "answeredNow", true, "resolution", "已告知本月价格政策"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode t = r.json();
        assertThat(t.path("state").asString()).isEqualTo("CLOSED");
        assertThat(t.path("firstContactResolution").asBoolean()).isTrue();
        assertThat(t.path("number").asString()).startsWith("GD");
        assertThat(t.path("ownerId").asLong()).isEqualTo(ServiceFixtures.userId(jdbc, "agent1"));
        assertThat(kinds(t)).containsExactly("RECEIVED", "ANSWERED", "RESOLVED", "CLOSED");
        JsonNode answered = t.path("events").get(1);
        assertThat(answered.path("decisionHits").get(0).path("ruleId").asString()).isEqualTo("SVC-3");
        assertThat(answered.path("decisionHits").get(0).path("zh").asString()).contains("首问解决");
        assertThat(t.path("returnVisits")).isEmpty();
    }

    @Test
    @DisplayName("SVC-3: a promise beyond the type's limit is refused in zh and en and changes nothing")
    void promiseBeyondTheLimit() {
        long before = count("ticket");
        long eventsBefore = count("ticket_event");
        var body = ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(25));
        var zh = agent1.post("/api/tickets", body);
        assertThat(zh.status()).isEqualTo(422);
        assertThat(zh.body()).contains("promisedAt").contains("承诺答复时间超过该类型时限").contains("24");
        var en = agent1.language("en").post("/api/tickets", body);
        assertThat(en.status()).isEqualTo(422);
        assertThat(en.body()).contains("beyond the type's limit");
        agent1.language("zh-CN");
        var none = agent1.post("/api/tickets", new HashMap<>(Map.of("channel", "PHONE", "type", "INQUIRY", "requesterKind", "CUSTOMER",
                "customerId", customerId, "subject", "没有承诺时间")));
        assertThat(none.status()).isEqualTo(422);
        assertThat(none.body()).contains("promisedAt");
        var past = agent1.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(-1)));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.body()).contains("须晚于受理时间");
        assertThat(count("ticket")).isEqualTo(before);
        assertThat(count("ticket_event")).isEqualTo(eventsBefore);
        // within the limit it is taken, with its timers
        var ok = agent1.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(23)));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().path("state").asString()).isEqualTo("OPEN");
        assertThat(ok.json().path("timers")).hasSize(3);
        assertThat(kinds(ok.json())).containsExactly("RECEIVED", "PROMISED");
    }

    @Test
    @DisplayName("SVC-1: a caller not yet a customer is recorded with where it came from; bad input is a 422")
    void prospect() {
        var noOrigin = agent1.post("/api/tickets", Map.of("channel", "PHONE", "type", "INQUIRY", "requesterKind", "PROSPECT",
                "callerName", "李先生", "callerPhone", "13900001111", "subject", "想开户", "answeredNow", true, "resolution", "已介绍"));
        assertThat(noOrigin.status()).isEqualTo(422);
        assertThat(noOrigin.body()).contains("callerOrigin");
        var ok = agent1.post("/api/tickets", Map.of("channel", "ONLINE_CHAT", "type", "INQUIRY", "requesterKind", "PROSPECT",
                "callerName", "李先生", "callerPhone", "13900001111", "callerOrigin", "朋友介绍", "subject", "想开户",
                "answeredNow", true, "resolution", "已介绍"));
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.json().path("callerOrigin").asString()).isEqualTo("朋友介绍");
        assertThat(agent1.post("/api/tickets", Map.of()).status()).isEqualTo(422);
        var badOrder = new HashMap<>(ServiceFixtures.promised(customerId, "ORDER_SETTLEMENT", Duration.ofHours(2)));
        badOrder.put("orderId", 987654321L);
        assertThat(agent1.post("/api/tickets", badOrder).body()).contains("orderId");
        var badType = new HashMap<>(ServiceFixtures.promised(customerId, "NO_SUCH_TYPE", Duration.ofHours(2)));
        assertThat(agent1.post("/api/tickets", badType).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("SVC-2: a transfer adds an assignee and keeps the owner; the assignee works it; a return visit falls due (SVC-6)")
    void transferKeepsTheOwner() {
        long id = ServiceFixtures.created(agent1.post("/api/tickets", ServiceFixtures.promised(customerId, "ORDER_SETTLEMENT", Duration.ofHours(4))));
        long agent1Id = ServiceFixtures.userId(jdbc, "agent1");
        long agent2Id = ServiceFixtures.userId(jdbc, "agent2");
        // not assigned yet: agent2 does not see it
        assertThat(agent2.get("/api/tickets/" + id).status()).isEqualTo(404);
        var moved = agent1.post("/api/tickets/" + id + "/transfer", Map.of("toUserId", agent2Id, "note", "请结算组核对"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("ownerId").asLong()).isEqualTo(agent1Id);
        assertThat(moved.json().path("assignees")).hasSize(2);
        // a second transfer, to a department: still the same owner, the earlier assignee kept but inactive
        long dept = asSystem(() -> jdbc.sql("SELECT department_id FROM app_user WHERE username = 'finance'").query(Long.class).single());
        var again = agent2.post("/api/tickets/" + id + "/transfer", Map.of("toDepartmentId", dept));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("ownerId").asLong()).isEqualTo(agent1Id);
        assertThat(again.json().path("assignees")).hasSize(3);
        // agent2 handed it on: it still reads the ticket, but no longer works it
        assertThat(agent2.post("/api/tickets/" + id + "/notes", Map.of("note", "已转财务")).status()).isEqualTo(200);
        assertThat(agent2.post("/api/tickets/" + id + "/transfer", Map.of("toUserId", agent1Id)).status()).isEqualTo(409);
        // finance (the department) now sees it and resolves it
        Api finance = login("finance");
        assertThat(finance.get("/api/tickets/mine").json().path("items").toString()).contains("\"id\":" + id);
        var resolved = finance.post("/api/tickets/" + id + "/resolve", Map.of("resolution", "已核对并更正对账单"));
        assertThat(resolved.status()).as(resolved.body()).isEqualTo(200);
        assertThat(resolved.json().path("state").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().path("ownerId").asLong()).isEqualTo(agent1Id);
        assertThat(resolved.json().path("returnVisits").get(0).path("reason").asString()).isEqualTo("RESOLVED_BY_OTHER");
        assertThat(kinds(resolved.json())).containsSubsequence("RECEIVED", "PROMISED", "TRANSFERRED", "TRANSFERRED", "ANSWERED", "RESOLVED", "RETURN_VISIT_DUE");
        // resolved: no more work on it
        assertThat(agent1.post("/api/tickets/" + id + "/transfer", Map.of("toUserId", agent2Id)).status()).isEqualTo(409);
        // and its timers are cancelled
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM ticket_timer WHERE ticket_id = :id AND cancelled_at IS NULL AND fired_at IS NULL")
                .param("id", id).query(Long.class).single())).isZero();
    }

    @Test
    @DisplayName("SVC-2: no path removes the owner, not even SQL as the application: the owner is fixed, assignees and tickets are never deleted")
    void theDatabaseKeepsTheOwner() {
        long id = ServiceFixtures.created(agent1.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(4))));
        long agent2Id = ServiceFixtures.userId(jdbc, "agent2");
        assertThatThrownBy(() -> asSystem(() -> jdbc.sql("UPDATE ticket SET owner_id = :o WHERE id = :id").param("o", agent2Id).param("id", id).update()))
                .hasMessageContaining("SVC-2");
        assertThatThrownBy(() -> asSystem(() -> jdbc.sql("UPDATE ticket_assignee SET active = false WHERE ticket_id = :id AND role = 'OWNER'").param("id", id).update()))
                .hasMessageContaining("SVC-2");
        assertThatThrownBy(() -> asSystem(() -> jdbc.sql("UPDATE ticket_assignee SET user_id = :o WHERE ticket_id = :id AND role = 'OWNER'").param("o", agent2Id).param("id", id).update()))
                .hasMessageContaining("SVC-2");
        assertThatThrownBy(() -> asSystem(() -> jdbc.sql("DELETE FROM ticket_assignee WHERE ticket_id = :id").param("id", id).update()))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> asSystem(() -> jdbc.sql("DELETE FROM ticket WHERE id = :id").param("id", id).update()))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> asSystem(() -> jdbc.sql("UPDATE ticket_event SET note = 'x' WHERE ticket_id = :id").param("id", id).update()))
                .hasStackTraceContaining("permission denied");
        assertThat(asSystem(() -> jdbc.sql("SELECT owner_id FROM ticket WHERE id = :id").param("id", id).query(Long.class).single()))
                .isEqualTo(ServiceFixtures.userId(jdbc, "agent1"));
    }

    @Test
    @DisplayName("PLT-5: an agent sees its own and assigned tickets, the shift lead the department's, others none; my tickets by time left")
    void scopeAndMyTickets() {
        long later = ServiceFixtures.created(agent1.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(20))));
        long sooner = ServiceFixtures.created(agent1.post("/api/tickets", ServiceFixtures.promised(customerId, "INQUIRY", Duration.ofHours(2))));
        var mine = agent1.get("/api/tickets/mine?size=200").json().path("items");
        List<Long> order = new ArrayList<>();
        mine.forEach(i -> order.add(i.path("id").asLong()));
        assertThat(order).containsSubsequence(sooner, later);
        assertThat(mine.get(0).path("secondsLeft").asLong()).isLessThanOrEqualTo(mine.get(1).path("secondsLeft").asLong());
        assertThat(agent2.get("/api/tickets/" + sooner).status()).isEqualTo(404);
        assertThat(login("sales1").get("/api/tickets/" + sooner).status()).isEqualTo(404);
        assertThat(login("shiftlead").get("/api/tickets/" + sooner).status()).isEqualTo(200);
        assertThat(login("servicedir").get("/api/tickets?q=" + agent1.get("/api/tickets/" + sooner).json().path("number").asString())
                .json().path("items")).hasSize(1);
        var export = agent1.get("/api/tickets/export");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().toString()).contains("spreadsheetml");
    }

    @Test
    @DisplayName("SVC-1: the agent finds the customer by phone, name or code as they type, without credit terms")
    void customerLookUp() {
        String name = asSystem(() -> jdbc.sql("SELECT name FROM customer WHERE id = :id").param("id", customerId).query(String.class).single());
        String phone = asSystem(() -> jdbc.sql("SELECT phone FROM customer_contact WHERE customer_id = :id").param("id", customerId).query(String.class).single());
        var byName = agent1.get("/api/tickets/customer-lookup?q=" + java.net.URLEncoder.encode(name.substring(0, 4), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(byName.status()).isEqualTo(200);
        assertThat(byName.body()).contains(name).doesNotContain("creditLimit").doesNotContain("50000");
        var byPhone = agent1.get("/api/tickets/customer-lookup?q=" + phone);
        assertThat(byPhone.json().get(0).path("id").asLong()).isEqualTo(customerId);
        var byPrefix = agent1.get("/api/tickets/customer-lookup?q=" + phone.substring(0, 7));
        assertThat(byPrefix.body()).contains(name);
        // a whole credit code, all digits included (not taken for a phone being typed), found through its key
        String code = "91440000" + (1000000000L + System.nanoTime() % 1000000000L);
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (code.charAt(i) - '0') * new int[] {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28}[i];
        String valid = code.substring(0, 17) + "0123456789ABCDEFGHJKLMNPQRTUWXY".charAt((31 - sum % 31) % 31);
        asSystem(() -> {
            jdbc.sql("UPDATE customer SET credit_code = :v WHERE id = :id").param("v", valid).param("id", customerId).update();
            return jdbc.sql("INSERT INTO customer_key (company_id, kind, value, customer_id) SELECT company_id, 'CREDIT_CODE', :v, id FROM customer WHERE id = :id")
                    .param("v", valid).param("id", customerId).update();
        });
        var byCode = agent1.get("/api/tickets/customer-lookup?q=" + valid.toLowerCase(java.util.Locale.ROOT));
        assertThat(byCode.json().get(0).path("id").asLong()).isEqualTo(customerId);
        assertThat(login("sales2").get("/api/tickets/customer-lookup?q=abc").status()).isEqualTo(403);
    }

    @Test
    @DisplayName("SVC-1: the look-up shows the files whose names begin with the text typed before the shorter ones that only contain it")
    void customerLookUpPutsNamesThatBeginWithTheTextFirst() {
        String digits = String.valueOf(System.nanoTime() % 10_000_000L);
        StringBuilder piece = new StringBuilder("澜");
        for (char d : digits.toCharArray()) piece.append("零壹贰叁肆伍陆柒捌玖".charAt(d - '0'));
        long containing = ServiceFixtures.customer(jdbc, "甲" + piece, "1390000" + (1000 + System.nanoTime() % 9000), false);
        long beginning = ServiceFixtures.customer(jdbc, piece + "很长很长的名字有限公司", "1390001" + (1000 + System.nanoTime() % 9000), false);
        var found = agent1.get("/api/tickets/customer-lookup?q=" + java.net.URLEncoder.encode(piece.toString(), java.nio.charset.StandardCharsets.UTF_8));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().size()).isEqualTo(2);
        assertThat(found.json().get(0).path("id").asLong()).isEqualTo(beginning);
        assertThat(found.json().get(1).path("id").asLong()).isEqualTo(containing);
    }

    @Test
    @DisplayName("SVC-5: a complaint needs its severity; it closes only with root cause, analysis and corrective action, and always gets a return visit")
    void complaint() {
        var noSeverity = new HashMap<>(ServiceFixtures.promised(customerId, "COMPLAINT", Duration.ofHours(4)));
        noSeverity.remove("severity");
        assertThat(agent1.post("/api/tickets", noSeverity).body()).contains("severity");
        long id = ServiceFixtures.created(agent1.post("/api/tickets", ServiceFixtures.promised(customerId, "COMPLAINT", Duration.ofHours(4))));
        var bare = agent1.post("/api/tickets/" + id + "/resolve", Map.of("resolution", "已处理"));
        assertThat(bare.status()).isEqualTo(422);
        assertThat(bare.body()).contains("rootCause").contains("causeAnalysis").contains("correctiveAction");
        var badCause = agent1.post("/api/tickets/" + id + "/resolve", Map.of("resolution", "已处理", "rootCause", "WEATHER",
                "causeAnalysis", "x", "correctiveAction", "y"));
        assertThat(badCause.status()).isEqualTo(422);
        var done = agent1.post("/api/tickets/" + id + "/resolve", ServiceFixtures.complaintResolution());
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(done.json().path("rootCause").asString()).isEqualTo("DELIVERY");
        assertThat(done.json().path("state").asString()).isEqualTo("RESOLVED");
        assertThat(done.json().path("returnVisits").get(0).path("reason").asString()).isEqualTo("COMPLAINT");
        OffsetDateTime due = OffsetDateTime.parse(done.json().path("returnVisits").get(0).path("dueAt").asString());
        assertThat(due).isBetween(OffsetDateTime.now(SH).plusHours(71), OffsetDateTime.now(SH).plusHours(73));
        assertThat(agent1.get("/api/tickets/root-causes").body()).contains("PRODUCT_QUALITY");
    }

    @Test
    @DisplayName("SVC-4: an agent escalates at once; the shift lead's inbox shows it with the decision that escalated it")
    void immediateEscalation() {
        long id = ServiceFixtures.created(agent1.post("/api/tickets", ServiceFixtures.promised(customerId, "SPECIAL_REQUEST", Duration.ofHours(4))));
        assertThat(agent1.post("/api/tickets/" + id + "/escalate", Map.of()).status()).isEqualTo(422);
        var up = agent1.post("/api/tickets/" + id + "/escalate", Map.of("note", "超出权限"));
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().path("escalationLevel").asString()).isEqualTo("SHIFT_LEAD");
        Api lead = login("shiftlead");
        var inbox = lead.get("/api/shift/inbox?size=200");
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body()).contains("\"id\":" + id).contains("无法处理的问题可立即升级一级");
        var board = lead.get("/api/shift/board");
        assertThat(board.body()).contains("钱小红");
        assertThat(lead.post("/api/tickets/" + id + "/supervise", Map.of("note", "今日内答复")).status()).isEqualTo(200);
        long notices = asSystem(() -> jdbc.sql("SELECT count(*) FROM notification WHERE kind = 'service.ticket-escalated' AND link = :l")
                .param("l", "/tickets/" + id).query(Long.class).single());
        assertThat(notices).isGreaterThanOrEqualTo(1);
        var log = lead.post("/api/shift/logs", Map.of("shift", "DAY", "content", "白班正常", "urgentItems", "恒达投诉跟进"));
        assertThat(log.status()).as(log.body()).isEqualTo(201);
        assertThat(lead.get("/api/shift/logs").body()).contains("恒达投诉跟进");
        assertThat(lead.post("/api/shift/logs", Map.of()).status()).isEqualTo(422);
    }
}
