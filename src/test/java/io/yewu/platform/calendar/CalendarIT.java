package io.yewu.platform.calendar;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CalendarIT extends IntegrationTest {

    @Autowired
    BusinessCalendar calendar;

    @Test
    void PLT4_newCompanyHasTheOfficialYearsAnd2027IsNotPublished() {
        Api admin = login("admin");
        JsonNode y2026 = admin.get("/api/admin/calendar/2026").json();
        assertThat(y2026.path("published").asBoolean()).isTrue();
        assertThat(y2026.path("days").size()).isEqualTo(39);
        assertThat(y2026.path("days").get(0).path("date").asString()).isEqualTo("2026-01-01");
        assertThat(y2026.path("days").get(0).path("name").asString()).isEqualTo("元旦");
        JsonNode y2027 = admin.get("/api/admin/calendar/2027").json();
        assertThat(y2027.path("published").asBoolean()).isFalse();
        assertThat(y2027.path("days").size()).isZero();
        assertThat(inDemo(() -> calendar.unpublishedYearsAhead(LocalDate.of(2026, 11, 23)))).containsExactly(2027);
    }

    @Test
    void PLT4_editsChangeTheCalendarServedToPoliciesAndAreAudited() {
        Api admin = login("admin");
        LocalDate day = LocalDate.of(2026, 3, 9); // a plain Monday
        assertThat(inDemo(() -> calendar.calendar().isWorkingDay(day))).isTrue();

        assertThat(admin.put("/api/admin/calendar/days/2026-03-09", Map.of("off", true, "name", "公司庆典")).status()).isEqualTo(204);
        assertThat(inDemo(() -> calendar.calendar().isWorkingDay(day))).isFalse();
        JsonNode march = dayOf(admin.get("/api/admin/calendar/2026").json(), "2026-03-09");
        assertThat(march.path("off").asBoolean()).isTrue();
        assertThat(march.path("name").asString()).isEqualTo("公司庆典");

        assertThat(admin.delete("/api/admin/calendar/days/2026-03-09").status()).isEqualTo(204);
        assertThat(inDemo(() -> calendar.calendar().isWorkingDay(day))).isTrue();
        assertThat(dayOf(admin.get("/api/admin/calendar/2026").json(), "2026-03-09")).isNull();

        long audited = asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE entity_type = 'calendar-day' AND entity_id = '2026-03-09'""")
                .query(Long.class).single());
        assertThat(audited).isEqualTo(2);
    }

    @Test
    void PLT4_publishMarksAYearWithoutGuessingItsDays() {
        Api admin = login("admin");
        JsonNode r = admin.post("/api/admin/calendar/2029/publish", null).json();
        assertThat(r.path("published").asBoolean()).isTrue();
        assertThat(r.path("days").size()).isZero();
    }

    @Test
    void PLT4_importingAHolidayCnFileReplacesTheYearAndPublishesIt() {
        Api admin = login("admin");
        String file = """
                {"year": 2028, "days": [
                  {"name": "元旦", "date": "2028-01-01", "isOffDay": true},
                  {"name": "春节", "date": "2028-01-29", "isOffDay": false}
                ]}""";
        Api.Response r = upload(admin, "2028.json", file);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().path("year").asInt()).isEqualTo(2028);
        assertThat(r.json().path("published").asBoolean()).isTrue();
        assertThat(r.json().path("days").size()).isEqualTo(2);
        assertThat(inDemo(() -> calendar.calendar().isWorkingDay(LocalDate.of(2028, 1, 29)))).isTrue(); // a Saturday
        assertThat(inDemo(() -> calendar.calendar().isPublished(2028))).isTrue();
    }

    @Test
    void PLT4_aBrokenFileIs400WithThePlaceThatIsWrong() {
        Api admin = login("admin");
        Api.Response notJson = upload(admin, "x.json", "year: 2028");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.code()).isEqualTo("calendar-bad-file");

        Api.Response badDate = upload(admin.language("en"), "x.json", """
                {"year": 2028, "days": [{"name": "元旦", "date": "2028-01-01", "isOffDay": true},
                                        {"name": "春节", "date": "2028-02-30", "isOffDay": true}]}""");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().path("detail").asString()).isEqualTo("The holiday file is not in the expected format: days[1].date");
        assertThat(badDate.json().path("errors").get(0).path("message").asString()).isEqualTo("Invalid format");

        Api.Response otherYear = upload(admin, "x.json", """
                {"year": 2028, "days": [{"name": "元旦", "date": "2029-01-01", "isOffDay": true}]}""");
        assertThat(otherYear.json().path("errors").get(0).path("code").asString()).isEqualTo("calendar-other-year");
        assertThat(admin.get("/api/admin/calendar/2029").json().path("days").size()).isZero();
    }

    @Test
    void PLT4_aSalespersonCannotReadOrEditTheCalendar() {
        Api sales = login("sales1");
        assertThat(sales.get("/api/admin/calendar/2026").status()).isEqualTo(403);
        assertThat(sales.put("/api/admin/calendar/days/2026-03-09", Map.of("off", true, "name", "x")).status()).isEqualTo(403);
        assertThat(sales.delete("/api/admin/calendar/days/2026-01-01").status()).isEqualTo(403);
        assertThat(upload(sales, "2028.json", "{}").status()).isEqualTo(403);
    }

    private static JsonNode dayOf(JsonNode year, String date) {
        for (JsonNode d : year.path("days")) if (d.path("date").asString().equals(date)) return d;
        return null;
    }

    private <T> T inDemo(java.util.function.Supplier<T> work) {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        return CompanyContext.callAs(company, work);
    }

    static Api.Response upload(Api api, String name, String content) {
        String boundary = UUID.randomUUID().toString();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .post("/api/admin/calendar/import", body.toByteArray());
    }
}
