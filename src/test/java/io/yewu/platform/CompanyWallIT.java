package io.yewu.platform;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PLT-11: no user sees or changes another company's rows, by the query filter and by the database's own policy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompanyWallIT extends IntegrationTest {

    private long otherCompany;
    private long demoCompany;

    @BeforeAll
    void secondCompany() {
        Api.Response r = login("admin").post("/api/group/companies", Map.of("code", "BRANCH" + System.nanoTime() % 100000,
                "name", "分公司", "adminUsername", "branchadmin", "adminPassword", "Branch2026x"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        otherCompany = r.json().path("id").asLong();
        demoCompany = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
    }

    @Test
    void PLT11_otherCompanyAdministratorSeesOnlyItsOwnUsersAndDepartments() {
        Api branch = Api.at(port).login("branchadmin", "Branch2026x");
        var users = branch.get("/api/admin/users?size=200").json().path("items");
        assertThat(users.size()).isEqualTo(1);
        assertThat(users.get(0).path("username").asString()).isEqualTo("branchadmin");
        assertThat(branch.get("/api/admin/departments").json().size()).isEqualTo(1);
        assertThat(branch.get("/api/users/search?q=张").json().size()).isZero();
    }

    @Test
    void PLT11_otherCompanyCannotChangeDemoUsersById() {
        Api branch = Api.at(port).login("branchadmin", "Branch2026x");
        long sales1 = asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = 'sales1'").query(Long.class).single());
        Api.Response r = branch.put("/api/admin/users/" + sales1, Map.of("displayName", "hijack", "departmentId", 1,
                "roles", List.of("ADMIN"), "active", true, "version", 0));
        assertThat(r.status()).isIn(404, 422);
        assertThat(branch.post("/api/admin/users/" + sales1 + "/reset-password", Map.of("newPassword", "Hijack2026x")).status())
                .isEqualTo(404);
        String name = asSystem(() -> jdbc.sql("SELECT display_name FROM app_user WHERE id = :id").param("id", sales1)
                .query(String.class).single());
        assertThat(name).isEqualTo("张伟");
    }

    @Test
    void PLT11_rowLevelSecurityHidesOtherCompaniesEvenWhenAQueryForgetsTheFilter() {
        long seen = CompanyContext.callAs(otherCompany, () -> jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single());
        assertThat(seen).isEqualTo(1);
        long demo = CompanyContext.callAs(demoCompany, () -> jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single());
        assertThat(demo).isGreaterThan(20);
        long none = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single(); // no company in context
        assertThat(none).isZero();
    }

    @Test
    void PLT11_rowLevelSecurityRefusesWritingIntoAnotherCompany() {
        int updated = CompanyContext.callAs(otherCompany, () ->
                jdbc.sql("UPDATE app_user SET display_name = 'x' WHERE username = 'sales2'").update());
        assertThat(updated).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompanyContext.runAs(otherCompany, () ->
                        jdbc.sql("INSERT INTO audit_log (company_id, actor_name, entity_type, entity_id, action) VALUES (:c, 'x', 't', '1', 'a')")
                                .param("c", demoCompany).update()))
                .rootCause().hasMessageContaining("row-level security");
    }

    @Test
    void PLT11_groupEndpointsNeedTheGroupAdministrator() {
        Api branch = Api.at(port).login("branchadmin", "Branch2026x");
        assertThat(branch.get("/api/group/companies").status()).isEqualTo(403);
    }
}
