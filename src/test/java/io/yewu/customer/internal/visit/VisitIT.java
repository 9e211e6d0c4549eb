package io.yewu.customer.internal.visit;

import io.yewu.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** CUS-14 visit records over HTTP: the eight steps, check-in/out, promises, photos, completion, market info. */
class VisitIT extends VisitTestSupport {

    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    private long newVisit(Api api, long customer) {
        Api.Response r = api.post("/api/visits", Map.of("customerId", customer, "objective", "推荐新品上柜"));
        assertThat(r.status()).isEqualTo(201);
        return visitId(r);
    }

    private static Map<String, Object> steps(long version, boolean signatureRequired, String signedBy) {
        return Map.ofEntries(
                Map.entry("version", version), Map.entry("objective", "推荐新品上柜"), Map.entry("result", "新品上柜两款"),
                Map.entry("preparation", "带样品"), Map.entry("outdoorAdsOk", true), Map.entry("popOk", false),
                Map.entry("racksOk", true), Map.entry("greeting", "问候店主"), Map.entry("displayNotes", "主柜第二层"),
                Map.entry("stock", List.of(Map.of("product", "软中华", "safetyStock", 10, "currentStock", 4, "orderQuantity", 11),
                        Map.of("product", "红双喜", "safetyStock", 6, "currentStock", 12))),
                Map.entry("newProducts", "细支新品"), Map.entry("promotions", "满十送一"), Map.entry("marketNotes", "对手降价"),
                Map.entry("competitors", List.of(Map.of("brand", "竞品甲", "product", "细支", "price", 18.5,
                        "promotion", "买二送一", "display", "收银台", "staffChanges", "新店员"))),
                Map.entry("signatureRequired", signatureRequired), Map.entry("signedBy", signedBy),
                Map.entry("nextVisitAt", TODAY.plusDays(7) + "T10:00:00+08:00"),
                Map.entry("returns", List.of(Map.of("product", "软中华", "quantity", 1, "reason", "受潮"))));
    }

