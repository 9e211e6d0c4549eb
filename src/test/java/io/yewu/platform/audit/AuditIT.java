package io.yewu.platform.audit;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditIT extends IntegrationTest {

    @org.springframework.beans.factory.annotation.Autowired
    AuditTrail audit;

    @Test
    void PLT6_entriesRecordedInBulkAreLoggedOnePerRecordWithTheirChanges() {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        Map<Long, Changes> changes = new java.util.LinkedHashMap<>();
        changes.put(1L, Changes.of().created("name", "甲"));
        changes.put(2L, Changes.of().put("name", "乙", "丙"));
        io.yewu.platform.security.CompanyContext.runAs(company, () -> audit.recordAll("bulk-test", "create", changes));

        JsonNode page = login("admin").get("/api/admin/audit?entityType=bulk-test&size=10").json();
        assertThat(page.path("total").asInt()).isEqualTo(2);
        for (JsonNode entry : page.path("items")) {
            assertThat(entry.path("action").asString()).isEqualTo("create");
            assertThat(entry.path("actorName").asString()).isEqualTo("系统 / system");
            String expected = entry.path("entityId").asString().equals("1") ? "甲" : "丙";
            assertThat(entry.path("changes").path("name").path("new").asString()).isEqualTo(expected);
        }
        assertThat(page.path("items").findValuesAsString("entityId")).containsExactlyInAnyOrder("1", "2");
    }

    @Test
    void PLT6_idsInChangesComeWithTheNamesOfTheUsersAndDepartmentsTheyStandFor() {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        record Person(long id, String name, long departmentId, String departmentName) {}
        Person sales1 = asSystem(() -> jdbc.sql("""
                SELECT u.id, u.display_name AS name, d.id AS department_id, d.name AS department_name FROM app_user u
                JOIN department d ON d.id = u.department_id WHERE u.company_id = :c AND u.username = 'sales1'""")
                .param("c", company).query(Person.class).single());
        io.yewu.platform.security.CompanyContext.runAs(company, () -> audit.record("user", sales1.id(), "update",
                Changes.of().put("departmentId", null, sales1.departmentId()).put("ownerId", sales1.id(), null)));

        JsonNode entry = login("admin").get("/api/admin/audit?entityType=user&entityId=" + sales1.id() + "&size=1")
                .json().path("items").get(0);

        assertThat(entry.path("entityName").asString()).isEqualTo(sales1.name());
        assertThat(entry.path("names").path("department:" + sales1.departmentId()).asString()).isEqualTo(sales1.departmentName());
        assertThat(entry.path("names").path("user:" + sales1.id()).asString()).isEqualTo(sales1.name());
    }

    @Test
    void PLT6_aSettingChangeIsLoggedWithOldAndNewValues() {
        Api admin = login("admin");
        long adminId = admin.get("/api/me").json().path("id").asLong();
        admin.post("/api/admin/settings/approval.reminder-hours", Map.of("value", 12));
        admin.post("/api/admin/settings/approval.reminder-hours", Map.of("value", 24));

        JsonNode page = admin.get("/api/admin/audit?entityType=setting&entityId=approval.reminder-hours&actorId=" + adminId
                + "&from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now().plusDays(1)).json();

        assertThat(page.path("total").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(page.path("totalExact").asBoolean()).isTrue();
        JsonNode newest = page.path("items").get(0);
        assertThat(newest.path("actorName").asString()).isEqualTo("系统管理员");
        assertThat(newest.path("action").asString()).isEqualTo("change");
        assertThat(newest.path("changes").path("value").path("old").asInt()).isEqualTo(12);
        assertThat(newest.path("changes").path("value").path("new").asInt()).isEqualTo(24);
        assertThat(page.path("items").get(1).path("changes").path("value").path("new").asInt()).isEqualTo(12);
        assertThat(newest.path("at").asString()).endsWith("+08:00");
    }

    @Test
    void PLT6_filtersNarrowTheList() {
        Api admin = login("admin");
        admin.post("/api/admin/settings/approval.reminder-hours", Map.of("value", 24));
        assertThat(admin.get("/api/admin/audit?entityType=setting&to=2000-01-01").json().path("total").asInt()).isZero();
        assertThat(admin.get("/api/admin/audit?entityType=no-such-type").json().path("items").size()).isZero();
        assertThat(admin.get("/api/admin/audit?entityType=setting&size=1").json().path("items").size()).isEqualTo(1);
        assertThat(admin.get("/api/admin/audit?from=not-a-date").status()).isEqualTo(400);
    }

    @Test
    void PLT6_exportIsAValidSpreadsheetWithTheSameFilters() throws Exception {
        Api admin = login("admin");
        admin.post("/api/admin/settings/money.vat-rate", Map.of("value", 0.13, "effectiveFrom", "2030-01-01T00:00:00+08:00"));

        byte[] xlsx = download(admin, "/api/admin/audit/export?entityType=setting&entityId=money.vat-rate");

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(0)).isEqualTo("时间");
            assertThat(rows.get(0).getCellText(5)).isEqualTo("变更");
            assertThat(rows).hasSizeGreaterThan(1);
            assertThat(rows.get(1).getCellText(3)).isEqualTo("money.vat-rate");
            assertThat(rows.get(1).getCellText(5)).contains("effectiveFrom:").contains("2030-01-01T00:00+08:00");
            assertThat(rows.stream().skip(1).map(r -> r.getCellText(2))).containsOnly("setting");
        }
    }

    @Test
    void PLT6_theLogIsReadOnlyAndForAdministratorsOnly() {
        Api admin = login("admin");
        long id = admin.get("/api/admin/audit?size=1").json().path("items").get(0).path("id").asLong();
        assertThat(admin.delete("/api/admin/audit/" + id).status()).isIn(404, 405);
        assertThat(admin.put("/api/admin/audit/" + id, Map.of("action", "x")).status()).isIn(404, 405);
        assertThat(login("sales1").get("/api/admin/audit").status()).isEqualTo(403);
        assertThat(login("sales1").get("/api/admin/audit/export").status()).isEqualTo(403);
    }

    private byte[] download(Api api, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", "SESSION=" + api.sessionCookie()).build();
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("spreadsheetml"));
        return r.body();
    }
}
