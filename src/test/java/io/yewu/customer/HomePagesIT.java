package io.yewu.customer;

import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.customer;
import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** The role home pages (工作台): each reads its own day, within data scope (PLT-5) and the company wall (PLT-11). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomePagesIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private String dueName;
    private String lateLead;

    @BeforeAll
    void sales1HasADayOfWork() {
        Api sales1 = login("sales1");
        dueName = unique("工作台跟进客户");
        long due = sales1.post("/api/customers", customer(dueName, mobile())).json().path("id").asLong();
        // a call today whose next contact is today: due today (no later contact settles it)
        assertThat(sales1.post("/api/customers/" + due + "/follow-ups", Map.of("kind", "PHONE", "content", "约了今天再联系",
                "nextFollowUpOn", TODAY.toString())).status()).isEqualTo(201);
        // a meeting today with another customer: one meeting toward TEAM-2
        long met = sales1.post("/api/customers", customer(unique("工作台见面客户"), mobile())).json().path("id").asLong();
        assertThat(sales1.post("/api/customers/" + met + "/follow-ups", Map.of("kind", "MEETING", "content", "上门见面")).status())
                .isEqualTo(201);
        lateLead = unique("工作台逾期线索");
        long lead = sales1.post("/api/customers", customer(lateLead, mobile())).json().path("id").asLong();
        // assigned three days ago with a deadline yesterday and never contacted (CUS-12)
        asSystem(() -> jdbc.sql("""
                UPDATE customer SET assigned_at = now() - interval '3 days', first_contact_due = now() - interval '1 day',
                       first_contacted_at = NULL WHERE id = :id""").param("id", lead).update());
    }

    @Test
    void TEAM2_theSalespersonSeesOwnFollowUpsLeadsAndGoalsWithLiveProgress() {
        JsonNode home = login("sales1").get("/api/home/sales").json();
        assertThat(home.path("today").asString()).isEqualTo(TODAY.toString());
        assertThat(home.path("followUps").path("dueToday").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(names(home.path("followUps").path("items"), "customerName")).contains(dueName);
        assertThat(home.path("leads").path("overdue").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(names(home.path("leads").path("items"), "name")).contains(lateLead);
        JsonNode goals = home.path("goals");
        assertThat(goals.path("hits").get(0).path("ruleId").asString()).isEqualTo("TEAM-2");
        JsonNode intentions = goals.path("outcome").get(0);
        JsonNode meetings = goals.path("outcome").get(1);
        assertThat(intentions.path("kind").asString()).isEqualTo("NEW_INTENTIONS");
        // the three customers filed today are intention customers of today; the meeting counts once
        assertThat(intentions.path("done").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(meetings.path("done").asLong()).isGreaterThanOrEqualTo(1);
        JsonNode activity = login("sales1").get("/api/home/sales/activity?from=" + TODAY + "&to=" + TODAY).json();
        assertThat(activity.path("days").size()).isOne();
        assertThat(activity.path("days").get(0).path("calls").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(activity.path("days").get(0).path("meetings").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void PLT5_anotherSalespersonSeesNoneOfIt() {
        JsonNode home = login("sales2").get("/api/home/sales").json();
        assertThat(names(home.path("followUps").path("items"), "customerName")).doesNotContain(dueName);
        assertThat(names(home.path("leads").path("items"), "name")).doesNotContain(lateLead);
        JsonNode activity = login("sales2").get("/api/home/sales/activity?from=" + TODAY + "&to=" + TODAY).json();
        assertThat(activity.path("days").get(0).path("meetings").asLong()).isZero();
    }

    @Test
    void CUS12_theManagerSeesLateFirstContactsByPersonAndTheTeamWeek() {
        JsonNode team = login("manager").get("/api/home/team").json();
        List<String> late = names(team.path("overdueFirstContacts"), "name");
        assertThat(late).contains("张伟");
        assertThat(team.path("visits").path("week").asString()).matches("\\d{4}-W\\d{2}");
        assertThat(team.path("pool").has("waiting")).isTrue();
        assertThat(team.path("followUps").path("dueToday").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void PLT11_anotherCompanySeesNothingOfThisOne() {
        Api branchSales = login(userOfNewCompany("HP", RoleCode.SALESPERSON, "分公司业务员"));
        JsonNode home = branchSales.get("/api/home/sales").json();
        assertThat(home.path("followUps").path("dueToday").asLong()).isZero();
        assertThat(home.path("leads").path("waiting").asLong()).isZero();
        assertThat(home.path("followUps").path("items").size()).isZero();
        Api branchManager = login(userOfNewCompany("HM", RoleCode.BUSINESS_MANAGER, "分公司经理"));
        JsonNode team = branchManager.get("/api/home/team").json();
        assertThat(team.path("overdueFirstContacts").size()).isZero();
        assertThat(team.path("pool").path("waiting").asLong()).isZero();
        assertThat(team.path("openDisputes").asLong()).isZero();
    }

    @Test
    void PLT4_theAdministratorSeesTheChecklistAndNextYearsCalendar() {
        JsonNode setup = login("admin").get("/api/home/setup").json();
        assertThat(names(setup.path("checklist"), "key")).containsExactly("company", "departments", "users", "settings", "calendar");
        assertThat(setup.path("nextYear").path("year").asInt()).isEqualTo(TODAY.getYear() + 1);
        assertThat(setup.path("companyName").asString()).isNotBlank();
        assertThat(setup.path("failures").has("jobRuns")).isTrue();
        assertThat(login("sales1").get("/api/home/setup").status()).isEqualTo(403);
        assertThat(login("admin").get("/api/home/sales").status()).isEqualTo(403);
        assertThat(login("sales1").get("/api/home/team").status()).isEqualTo(403);
    }

    @Test
    void PLT9_aPeriodEndingBeforeItStartsIsRefusedWithAReason() {
        Api sales1 = login("sales1");
        Api.Response backwards = sales1.get("/api/home/sales/activity?from=2026-11-10&to=2026-11-01");
        assertThat(backwards.status()).isEqualTo(422);
        assertThat(backwards.body()).contains("to");
        assertThat(sales1.get("/api/home/sales/activity?from=2020-01-01&to=2026-11-01").status()).isEqualTo(422);
        assertThat(sales1.get("/api/home/sales/activity?from=yesterday").status()).isEqualTo(400);
    }

    private static List<String> names(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.path(field).asString()));
        return out;
    }
}
