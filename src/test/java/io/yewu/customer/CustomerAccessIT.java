package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/** PLT-5 / CUS-16 through every customer endpoint: another salesperson's customer does not exist for you. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerAccessIT extends IntegrationTest {

    private long id;
    private String name;
    private String phone;

    @BeforeAll
    void sales1FilesACustomerWithCreditTerms() {
        name = unique("张伟的客户");
        phone = mobile();
        id = login("sales1").post("/api/customers", CustomerFilingIT.customer(name, phone)).json().path("id").asLong();
        asSystem(() -> jdbc.sql("UPDATE customer SET credit_term_days = 30, credit_limit = 50000, bank_account = '6222' WHERE id = :id")
                .param("id", id).update());
    }

    @Test
    void CUS16_anotherSalespersonCannotListReadExportOrChangeIt() {
        Api sales2 = login("sales2");
        assertThat(sales2.get("/api/customers?size=200&q=" + enc(name)).json().path("items").size()).isZero();
        assertThat(sales2.get("/api/customers?q=" + phone).json().path("items").size()).isZero();
        assertThat(sales2.get("/api/customers/" + id).status()).isEqualTo(404);
        assertThat(sales2.put("/api/customers/" + id, Map.of("city", "广州", "version", 0)).status()).isEqualTo(404);
        assertThat(sales2.post("/api/customers/" + id + "/follow-ups", Map.of("kind", "PHONE", "content", "x")).status()).isEqualTo(404);
        assertThat(sales2.post("/api/customers/" + id + "/change-requests", Map.of("changes", Map.of("name", "改名"))).status()).isEqualTo(404);
        assertThat(sales2.get("/api/customers/ownership?customerId=" + id + "&at=2026-01-01T00:00:00%2B08:00").status()).isEqualTo(404);
        // 403 by the declaration (@Allow: managers only) once enforced; the file does not exist for sales2 either way
        assertThat(sales2.post("/api/customers/" + id + "/transfer", Map.of("toUserId", 1, "reason", "x")).status()).isIn(403, 404);
        Api.Response export = sales2.get("/api/customers/export?q=" + enc(name));
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).doesNotContain(name);
    }

    @Test
    void CUS16_theOwnerAndTheManagerSeeItAndItsCreditTerms() {
        var own = login("sales1").get("/api/customers/" + id).json().path("customer");
        assertThat(own.path("creditLimit").decimalValue()).isEqualByComparingTo("50000");
        assertThat(own.path("contacts").get(0).path("phone").asString()).isEqualTo(phone);
        var managed = login("manager").get("/api/customers/" + id).json().path("customer");
        assertThat(managed.path("creditTermDays").asInt()).isEqualTo(30);
        assertThat(login("manager").get("/api/customers?size=200&q=" + enc(name)).json().path("items").size()).isOne();
        assertThat(login("gm").get("/api/customers/" + id).status()).isEqualTo(200);
    }

    @Test
    void CUS16_aServiceAgentSeesNameAndContactsButNoCreditTerms() {
        var seen = login("agent1").get("/api/customers/" + id).json().path("customer");
        assertThat(seen.path("name").asString()).isEqualTo(name);
        assertThat(seen.path("contacts").get(0).path("phone").asString()).isEqualTo(phone);
        assertThat(seen.path("creditLimit").isNull()).isTrue();
        assertThat(seen.path("creditTermDays").isNull()).isTrue();
        assertThat(seen.path("bankAccount").isNull()).isTrue();
    }

    @Test
    void CUS16_anotherDepartmentsManagerCannotSeeIt() {
        assertThat(login("servicedir").get("/api/customers/" + id).json().path("customer").path("creditLimit").isNull()).isTrue();
        assertThat(login("mktmgr").get("/api/customers/" + id).status()).isEqualTo(404);
    }

    @Test
    void PLT11_anotherCompanySeesNothing() {
        Api admin = login("admin");
        admin.post("/api/group/companies", Map.of("code", "CW" + System.nanoTime() % 100000, "name", "另一公司",
                "adminUsername", "cwadmin" + System.nanoTime() % 100000, "adminPassword", "Branch2026x"));
        String username = asSystem(() -> jdbc.sql("SELECT username FROM app_user WHERE username LIKE 'cwadmin%' ORDER BY id DESC LIMIT 1")
                .query(String.class).single());
        Api other = Api.at(port).login(username, "Branch2026x");
        // the other company's administrator is no customer reader (403 once @Allow is enforced); never a row of ours
        assertThat(other.get("/api/customers/" + id).status()).isIn(403, 404);
        Api.Response list = other.get("/api/customers?size=200");
        assertThat(list.status() == 403 || list.json().path("items").isEmpty()).as(list.body()).isTrue();
        assertThat(other.get("/api/customers/duplicates?name=" + enc(name)).body()).doesNotContain(name);
    }

    @Test
    void editingKeepsTheVersionHonest() {
        Api sales1 = login("sales1");
        long version = sales1.get("/api/customers/" + id).json().path("customer").path("version").asLong();
        Map<String, Object> edit = Map.of("city", "佛山", "address", "新地址", "tags", List.of("重点"),
                "contacts", List.of(Map.of("name", "王经理", "phone", phone)), "version", version);
        assertThat(sales1.put("/api/customers/" + id, edit).status()).isEqualTo(200);
        Api.Response stale = sales1.put("/api/customers/" + id, edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("version-conflict");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
