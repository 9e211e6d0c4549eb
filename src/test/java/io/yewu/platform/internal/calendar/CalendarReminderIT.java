package io.yewu.platform.internal.calendar;

import io.yewu.platform.scheduling.CompanyJob;
import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLT-4: the administrator is reminded to enter next year's holiday schedule from 1 December — a notification at
 * most once a week, and a banner until the year is entered. A company of its own, so entering its 2027 leaves the
 * demo company's calendar alone.
 */
class CalendarReminderIT extends IntegrationTest {

    @Autowired
    List<CompanyJob> jobs;

    @Autowired
    CalendarReminder banner;

    private CompanyJob reminder() {
        return jobs.stream().filter(j -> j.name().equals("calendar.unpublished-reminder")).findFirst().orElseThrow();
    }

    private static java.time.Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private long reminders(long companyId) {
        return asSystem(() -> jdbc.sql("""
                SELECT count(*) FROM notification n JOIN app_user u ON u.id = n.user_id
                WHERE u.company_id = :c AND n.kind = 'calendar.unpublished'""").param("c", companyId).query(Long.class).single());
    }

    @Test
    void PLT4_fromTheFirstOfDecemberTheAdministratorIsRemindedWeeklyUntilTheYearIsEntered() {
        String code = "CAL" + System.nanoTime() % 100000;
        Api.Response created = login("admin").post("/api/group/companies", Map.of("code", code, "name", "日历公司",
                "adminUsername", "caladmin" + code.toLowerCase(), "adminPassword", "Calendar2026x"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long company = created.json().path("id").asLong();
        Api admin = Api.at(port).login("caladmin" + code.toLowerCase(), "Calendar2026x");
        CompanyJob job = reminder();
        assertThat(job.cron()).isEqualTo("0 0 9 * * *");

        CompanyContext.runAs(company, () -> job.run(company, at("2026-11-30T09:00")));
        assertThat(reminders(company)).isZero();

        CompanyContext.runAs(company, () -> job.run(company, at("2026-12-01T09:00")));
        assertThat(reminders(company)).isEqualTo(1);
        assertThat(admin.get("/api/notifications?size=50").json().path("items").get(0).path("title").asString())
                .isEqualTo("2027 年节假日安排尚未录入");
        CompanyContext.runAs(company, () -> job.run(company, at("2026-12-02T09:00")));
        CompanyContext.runAs(company, () -> job.run(company, at("2026-12-07T09:00")));
        assertThat(reminders(company)).isEqualTo(1); // not daily
        CompanyContext.runAs(company, () -> job.run(company, at("2026-12-08T09:00")));
        assertThat(reminders(company)).isEqualTo(2); // a week later, again

        assertThat(CompanyContext.callAs(company, () -> banner.missingYears(java.time.LocalDate.of(2026, 11, 30)))).isEmpty();
        assertThat(CompanyContext.callAs(company, () -> banner.missingYears(java.time.LocalDate.of(2026, 12, 1)))).containsExactly(2027);
        Api.Response banner = admin.get("/api/admin/calendar/reminder");
        assertThat(banner.status()).isEqualTo(200);
        // the banner follows today's date: 2027 is missing in this company, so it shows exactly from 1 December
        boolean december = java.time.LocalDate.now(ZoneId.of("Asia/Shanghai")).getMonthValue() == 12;
        assertThat(banner.json().path("missingYears").valueStream().map(n -> n.asInt()).toList())
                .isEqualTo(december ? List.of(2027) : List.of());

        assertThat(admin.post("/api/admin/calendar/2027/publish", null).status()).isEqualTo(200);
        CompanyContext.runAs(company, () -> job.run(company, at("2026-12-15T09:00")));
        assertThat(reminders(company)).isEqualTo(2);
        assertThat(admin.get("/api/admin/calendar/reminder").json().path("missingYears").size()).isZero();
        assertThat(CompanyContext.callAs(company, () -> this.banner.missingYears(java.time.LocalDate.of(2026, 12, 15)))).isEmpty();
        assertThat(login("sales1").get("/api/admin/calendar/reminder").status()).isEqualTo(403);
    }
}
