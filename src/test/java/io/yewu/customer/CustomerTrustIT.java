package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.customer;
import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, customers side: the service desk and administration read customers without credit data anywhere; the
 * lead pool and the duplicate check are only for those who file or distribute leads; the duplicate check is not an
 * oracle; invisible characters make no second file; references outside the caller's scope or company do not exist.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerTrustIT extends IntegrationTest {

    /** Values only the credit fields hold, so a leak shows up by grepping any answer. */
    private static final String LIMIT = "73519.00";
    private static final String LIMIT_ASKED = "98765.00";
    private static final String BANK_ACCOUNT = "6222555566667777";
    private static final String BANK_NAME = "招商银行秘密支行";
    private static final String TAX_ID = "TAX91350100SECRET";
    private static final String INVOICE_TITLE = "秘密开票抬头有限公司";
    private static final String INVESTIGATION = "资金周转秘密良好";
    private static final List<String> SECRETS = List.of(LIMIT, "73519", LIMIT_ASKED, "98765", BANK_ACCOUNT, BANK_NAME, TAX_ID,
            INVOICE_TITLE, INVESTIGATION);

    private static final List<String> SERVICE_DESK = List.of("agent1", "shiftlead", "qc", "revisit", "editor", "servicedir");

    private long customerId;
    private String customerName;
    private String phone;
    private long leadId;

    @BeforeAll
    void sales1FilesACustomerWithCreditTermsAndAsksToRaiseThem() {
        customerName = unique("信用客户");
        phone = mobile();
        Api sales1 = login("sales1");
        customerId = sales1.post("/api/customers", customer(customerName, phone)).json().path("id").asLong();
        asSystem(() -> jdbc.sql("""
                UPDATE customer SET credit_term_days = 31, credit_limit = :limit, bank_account = :account, bank_name = :bank,
                       tax_id = :tax, invoice_title = :title WHERE id = :id""")
                .param("limit", new java.math.BigDecimal(LIMIT)).param("account", BANK_ACCOUNT).param("bank", BANK_NAME)
                .param("tax", TAX_ID).param("title", INVOICE_TITLE).param("id", customerId).update());
        Api.Response request = sales1.post("/api/customers/" + customerId + "/change-requests", Map.of(
                "changes", Map.of("creditTermDays", 60, "creditLimit", LIMIT_ASKED),
                "creditInvestigation", Map.of("capitalTurnover", INVESTIGATION, "paymentHistory", "无拖欠", "references", "供应商甲")));
        assertThat(request.status()).as(request.body()).isEqualTo(201);
        Map<String, Object> lead = customer(unique("网络线索"), mobile());
        leadId = login("promoter").post("/api/leads", lead).json().path("id").asLong();
        assertThat(leadId).isPositive();
    }

    // ---- fields by role -------------------------------------------------------------------------------------------

    @Test
    void CUS16_theOwnerAndFinanceSeeTheCreditData() {
        String own = login("sales1").get("/api/customers/" + customerId).body();
        assertThat(own).contains(LIMIT, BANK_ACCOUNT, TAX_ID, INVESTIGATION, LIMIT_ASKED);
        for (String finance : List.of("finance", "cashier", "cfo")) {
            var file = login(finance).get("/api/customers/" + customerId).json().path("customer");
            assertThat(file.path("creditLimit").decimalValue()).as(finance).isEqualByComparingTo(LIMIT);
            assertThat(file.path("bankAccount").asString()).as(finance).isEqualTo(BANK_ACCOUNT);
        }
    }

    @Test
    void CUS16_theServiceDeskReadsTheFileWithoutAnyCreditDataInAnyAnswer() throws Exception {
        for (String desk : SERVICE_DESK) {
            Api api = login(desk);
            Api.Response detail = api.get("/api/customers/" + customerId);
            assertThat(detail.status()).as(desk).isEqualTo(200);
            var file = detail.json().path("customer");
            assertThat(file.path("name").asString()).isEqualTo(customerName);
            assertThat(file.path("contacts").get(0).path("phone").asString()).as("contacts answer questions").isEqualTo(phone);
            for (String field : List.of("creditTermDays", "creditLimit", "bankName", "bankAccount", "invoiceTitle", "taxId")) {
                assertThat(file.path(field).isNull()).as(desk + " " + field).isTrue();
            }
            assertThat(detail.json().path("changeRequests").size()).as("the history is shown, without its credit values").isOne();
            assertNoSecrets(desk + " detail", detail.body());
            assertNoSecrets(desk + " list", api.get("/api/customers?size=200&q=" + enc(customerName)).body());
            assertNoSecrets(desk + " search by phone", api.get("/api/customers?q=" + phone).body());
            assertNoSecrets(desk + " ownership", api.get("/api/customers/ownership?customerId=" + customerId
                    + "&at=2030-01-01T00:00:00%2B08:00").body());
            assertNoSecrets(desk + " export", xlsxText(api, "/api/customers/export?q=" + enc(customerName)));
        }
    }

    @Test
    void CUS16_administrationSeesNoBankAccountOrCreditTerms() throws Exception {
        Api office = login("office");
        var file = office.get("/api/customers/" + customerId).json();
        assertThat(file.path("customer").path("creditLimit").isNull()).isTrue();
        assertThat(file.path("customer").path("creditTermDays").isNull()).isTrue();
        assertThat(file.path("customer").path("bankAccount").isNull()).isTrue();
        assertThat(file.path("customer").path("bankName").isNull()).isTrue();
        assertThat(file.path("customer").path("invoiceTitle").asString()).as("invoices are administration's work").isEqualTo(INVOICE_TITLE);
        assertThat(file.toString()).doesNotContain(LIMIT, LIMIT_ASKED, BANK_ACCOUNT, BANK_NAME, INVESTIGATION);
        assertThat(xlsxText(office, "/api/customers/export?q=" + enc(customerName))).doesNotContain(BANK_ACCOUNT, LIMIT);
    }

    // ---- read-only view and the lead pool ---------------------------------------------------------------------

    @ParameterizedTest(name = "lead details and the pool do not exist for {0}")
    @ValueSource(strings = {"agent1", "servicedir", "cashier", "finance", "office", "accmgr", "mktmgr", "retailer"})
    void CUS5_leadsAreOnlyForThoseWhoFileOrDistributeThem(String username) {
        Api api = login(username);
        // 404 for customer readers (the lead does not exist for them); a retailer reads no customer at all (403 by
        // its declaration once enforced)
        int detail = api.get("/api/customers/" + leadId).status();
        if (username.equals("retailer")) assertThat(detail).isIn(403, 404);
        else assertThat(detail).isEqualTo(404);
        assertThat(api.get("/api/customers?pool=true").status()).isEqualTo(403);
        assertThat(api.get("/api/customers/export?pool=true").status()).isEqualTo(403);
        assertThat(api.get("/api/customers?size=200").body()).doesNotContain("\"id\":" + leadId + ",");
    }

    @Test
    void CUS5_leadHandlersSeeThePool() {
        assertThat(login("manager").get("/api/customers/" + leadId).status()).isEqualTo(200);
        assertThat(login("promoter").get("/api/customers/" + leadId).status()).isEqualTo(200);
        var masked = login("sales3").get("/api/customers/" + leadId).json().path("customer");
        assertThat(masked.path("inScope").asBoolean()).isFalse();
        assertThat(masked.path("contacts").get(0).path("phone").asString()).contains("****");
        assertThat(login("sales3").get("/api/customers?pool=true").status()).isEqualTo(200);
    }

    // ---- the duplicate check is not an oracle -----------------------------------------------------------------

    @ParameterizedTest(name = "a partial phone \"{0}\" is 422, never a match")
    @ValueSource(strings = {"139", "1390000", "13900001", "1390000123", "0", "020", "138****5678"})
    void CUS6_partialInputIsRefused(String partial) {
        Api.Response r = login("sales2").get("/api/customers/duplicates?phone=" + enc(partial));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("phone");
        assertThat(r.body()).doesNotContain(customerName);
    }

    @Test
    void CUS6_aFullNumberAnswersOnlyThatItExistsAndWhoOwnsIt() {
        var matches = login("sales2").get("/api/customers/duplicates?phone=" + phone).json().path("matches");
        assertThat(matches.size()).isOne();
        assertThat(matches.get(0).path("ownerName").asString()).isEqualTo("张伟");
        assertThat(matches.get(0).path("matchedOn").asString()).isEqualTo("PHONE");
        assertThat(matches.get(0).path("name").isNull()).isTrue();
        assertThat(matches.get(0).path("customerId").isNull()).isTrue();
        var mine = login("sales1").get("/api/customers/duplicates?phone=" + phone).json().path("matches").get(0);
        assertThat(mine.path("customerId").asLong()).as("the owner may open their own file").isEqualTo(customerId);
    }

    @Test
    void CUS6_checksAreRateLimitedPerUserWith429AndRetryAfter() throws InterruptedException {
        // a salesperson with a quota of their own, in a company of their own (adds no one to the demo company's reports)
        Api prober = Api.at(port).login(otherCompanySalesperson(), "Yewu@2026");
        // stay inside one minute window, so the count is not reset half-way
        while (LocalTime.now().getSecond() > 40) Thread.sleep(1000);
        long dayBefore = dayChecks(otherCompanySalesperson());
        int ok = 0;
        Api.Response refused = null;
        for (int i = 0; i < 70 && refused == null; i++) {
            Api.Response r = prober.get("/api/customers/duplicates?phone=1390000" + String.format("%04d", i));
            if (r.status() == 429) refused = r;
            else ok++;
        }
        assertThat(ok).as("the default quota is 60 checks a minute").isEqualTo(60);
        assertThat(refused).isNotNull();
        assertThat(refused.code()).isEqualTo("too-many-requests");
        assertThat(Integer.parseInt(refused.headers().get("retry-after"))).isBetween(1, 60);
        assertThat(prober.get("/api/customers/similar?name=" + enc("信用客户")).status()).as("similar names share the quota").isEqualTo(429);
        assertThat(dayChecks(otherCompanySalesperson()) - dayBefore).as("checks the minute refused leave the day's quota alone").isEqualTo(ok);
        assertThat(login("sales4").get("/api/customers/duplicates?phone=" + phone).status()).as("per user").isEqualTo(200);
    }

    // ---- invisible and control characters ---------------------------------------------------------------------

    @ParameterizedTest(name = "CUS-1: a name with U+{0} is the same customer")
    @ValueSource(strings = {"200B", "200D", "2060", "FEFF", "00AD", "200E", "202E", "2066"})
    void CUS1_anInvisibleCharacterMakesNoSecondFile(String hex) {
        String name = unique("隐形字符");
        Api sales1 = login("sales1");
        assertThat(sales1.post("/api/customers", customer(name, mobile())).status()).isEqualTo(201);
        String sneaky = name.substring(0, 2) + Character.toString(Integer.parseInt(hex, 16)) + name.substring(2);
        Api.Response second = login("sales2").post("/api/customers", customer(sneaky, mobile()));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.code()).isEqualTo("customer-exists");
        assertThat(count("SELECT count(*) FROM customer WHERE name LIKE ?", name.substring(0, 2) + "%" + name.substring(2))).isOne();
    }

    @Test
    void CUS1_storedNamesCarryNoFormatCharacters() {
        String name = unique("存储名称");
        long id = login("sales1").post("/api/customers", customer("\u202E" + name + "\u200B", mobile())).json().path("id").asLong();
        assertThat(asSystem(() -> jdbc.sql("SELECT name FROM customer WHERE id = :id").param("id", id).query(String.class).single()))
                .isEqualTo(name);
    }

    @Test
    void controlCharactersAre422NotA500() {
        Map<String, Object> body = customer(unique("控制") + "\u0000", mobile());
        Api.Response r = login("sales1").post("/api/customers", body);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertThat(r.json().path("errors").get(0).path("code").asString()).isEqualTo("control-character");
        Map<String, Object> contact = customer(unique("控制"), mobile());
        contact.put("contacts", List.of(Map.of("name", "王\u0007经理", "phone", mobile())));
        assertThat(login("sales1").language("en").post("/api/customers", contact).json().path("errors").get(0).path("field").asString())
                .isEqualTo("contacts[0].name");
        Api.Response query = login("sales1").get("/api/customers?q=%00");
        assertThat(query.status()).isEqualTo(422);
        assertThat(query.json().path("errors").get(0).path("field").asString()).isEqualTo("q");
        assertThat(login("sales1").get("/api/customers/duplicates?name=a%00b").status()).isEqualTo(422);
    }

    // ---- references outside scope or company ------------------------------------------------------------------

    @Test
    void PLT5_aParentOutsideTheFilersScopeDoesNotExist() {
        Map<String, Object> child = customer(unique("子公司"), mobile());
        child.put("parentId", customerId);
        Api.Response r = login("sales2").post("/api/customers", child);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").get(0).path("field").asString()).isEqualTo("parentId");
        assertThat(r.body()).doesNotContain(customerName);
        child.put("parentId", 987654321L);
        assertThat(login("sales2").post("/api/customers", child).status()).isEqualTo(422);
        child.put("parentId", customerId);
        Api.Response own = login("sales1").post("/api/customers", child);
        assertThat(own.status()).isEqualTo(201);
        assertThat(own.json().path("parentName").asString()).isEqualTo(customerName);
    }

    @Test
    void PLT11_anotherCompanysUserReachesNoRecordOfThisOne() {
        Api other = Api.at(port).login(otherCompanySalesperson(), "Yewu@2026");
        Map<String, Object> child = customer(unique("外司子公司"), mobile());
        child.put("parentId", customerId);
        Api.Response parent = other.post("/api/customers", child);
        assertThat(parent.status()).isEqualTo(422);
        assertThat(parent.body()).doesNotContain(customerName);
        assertThat(other.get("/api/customers/" + customerId).status()).isEqualTo(404);
        assertThat(other.put("/api/customers/" + customerId, Map.of("notes", "x", "version", 0)).status()).isEqualTo(404);
        assertThat(other.post("/api/customers/" + customerId + "/follow-ups", Map.of("kind", "PHONE", "content", "x")).status()).isEqualTo(404);
        assertThat(other.get("/api/customers/duplicates?phone=" + phone).json().path("matches").size()).isZero();
        long sales1 = userId("sales1");
        assertThat(other.post("/api/visits", Map.of("customerId", customerId)).status()).isEqualTo(404);
        Api.Response route = other.post("/api/routes", Map.of("name", "外司线路", "stops",
                List.of(Map.of("customerId", customerId, "frequency", "MONTHLY", "monthDay", 1))));
        assertThat(route.status()).isEqualTo(422);
        assertThat(route.json().path("errors").get(0).path("field").asString()).isEqualTo("stops[0].customerId");
        assertThat(other.get("/api/visits/completion?userId=" + sales1).status()).isEqualTo(404);
        // setting a customer's location is a manager's act (CUS-14): a salesperson of any company is refused by role
        assertThat(other.put("/api/customers/" + customerId + "/location", Map.of("lat", 23.1, "lng", 113.2)).status()).isEqualTo(403);
    }

    @Test
    void PLT5_anotherSalespersonsRecordsAreNotReachableByReference() {
        Api sales2 = login("sales2");
        Api.Response route = sales2.post("/api/routes", Map.of("name", "别人的客户", "stops",
                List.of(Map.of("customerId", customerId, "frequency", "MONTHLY", "monthDay", 1))));
        assertThat(route.status()).isEqualTo(422);
        assertThat(sales2.post("/api/visits", Map.of("customerId", customerId)).status()).isEqualTo(404);
        assertThat(sales2.get("/api/visits?customerId=" + customerId).json().path("items").size()).isZero();
        assertThat(sales2.get("/api/visits/completion?userId=" + userId("sales3")).status()).isEqualTo(404);
        Api.Response transfer = login("manager").post("/api/customers/" + customerId + "/transfer",
                Map.of("toUserId", userIdOf(otherCompanySalesperson()), "reason", "跨公司"));
        assertThat(transfer.status()).isEqualTo(422);
        assertThat(transfer.json().path("errors").get(0).path("field").asString()).isEqualTo("toUserId");
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private void assertNoSecrets(String where, String body) {
        for (String secret : SECRETS) assertThat(body).as(where + " leaks " + secret).doesNotContain(secret);
    }

    /** Every cell of an exported workbook as text. */
    private String xlsxText(Api api, String path) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String cookie = "SESSION=" + api.sessionCookie();
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        StringBuilder text = new StringBuilder();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(r.body()))) {
            book.getSheets().forEach(sheet -> {
                try (var rows = sheet.openStream()) {
                    rows.forEach(row -> row.forEach(cell -> text.append(cell == null ? "" : cell.getText()).append('\t')));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        assertThat(text.toString()).as("the export has the customer").contains(customerName);
        return text.toString();
    }

    private long userId(String username) {
        return userIdOf(username);
    }

    private long userIdOf(String username) {
        return asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    private long dayChecks(String username) {
        return asSystem(() -> jdbc.sql("""
                SELECT coalesce(sum(q.used), 0) FROM duplicate_check_quota q JOIN app_user u ON u.id = q.user_id
                WHERE u.username = :u AND q.window_kind = 'DAY'""").param("u", username).query(Long.class).single());
    }

    private long count(String sql, Object arg) {
        return asSystem(() -> jdbc.sql(sql).param(arg).query(Long.class).single());
    }

    private String otherCompany;

    /** A salesperson of a second company (created once), password Yewu@2026. */
    private String otherCompanySalesperson() {
        if (otherCompany == null) otherCompany = userOfNewCompany("TR", io.yewu.platform.security.RoleCode.SALESPERSON, "外司业务员");
        return otherCompany;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