    @Test
    void CUS14_aVisitFollowsTheEightStepsAndCountsOnlyWithCheckInAndCheckOut() {
        Api sales1 = login("sales1");
        long customer = customer("sales1", "戊烟酒店");
        long visit = newVisit(sales1, customer);
        assertThat(sales1.post("/api/visits", Map.of("customerId", customer)).status()).as("same customer and day").isEqualTo(200);

        assertThat(sales1.post("/api/visits/" + visit + "/check-out", null).code()).isEqualTo("visit-not-checked-in");
        Api.Response in = sales1.post("/api/visits/" + visit + "/check-in", Map.of("lat", 23.1291, "lng", 113.2644));
        assertThat(in.status()).isEqualTo(200);
        JsonNode head = in.json().path("visit");
        assertThat(head.path("checkInAt").isNull()).isFalse();
        assertThat(head.path("checkInDistanceM").isNull()).as("no confirmed location: nothing measured").isTrue();
        assertThat(head.path("customerLat").isNull()).as("the visitor cannot set the customer's location").isTrue();
        assertThat(head.path("locationUnconfirmed").asBoolean()).isTrue();
        assertThat(head.path("counted").asBoolean()).isFalse();
        assertThat(sales1.post("/api/visits/" + visit + "/check-in", null).code()).isEqualTo("visit-already-checked-in");

        Api.Response filled = sales1.put("/api/visits/" + visit, steps(head.path("version").asLong(), true, ""));
        assertThat(filled.status()).isEqualTo(200);
        JsonNode stock = filled.json().path("stock");
        assertThat(stock.get(0).path("suggested").decimalValue()).isEqualByComparingTo("11");
        assertThat(stock.get(1).path("suggested").decimalValue()).isEqualByComparingTo("0");
        assertThat(filled.json().path("competitors").get(0).path("brand").asString()).isEqualTo("竞品甲");
        assertThat(filled.json().path("returns").get(0).path("reason").asString()).isEqualTo("受潮");
        String decision = asSystem(() -> jdbc.sql("SELECT decision::text FROM visit_stock_line WHERE visit_id = :v AND line_no = 1")
                .param("v", visit).query(String.class).single());
        assertThat(decision).contains("RTL-5", "CUS-14");
        assertThat(sales1.put("/api/visits/" + visit, steps(0, true, "")).code()).isEqualTo("version-conflict");
        Map<String, Object> huge = new java.util.HashMap<>(steps(filled.json().path("visit").path("version").asLong(), true, ""));
        huge.put("stock", List.of(Map.of("product", "大单", "safetyStock", "9999999999.99", "currentStock", 0)));
        huge.put("competitors", List.of(Map.of("brand", "x", "price", -1)));
        assertThat(sales1.put("/api/visits/" + visit, huge).status()).as("bad input is a 422, never a 500").isEqualTo(422);
        huge.put("competitors", List.of());
        Api.Response big = sales1.put("/api/visits/" + visit, huge);
        assertThat(big.json().path("stock").get(0).path("suggested").decimalValue()).isEqualByComparingTo("14999999999.99");
        filled = sales1.put("/api/visits/" + visit, steps(big.json().path("visit").path("version").asLong(), true, ""));

        Api.Response promise = sales1.post("/api/visits/" + visit + "/promises", Map.of("text", "下周送海报", "dueOn", TODAY.plusDays(5).toString()));
        assertThat(promise.status()).isEqualTo(200);
        assertThat(asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM follow_up WHERE customer_id = :c AND kind = 'VISIT' AND next_follow_up_on = :d AND content = '下周送海报'""")
                .param("c", customer).param("d", TODAY.plusDays(5)).query(Long.class).single())).isEqualTo(1);
        assertThat(sales1.post("/api/visits/" + visit + "/promises", Map.of("text", "x", "dueOn", TODAY.minusDays(1).toString())).status())
                .isEqualTo(422);

        Api.Response unsigned = sales1.post("/api/visits/" + visit + "/check-out", null);
        assertThat(unsigned.status()).isEqualTo(422);
        assertThat(unsigned.json().path("errors").get(0).path("field").asString()).isEqualTo("signedBy");
        long version = filled.json().path("visit").path("version").asLong();
        assertThat(sales1.put("/api/visits/" + visit, steps(version, true, "王店主")).status()).isEqualTo(200);

        Api.Response out = sales1.post("/api/visits/" + visit + "/check-out", Map.of());
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().path("visit").path("counted").asBoolean()).isTrue();
        assertThat(out.json().path("visit").path("checkOutLat").isNull()).as("no position sent, none kept").isTrue();
        assertThat(sales1.post("/api/visits/" + visit + "/check-out", null).code()).isEqualTo("visit-already-checked-out");
        assertThat(sales1.get("/api/visits/plan").json().toString()).doesNotContain("\"visitId\":" + visit + ",\"status\":\"PLANNED\"");
    }

    @Test
    void CUS14_aCheckInFarFromTheCustomerIsFlaggedWithADecision() {
        Api sales1 = login("sales1");
        long customer = customer("sales1", "己店");
        assertThat(sales1.put("/api/customers/" + customer + "/location", Map.of("lat", 23.1291, "lng", 113.2644)).status())
                .as("the visitor cannot set the point it is measured from").isEqualTo(403);
        assertThat(login("manager").put("/api/customers/" + customer + "/location", Map.of("lat", 23.1291, "lng", 113.2644)).status()).isEqualTo(200);
        long visit = newVisit(sales1, customer);

        assertThat(sales1.post("/api/visits/" + visit + "/check-in", Map.of("lat", 23.1)).code()).isEqualTo("validation");
        assertThat(sales1.post("/api/visits/" + visit + "/check-in", Map.of("lat", 123.0, "lng", 113.0)).status()).isEqualTo(422);
        Api.Response in = sales1.post("/api/visits/" + visit + "/check-in", Map.of("lat", 23.1471, "lng", 113.2644)); // ~2 km north
        JsonNode head = in.json().path("visit");
        assertThat(head.path("checkInDistanceM").asInt()).isBetween(1_950, 2_050);
        assertThat(head.path("checkInFar").asBoolean()).isTrue();
        assertThat(head.path("locationUnconfirmed").asBoolean()).isFalse();
        JsonNode decision = in.json().path("decisions").get(0);
        assertThat(decision.path("kind").asString()).isEqualTo("check-in-distance");
        assertThat(decision.path("hits").get(0).path("ruleId").asString()).isEqualTo("CUS-14");
        assertThat(decision.path("hits").get(0).path("inputs").path("radiusMetres").asLong()).isEqualTo(500);
        // the customer's visits list carries the flag, the distance and its decision: one request per page
        JsonNode listed = sales1.get("/api/visits?customerId=" + customer).json().path("items").get(0);
        assertThat(listed.path("checkInDistanceM").asInt()).isBetween(1_950, 2_050);
        assertThat(listed.path("distanceDecision").path("outcome").asString()).contains("\"far\":true");
    }

    @Test
    void CUS14_visitsFollowDataScope() {
        Api sales1 = login("sales1");
        long visit = newVisit(sales1, customer("sales1", "庚店"));
        Api sales2 = login("sales2");
        assertThat(sales2.get("/api/visits/" + visit).status()).isEqualTo(404);
        assertThat(sales2.put("/api/visits/" + visit, steps(0, false, "")).status()).isEqualTo(404);
        assertThat(sales2.post("/api/visits/" + visit + "/check-in", null).status()).isEqualTo(404);
        assertThat(sales2.post("/api/visits", Map.of("customerId", customer("sales1", "辛店"))).status()).isEqualTo(404);
        assertThat(sales2.get("/api/visits?size=200").json().toString()).doesNotContain("\"id\":" + visit + ",");

        Api manager = login("manager");
        assertThat(manager.get("/api/visits/" + visit).status()).isEqualTo(200);
        assertThat(manager.post("/api/visits/" + visit + "/check-in", null).code())
                .as("a manager reads visits; only salespeople and account managers make them (@Allow)").isEqualTo("forbidden");
    }

    @Test
    void CUS14_photosOnSteps245AreCheckedStoredAndScoped() {
        Api sales1 = login("sales1");
        long visit = newVisit(sales1, customer("sales1", "壬店"));
        Api.Response added = upload(sales1, visit, 2, "image/png", PNG);
        assertThat(added.status()).isEqualTo(201);
        long photo = id(added);
        Api.Response fetched = sales1.get("/api/visits/" + visit + "/photos/" + photo);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.headers().get("content-type")).isEqualTo("image/png");
        assertThat(sales1.get("/api/visits/" + visit).json().path("photos").get(0).path("step").asInt()).isEqualTo(2);

        assertThat(upload(sales1, visit, 3, "image/png", PNG).json().path("errors").get(0).path("field").asString()).isEqualTo("step");
        Api.Response fake = upload(sales1, visit, 4, "image/png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
        assertThat(fake.status()).isEqualTo(422);
        assertThat(fake.json().path("errors").get(0).path("code").asString()).isEqualTo("visit-photo-type");
        assertThat(upload(sales1, visit, 5, "image/gif", PNG).status()).isEqualTo(422);
        assertThat(upload(sales1, visit, 5, "image/jpeg", new byte[11 * 1024 * 1024]).json().path("errors").get(0).path("code").asString())
                .isEqualTo("visit-photo-too-large");

        Api sales2 = login("sales2");
        assertThat(sales2.get("/api/visits/" + visit + "/photos/" + photo).status()).isEqualTo(404);
        assertThat(upload(sales2, visit, 2, "image/png", PNG).status()).isEqualTo(404);
        assertThat(login("manager").get("/api/visits/" + visit + "/photos/" + photo).status()).isEqualTo(200);
    }

    @Test
    void CUS14_aPhotoIsRemovedByItsVisitorBeforeCheckOutOnly() {
        Api sales1 = login("sales1");
        long visit = newVisit(sales1, customer("sales1", "删照片店"));
        long wrong = id(upload(sales1, visit, 2, "image/png", PNG));
        long kept = id(upload(sales1, visit, 4, "image/png", PNG));

        assertThat(login("sales2").delete("/api/visits/" + visit + "/photos/" + wrong).status()).as("outside scope").isEqualTo(404);
        assertThat(login("manager").delete("/api/visits/" + visit + "/photos/" + wrong).status())
                .as("a manager reads the photos, does not remove them").isEqualTo(403);
        assertThat(sales1.delete("/api/visits/" + visit + "/photos/" + wrong).status()).isEqualTo(204);
        assertThat(sales1.get("/api/visits/" + visit + "/photos/" + wrong).status()).isEqualTo(404);
        assertThat(sales1.delete("/api/visits/" + visit + "/photos/" + wrong).status()).as("already gone").isEqualTo(404);
        assertThat(longs(sales1.get("/api/visits/" + visit).json().path("photos"), "id")).containsExactly(kept);
        assertThat(asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE entity_type = 'visit' AND entity_id = :v AND action = 'PHOTO_REMOVED'""")
                .param("v", String.valueOf(visit)).query(Long.class).single())).isEqualTo(1);

        sales1.post("/api/visits/" + visit + "/check-in", null);
        sales1.post("/api/visits/" + visit + "/check-out", null);
        Api.Response late = sales1.delete("/api/visits/" + visit + "/photos/" + kept);
        assertThat(late.code()).as("a finished visit's photos are its record").isEqualTo("visit-finished");
        assertThat(sales1.get("/api/visits/" + visit + "/photos/" + kept).status()).isEqualTo(200);
    }

    @Test
    void CUS14_aFinishedVisitIsReadOnly() {
        Api sales1 = login("sales1");
        long customer = customer("sales1", "只读店");
        long visit = newVisit(sales1, customer);
        sales1.post("/api/visits/" + visit + "/check-in", null);
        Api.Response out = sales1.post("/api/visits/" + visit + "/check-out", null);
        assertThat(out.json().path("visit").path("counted").asBoolean()).isTrue();
        long version = out.json().path("visit").path("version").asLong();

        Api.Response edit = sales1.put("/api/visits/" + visit, steps(version, false, ""));
        assertThat(edit.status()).isEqualTo(409);
        assertThat(edit.code()).isEqualTo("visit-finished");
        assertThat(edit.json().path("detail").asString()).as("said in the user's language").contains("只读");
        assertThat(sales1.post("/api/visits/" + visit + "/promises", Map.of("text", "补一个承诺", "dueOn", TODAY.plusDays(3).toString())).code())
                .isEqualTo("visit-finished");
        assertThat(upload(sales1, visit, 2, "image/png", PNG).code()).isEqualTo("visit-finished");
        JsonNode head = sales1.get("/api/visits/" + visit).json().path("visit");
        assertThat(head.path("objective").asString()).as("unchanged").isEqualTo("推荐新品上柜");
        assertThat(head.path("version").asLong()).isEqualTo(version);
    }

    @Test
    void CUS14_theVisitSaysWhereTheSystemBelievesTheCustomerIs() {
        Api sales1 = login("sales1");
        long customer = customer("sales1", "位置店");
        long visit = newVisit(sales1, customer);
        JsonNode before = sales1.get("/api/visits/" + visit).json().path("visit");
        assertThat(before.path("customerLat").isNull()).isTrue();
        assertThat(before.path("customerLocationSource").isNull()).as("位置待确认: no source without a point").isTrue();
        login("manager").put("/api/customers/" + customer + "/location", Map.of("lat", 23.1291, "lng", 113.2644));
        JsonNode after = sales1.get("/api/visits/" + visit).json().path("visit");
        assertThat(after.path("customerLat").asDouble()).isEqualTo(23.1291);
        assertThat(after.path("customerLng").asDouble()).isEqualTo(113.2644);
        assertThat(after.path("customerLocationSource").asString()).isEqualTo("MANAGER");
    }

    @Test
    void CUS14_completionCountsDoneOverPlannedPerPersonAndWeek() {
        Api sales4 = login("sales4");
        long planned = customer("sales4", "癸店");
        long closed = customer("sales4", "停业店", "CLOSED", "广州");
        sales4.post("/api/routes", route("完成率线", List.of(everyDay(planned), everyDay(closed))));
        boolean workingToday = sales4.get("/api/visits/plan").json().path("workingDay").asBoolean();
        long visit = newVisit(sales4, planned);
        sales4.post("/api/visits/" + visit + "/check-in", null);
        long closedVisit = newVisit(sales4, closed);
        sales4.post("/api/visits/" + closedVisit + "/check-in", null);
        sales4.post("/api/visits/" + closedVisit + "/check-out", null);

        String week = VisitPlans.isoWeek(VisitPlans.monday(null));
        JsonNode before = sales4.get("/api/visits/completion?week=" + week).json().path("people").get(0);
        assertThat(before.path("done").asInt()).as("checked in only: does not count").isZero();
        sales4.post("/api/visits/" + visit + "/check-out", null);

        JsonNode me = sales4.get("/api/visits/completion?week=" + week).json().path("people").get(0);
        assertThat(me.path("userId").asLong()).isEqualTo(userId("sales4"));
        assertThat(me.path("done").asInt() + me.path("unplannedDone").asInt()).as("the closed customer never counts").isEqualTo(1);
        if (workingToday) {
            assertThat(me.path("done").asInt()).isEqualTo(1);
            assertThat(me.path("planned").asInt()).isBetween(1, 7);
        }

        Api.Response managerView = login("manager").get("/api/visits/completion?week=" + week);
        assertThat(longs(managerView.json().path("people"), "userId")).contains(userId("sales4"));
        assertThat(login("sales1").get("/api/visits/completion?week=" + week + "&userId=" + userId("sales4")).status()).isEqualTo(404);
        assertThat(sales4.get("/api/visits/completion?week=2026-W99").status()).isEqualTo(422);
    }

    @Test
    void CUS14_marketInformationIsListedByBrandDistrictAndPeriodAndExported() {
        Api sales2 = login("sales2");
        long customer = customer("sales2", "佛山店", "INTENTION", "佛山");
        long visit = newVisit(sales2, customer);
        assertThat(sales2.put("/api/visits/" + visit, steps(0, false, "")).status()).isEqualTo(200);

        String query = "/api/visits/market-info?brand=竞品&city=佛山&from=" + TODAY.minusDays(1) + "&to=" + TODAY;
        Api.Response list = sales2.get(query);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().path("items").get(0).path("price").decimalValue()).isEqualByComparingTo("18.5");
        assertThat(list.json().path("items").get(0).path("city").asString()).isEqualTo("佛山");
        assertThat(sales2.get("/api/visits/market-info?brand=%25&city=佛山").json().path("total").asInt()).isZero();
        assertThat(sales2.get("/api/visits/market-info?city=广州&brand=竞品甲").json().path("items").toString()).doesNotContain("佛山店");
        assertThat(login("sales1").get(query).json().path("total").asInt()).isZero();
        assertThat(sales2.get("/api/visits/market-info?from=yesterday").status()).isEqualTo(400);

        Api.Response export = sales2.get("/api/visits/market-info/export?city=佛山");
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().get("content-type")).contains("spreadsheetml");
    }

    private static Api.Response upload(Api api, long visit, int step, String contentType, byte[] content) {
        String boundary = "----yewu" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"p\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .send("POST", "/api/visits/" + visit + "/photos?step=" + step, body.toByteArray());
    }
}
