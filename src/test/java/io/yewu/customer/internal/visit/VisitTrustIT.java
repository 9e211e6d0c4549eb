package io.yewu.customer.internal.visit;

import io.yewu.support.Api;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CUS-14 locations the visitor cannot set, CUS-13 visits as follow-ups, the weekly completion from the plan as it
 * stood, and the visit lists' exports.
 */
class VisitTrustIT extends VisitTestSupport {

    private static final Map<String, Object> HERE = Map.of("lat", 23.1291, "lng", 113.2644);

    private long newVisit(Api api, long customer) {
        Api.Response r = api.post("/api/visits", Map.of("customerId", customer, "objective", "陈列检查"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return visitId(r);
    }

    private JsonNode followUpsOf(Api api, long customer, int page) {
        return api.get("/api/customers/" + customer + "/follow-ups?size=2&page=" + page).json();
    }

    private JsonNode proposalOf(Api manager, long customer) {
        for (JsonNode p : manager.get("/api/customer-locations/proposals?status=ALL&size=200").json().path("items")) {
            if (p.path("customerId").asLong() == customer) return p;
        }
        throw new AssertionError("no proposal for customer " + customer);
    }

    @Test
    void CUS14_aFirstCheckInOnlyProposesAPointAndTheVisitIsMeasuredOnceAManagerConfirmsIt() {
        Api sales2 = login("sales2");
        long customer = customer("sales2", "待确认店");
        long visit = newVisit(sales2, customer);

        JsonNode in = sales2.post("/api/visits/" + visit + "/check-in", HERE).json();
        assertThat(in.path("visit").path("locationUnconfirmed").asBoolean()).isTrue();
        assertThat(in.path("visit").path("checkInDistanceM").isNull()).isTrue();
        assertThat(in.path("visit").path("customerLat").isNull()).isTrue();
        JsonNode why = in.path("decisions").get(0).path("hits").get(0);
        assertThat(why.path("ruleId").asString()).isEqualTo("CUS-14");
        assertThat(why.path("inputs").path("customerLocationConfirmed").asBoolean()).isFalse();
        assertThat(sales2.post("/api/visits/" + visit + "/check-out", Map.of()).status()).isEqualTo(200);

        // marked on the visit, in the visits list and in the completion report
        assertThat(sales2.get("/api/visits?customerId=" + customer).json().path("items").get(0).path("locationUnconfirmed").asBoolean()).isTrue();
        JsonNode me = sales2.get("/api/visits/completion?userId=" + userId("sales2")).json().path("people").get(0);
        assertThat(me.path("locationUnconfirmed").asInt()).isGreaterThanOrEqualTo(1);

        // the visitor can neither set the point nor see or decide the proposals
        assertThat(sales2.put("/api/customers/" + customer + "/location", HERE).status()).isEqualTo(403);
        assertThat(sales2.get("/api/customer-locations/proposals").status()).isEqualTo(403);
        Api manager = login("manager");
        JsonNode proposal = proposalOf(manager, customer);
        assertThat(proposal.path("status").asString()).isEqualTo("PENDING");
        assertThat(proposal.path("visitId").asLong()).isEqualTo(visit);
        assertThat(proposal.path("lat").asDouble()).isEqualTo(23.1291);
        assertThat(manager.get("/api/notifications?unreadOnly=true").body()).as("the manager is told").contains("客户位置待确认");
        long id = proposal.path("id").asLong();
        assertThat(sales2.post("/api/customer-locations/proposals/" + id + "/confirm", Map.of("version", 0)).status()).isEqualTo(403);
        assertThat(manager.post("/api/customer-locations/proposals/" + id + "/confirm", Map.of("version", 7)).status()).isEqualTo(409);

        Api.Response confirmed = manager.post("/api/customer-locations/proposals/" + id + "/confirm",
                Map.of("version", proposal.path("version").asLong()));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(manager.post("/api/customer-locations/proposals/" + id + "/confirm", Map.of("version", 1)).code())
                .isEqualTo("location-proposal-decided");

        // the visit that waited is measured now, with its decision
        JsonNode measured = sales2.get("/api/visits/" + visit).json();
        assertThat(measured.path("visit").path("locationUnconfirmed").asBoolean()).isFalse();
        assertThat(measured.path("visit").path("checkInDistanceM").asInt()).isZero();
        assertThat(measured.path("visit").path("customerLat").asDouble()).isEqualTo(23.1291);
        assertThat(measured.path("decisions").get(0).path("hits").get(0).path("inputs").path("customerLocationConfirmed").asBoolean()).isTrue();
    }

    @Test
    void CUS14_aRejectedProposalLeavesTheVisitUnconfirmedAndNoManagerConfirmsTheirOwn() {
        Api sales4 = login("sales4");
        long customer = customer("sales4", "驳回店");
        long visit = newVisit(sales4, customer);
        sales4.post("/api/visits/" + visit + "/check-in", Map.of("lat", 23.2, "lng", 113.3));
        Api manager = login("manager");
        JsonNode proposal = proposalOf(manager, customer);
        String path = "/api/customer-locations/proposals/" + proposal.path("id").asLong() + "/reject";
        assertThat(manager.post(path, Map.of("version", 0)).status()).as("a rejection needs a reason").isEqualTo(422);
        Api.Response rejected = manager.post(path, Map.of("version", 0, "reason", "位置在马路对面"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("REJECTED");
        assertThat(sales4.get("/api/visits/" + visit).json().path("visit").path("locationUnconfirmed").asBoolean()).isTrue();

        // visits are the salesperson's and the account manager's (CUS-14); a point a manager proposed in any other way
        // (a manager who also sells) still needs another manager
        assertThat(manager.post("/api/visits", Map.of("customerId", customer, "objective", "x")).status()).isEqualTo(403);
        long other = customer("sales4", "经理提议店");
        long own = asSystem(() -> jdbc.sql("""
                INSERT INTO customer_location_proposal (company_id, customer_id, lat, lng, proposed_by)
                SELECT c.company_id, c.id, 23.1291, 113.2644, u.id FROM customer c
                JOIN app_user u ON u.company_id = c.company_id AND u.username = 'manager' WHERE c.id = :c RETURNING id""")
                .param("c", other).query(Long.class).single());
        String confirm = "/api/customer-locations/proposals/" + own + "/confirm";
        assertThat(manager.post(confirm, Map.of("version", 0)).code()).isEqualTo("location-own-proposal");
        assertThat(login("gm").post(confirm, Map.of("version", 0)).status()).isEqualTo(200);
    }

    @Test
    void CUS14_importedLocationsAreTheCustomersUnlessAVisitorImportsThem() {
        String byManager = "坐标导入甲" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String bySalesperson = "坐标导入乙" + java.util.UUID.randomUUID().toString().substring(0, 6);
        String manager = "客户名称,城市,纬度,经度\n" + byManager + ",广州,23.1291,113.2644\n";
        assertThat(login("manager").upload("/api/customers/import?mode=VALID_ROWS", "file", "a.csv",
                manager.getBytes(java.nio.charset.StandardCharsets.UTF_8)).json().path("imported").asInt()).isOne();
        String sales = "客户名称,城市,纬度,经度\n" + bySalesperson + ",广州,23.2,113.3\n" + bySalesperson + "丙,广州,123,113\n";
        Api.Response own = login("sales2").upload("/api/customers/import?mode=VALID_ROWS", "file", "b.csv",
                sales.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(own.json().path("imported").asInt()).isOne();
        assertThat(own.body()).as("a latitude beyond 90 is a row error").contains("坐标无效");

        String source = asSystem(() -> jdbc.sql("""
                SELECT l.source FROM customer_location l JOIN customer c ON c.id = l.customer_id WHERE c.name = :n""")
                .param("n", byManager).query(String.class).single());
        assertThat(source).isEqualTo("IMPORT");
        long located = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM customer_location l JOIN customer c ON c.id = l.customer_id WHERE c.name = :n""")
                .param("n", bySalesperson).query(Long.class).single());
        assertThat(located).as("a visitor's import only proposes").isZero();
        String proposal = asSystem(() -> jdbc.sql("""
                SELECT p.status FROM customer_location_proposal p JOIN customer c ON c.id = p.customer_id WHERE c.name = :n""")
                .param("n", bySalesperson).query(String.class).single());
        assertThat(proposal).isEqualTo("PENDING");
    }

    private List<Long> reminders(long customer) {
        return asSystem(() -> jdbc.sql("""
                SELECT f.id FROM due_task t JOIN follow_up f ON t.task_key = 'follow-up:' || f.id
                WHERE t.kind = 'customer.follow-up-reminder' AND t.status = 'PENDING' AND f.customer_id = :c ORDER BY f.id""")
                .param("c", customer).query(Long.class).list());
    }

    private static boolean listed(Api api, long followUp) {
        for (JsonNode d : api.get("/api/follow-ups/due?size=200").json().path("items")) {
            if (d.path("followUpId").asLong() == followUp) return true;
        }
        return false;
    }

    @Test
    void CUS13_CUS9_CUS12_aCompletedVisitAndItsPromisesAreFollowUpsEachWithItsOwnReminder() {
        Api sales2 = login("sales2");
        long customer = customer("sales2", "跟进店");
        long visit = newVisit(sales2, customer);
        JsonNode in = sales2.post("/api/visits/" + visit + "/check-in", null).json();
        sales2.put("/api/visits/" + visit, Map.of("version", in.path("visit").path("version").asLong(), "objective", "陈列检查",
                "result", "新品上柜", "nextVisitAt", TODAY.plusDays(7) + "T10:00:00+08:00"));
        sales2.post("/api/visits/" + visit + "/promises", Map.of("text", "送海报", "dueOn", TODAY.plusDays(3).toString()));
        sales2.post("/api/visits/" + visit + "/promises", Map.of("text", "补货", "dueOn", TODAY.plusDays(5).toString()));
        assertThat(sales2.post("/api/visits/" + visit + "/check-out", Map.of()).status()).isEqualTo(200);

        record Row(long id, String content, LocalDate nextFollowUpOn) {}
        List<Row> rows = asSystem(() -> jdbc.sql("SELECT id, content, next_follow_up_on FROM follow_up WHERE visit_id = :v AND kind = 'VISIT' ORDER BY id")
                .param("v", visit).query(Row.class).list());
        assertThat(rows).extracting(Row::content).containsExactly("送海报", "补货", "新品上柜");
        assertThat(rows.get(2).nextFollowUpOn()).as("the next visit is the visit's next contact").isEqualTo(TODAY.plusDays(7));
        assertThat(reminders(customer)).as("one reminder per follow-up").containsExactlyElementsOf(rows.stream().map(Row::id).toList());
        assertThat(asSystem(() -> jdbc.sql("SELECT last_follow_up_at IS NOT NULL FROM customer WHERE id = :c")
                .param("c", customer).query(Boolean.class).single())).as("CUS-9 sees the visit").isTrue();

        // a phone call from the customer page adds its own reminder and takes none away
        assertThat(sales2.post("/api/customers/" + customer + "/follow-ups", Map.of("kind", "PHONE", "content", "电话确认",
                "nextFollowUpOn", TODAY.plusDays(10).toString())).status()).isEqualTo(201);
        assertThat(reminders(customer)).hasSize(4);
        // the customer's book is paged, never cut: four follow-ups over two pages of two
        assertThat(followUpsOf(sales2, customer, 0).path("total").asInt()).isEqualTo(4);
        assertThat(followUpsOf(sales2, customer, 1).path("items").get(1).path("content").asString()).isEqualTo("送海报");
        assertThat(login("sales1").get("/api/customers/" + customer + "/follow-ups").status()).isEqualTo(404);

        // the promise falls due: listed until marked done
        long promise = rows.getFirst().id();
        asSystem(() -> jdbc.sql("""
                UPDATE follow_up SET happened_at = happened_at - interval '3 days',
                       next_follow_up_on = CASE WHEN id = :p THEN current_date - 1 ELSE next_follow_up_on END
                WHERE customer_id = :c""").param("p", promise).param("c", customer).update());
        assertThat(listed(sales2, promise)).isTrue();
        assertThat(login("sales1").post("/api/follow-ups/" + promise + "/done", null).status()).as("not theirs").isEqualTo(404);
        assertThat(sales2.post("/api/follow-ups/" + promise + "/done", null).status()).isEqualTo(204);
        assertThat(listed(sales2, promise)).isFalse();
        assertThat(reminders(customer)).doesNotContain(promise);

        // the other promise falls due and a later contact on or after its date settles it
        long other = rows.get(1).id();
        asSystem(() -> jdbc.sql("UPDATE follow_up SET next_follow_up_on = current_date WHERE id = :p").param("p", other).update());
        assertThat(listed(sales2, other)).isTrue();
        assertThat(sales2.post("/api/customers/" + customer + "/follow-ups", Map.of("kind", "PHONE", "content", "已补货")).status())
                .isEqualTo(201);
        assertThat(listed(sales2, other)).isFalse();
    }

    @Test
    void CUS14_lastWeeksCompletionIsComputedFromLastWeeksPlanWhateverTheRouteBecame() {
        Api sales1 = login("sales1");
        long sales1Id = userId("sales1");
        long before = customer("sales1", "上周店");
        long after = customer("sales1", "本周店");
        JsonNode created = sales1.post("/api/routes", route("历史线", List.of(everyDay(before)))).json();
        long route = created.path("id").asLong();
        // the route has stood since before last week
        asSystem(() -> jdbc.sql("UPDATE visit_route_stop_history SET valid_from = now() - interval '21 days' WHERE route_id = :r")
                .param("r", route).update());
        LocalDate lastMonday = VisitPlans.monday(null).minusWeeks(1);
        for (int d = 0; d < 7; d++) {
            LocalDate day = lastMonday.plusDays(d);
            asSystem(() -> jdbc.sql("""
                    INSERT INTO visit (company_id, visitor_id, customer_id, visit_on, check_in_at, check_out_at)
                    SELECT company_id, id, :cust, :day, now(), now() FROM app_user WHERE username = 'sales1'""")
                    .param("cust", before).param("day", day).update());
        }
        String week = VisitPlans.isoWeek(lastMonday);
        String path = "/api/visits/completion?week=" + week + "&userId=" + sales1Id;
        JsonNode was = sales1.get(path).json().path("people").get(0);
        assertThat(was.path("planned").asInt()).isPositive();
        assertThat(was.path("done").asInt()).isEqualTo(was.path("planned").asInt());
        assertThat(was.path("unplannedDone").asInt()).as("only the days off").isLessThanOrEqualTo(2);

        // the route changes this week: last week's completion stays as it was
        Api.Response changed = sales1.put("/api/routes/" + route, Map.of("version", created.path("version").asLong(),
                "name", created.path("name").asString(), "stops", List.of(everyDay(after))));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(sales1.get(path).json().path("people").get(0)).isEqualTo(was);

        // and so after the route is gone
        assertThat(sales1.delete("/api/routes/" + route + "?version=" + changed.json().path("version").asLong()).status()).isEqualTo(204);
        assertThat(sales1.get(path).json().path("people").get(0)).isEqualTo(was);
    }

    @Test
    void CUS14_visitsRoutesAndCompletionExportWithWordsNotCodes() {
        Api sales4 = login("sales4");
        long customer = customer("sales4", "导出店");
        sales4.post("/api/routes", route("导出线", List.of(everyDay(customer))));
        long visit = newVisit(sales4, customer);
        sales4.post("/api/visits/" + visit + "/check-in", HERE);
        sales4.post("/api/visits/" + visit + "/check-out", Map.of());

        List<List<String>> visits = Xlsx.download(port, sales4, "/api/visits/export?customerId=" + customer);
        assertThat(visits.getFirst()).contains("拜访日期", "客户", "位置待确认", "计入完成");
        assertThat(visits).hasSize(2);
        List<String> row = visits.get(1);
        assertThat(row).contains(TODAY.toString(), "陈列检查");
        assertThat(row.get(visits.getFirst().indexOf("位置待确认"))).isEqualTo("是");
        assertThat(row.get(visits.getFirst().indexOf("计入完成"))).isEqualTo("是");
        assertThat(String.join("|", row)).doesNotContain("true", "false");
        List<List<String>> english = Xlsx.download(port, sales4, "/api/visits/export?customerId=" + customer, "en");
        assertThat(english.get(1).get(english.getFirst().indexOf("Location unconfirmed"))).isEqualTo("Yes");

        List<List<String>> routes = Xlsx.download(port, sales4, "/api/routes/export");
        List<String> stop = routes.stream().filter(r -> r.stream().anyMatch(c -> c.startsWith("导出店"))).findFirst().orElseThrow();
        assertThat(stop).contains("按周", "周一、周二、周三、周四、周五、周六、周日").doesNotContain("WEEKLY");

        String week = VisitPlans.isoWeek(VisitPlans.monday(null));
        List<List<String>> completion = Xlsx.download(port, sales4, "/api/visits/completion/export?week=" + week);
        assertThat(completion.getFirst()).contains("拜访人", "计划拜访", "已完成", "位置待确认", "完成率");
        assertThat(completion).hasSizeGreaterThan(1);
        assertThat(completion.get(1).getFirst()).isEqualTo(week);
    }
}
