package io.yewu.platform;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PLT-11: a company's administrator never grants GROUP_ADMIN nor acts outside its company; only a group
 * administrator creates companies and group administrators.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupAdminIT extends IntegrationTest {

    private Api branch;        // administrator of a second company
    private Api demoAdmin;     // an ADMIN of the demo company who is not a group administrator

    private long id(String sql, Object param) {
        return asSystem(() -> jdbc.sql(sql).param("p", param).query(Long.class).single());
    }

    private long department(String name) {
        return id("SELECT id FROM department WHERE name = :p", name);
    }

    @BeforeAll
    void administrators() {
        Api group = login("admin");
        Api.Response created = group.post("/api/group/companies", Map.of("code", "GA" + System.nanoTime() % 100000,
                "name", "二分公司", "adminUsername", "ga-branch", "adminPassword", "Branch2026x"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        branch = Api.at(port).login("ga-branch", "Branch2026x");
        Api.Response plain = group.post("/api/admin/users", Map.of("username", "ga-plainadmin", "displayName", "普通管理员",
                "departmentId", department("行政部"), "roles", List.of("ADMIN"), "password", "Plain2026x"));
        assertThat(plain.status()).as(plain.body()).isEqualTo(201);
        demoAdmin = Api.at(port).login("ga-plainadmin", "Plain2026x");
    }

    @Test
    void PLT11_aCompanyAdministratorCannotGrantGroupAdmin() {
        Api.Response create = demoAdmin.post("/api/admin/users", Map.of("username", "ga-sneaky", "displayName", "偷偷",
                "departmentId", department("行政部"), "roles", List.of("ADMIN", "GROUP_ADMIN"), "password", "Sneaky2026x"));
        assertThat(create.status()).isEqualTo(403);
        assertThat(create.code()).isEqualTo("group-admin-only");
        assertThat(id("SELECT count(*) FROM app_user WHERE username = :p", "ga-sneaky")).isZero();

        long self = id("SELECT id FROM app_user WHERE username = :p", "ga-plainadmin");
        long version = id("SELECT version FROM app_user WHERE username = :p", "ga-plainadmin");
        Api.Response promote = demoAdmin.put("/api/admin/users/" + self, Map.of("displayName", "普通管理员",
                "departmentId", department("行政部"), "roles", List.of("ADMIN", "GROUP_ADMIN"), "active", true, "version", version));
        assertThat(promote.status()).isEqualTo(403);
        assertThat(demoAdmin.get("/api/group/companies").status()).isEqualTo(403);
    }

    @Test
    void PLT11_aCompanyAdministratorCannotTakeOverAGroupAdministrator() {
        long groupAdmin = id("SELECT id FROM app_user WHERE username = :p", "admin");
        long version = id("SELECT version FROM app_user WHERE username = :p", "admin");
        assertThat(demoAdmin.post("/api/admin/users/" + groupAdmin + "/reset-password", Map.of("newPassword", "Taken2026x"))
                .status()).isEqualTo(403);
        assertThat(demoAdmin.put("/api/admin/users/" + groupAdmin, Map.of("displayName", "系统管理员",
                "departmentId", department("行政部"), "roles", List.of("ADMIN"), "active", false, "version", version))
                .status()).isEqualTo(403);
        assertThat(login("admin").get("/api/group/companies").status()).isEqualTo(200);
    }

    @Test
    void PLT11_onlyAGroupAdministratorCreatesCompaniesAndGroupAdministrators() {
        for (Api notGroup : List.of(branch, demoAdmin)) {
            assertThat(notGroup.post("/api/group/companies", Map.of("code", "EVIL", "name", "冒牌",
                    "adminUsername", "evil-admin", "adminPassword", "Evil2026xx")).status()).isEqualTo(403);
        }
        assertThat(id("SELECT count(*) FROM company WHERE code = :p", "EVIL")).isZero();
        Api.Response granted = login("admin").post("/api/admin/users", Map.of("username", "ga-second", "displayName", "第二集团管理员",
                "departmentId", department("行政部"), "roles", List.of("ADMIN", "GROUP_ADMIN"), "password", "Second2026x"));
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        assertThat(Api.at(port).login("ga-second", "Second2026x").get("/api/group/companies").status()).isEqualTo(200);
    }

    @Test
    void PLT11_anotherCompanysUsersDepartmentsAndSettingsAreOutOfReach() {
        long sales1 = id("SELECT id FROM app_user WHERE username = :p", "sales1");
        long salesDept = department("业务一组");
        assertThat(branch.put("/api/admin/users/" + sales1, Map.of("displayName", "x", "departmentId", salesDept,
                "roles", List.of("SALESPERSON"), "active", false, "version", 0)).status()).isEqualTo(404);
        assertThat(branch.post("/api/admin/users/" + sales1 + "/reset-password", Map.of("newPassword", "Hijack2026x")).status())
                .isEqualTo(404);
        assertThat(branch.put("/api/admin/departments/" + salesDept, Map.of("name", "x", "version", 0)).status()).isEqualTo(404);
        assertThat(branch.delete("/api/admin/departments/" + salesDept).status()).isEqualTo(404);
        Api.Response intoOther = branch.post("/api/admin/users", Map.of("username", "ga-wrongdept", "displayName", "错部门",
                "departmentId", salesDept, "roles", List.of("SALESPERSON"), "password", "Wrong2026xx"));
        assertThat(intoOther.status()).isEqualTo(422);

        long demoRole = id("SELECT id FROM role WHERE code = :p AND company_id = (SELECT id FROM company WHERE code = 'DEMO')", "SALESPERSON");
        assertThat(branch.put("/api/admin/roles/" + demoRole, Map.of("dataScope", "ALL", "version", 0)).status()).isEqualTo(404);

        BigDecimal demoVat = new BigDecimal(vat(login("admin")));
        assertThat(branch.post("/api/admin/settings/money.vat-rate", Map.of("value", new BigDecimal("0.05"))).status()).isEqualTo(200);
        assertThat(new BigDecimal(vat(branch))).isEqualByComparingTo("0.05");
        assertThat(new BigDecimal(vat(login("admin")))).isEqualByComparingTo(demoVat);
    }

    private String vat(Api api) {
        for (var s : api.get("/api/admin/settings").json()) {
            if (s.path("key").asString().equals("money.vat-rate")) return s.path("value").asString();
        }
        throw new AssertionError("no vat setting");
    }
}
