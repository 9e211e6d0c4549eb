package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.yewu.customer.CustomerFilingIT.customer;
import static io.yewu.customer.CustomerFilingIT.mobile;
import static io.yewu.customer.CustomerFilingIT.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input never becomes garbage (issue 8): each hostile value sent to the customer, follow-up, visit and route
 * endpoints is a 422 naming the field, in Chinese and English, and changes nothing in the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends IntegrationTest {

    private static final String LONG = "长".repeat(10_000);

    private long customerId;
    private long visitId;
    private long visitVersion;

    @BeforeAll
    void aCustomerAndAVisit() {
        Api sales1 = login("sales1");
        customerId = sales1.post("/api/customers", customer(unique("坏输入客户"), mobile())).json().path("id").asLong();
        var visit = sales1.post("/api/visits", Map.of("customerId", customerId));
        assertThat(visit.status()).as(visit.body()).isIn(200, 201);
        visitId = visit.json().path("visit").path("id").asLong();
        visitVersion = visit.json().path("visit").path("version").asLong();
    }

    /** A field of a customer file, the hostile value as raw JSON, the field error expected. */
    @ParameterizedTest(name = "POST /api/customers with {0} = {1} is 422 on {2}")
    @CsvSource(delimiter = '|', value = {
            "keyAccount|1|keyAccount|boolean",
            "keyAccount|\"yes\"|keyAccount|boolean",
            "parentId|1.5|parentId|integer",
            "parentId|\"1e3\"|parentId|integer",
            "parentId|1e3|parentId|integer",
            "parentId|99999999999999999999|parentId|out-of-range",
            "tags|[null]|tags[0]|null-element",
            "tags|\"重点\"|tags|list",
            "contacts|[null]|contacts[0]|null-element",
            "name|{\"a\":1}|name|text",
            "name|\"a\\u0000b\"|name|control-character",
            "address|\"x\\u001Fy\"|address|control-character"})
    void customerCreate(String field, String json, String errorField, String code) {
        String name = unique("坏建档");
        String body = "{\"name\":\"" + name + "\",\"city\":\"广州\",\"" + field + "\":" + json + "}";
        if (field.equals("name")) body = "{\"city\":\"广州\",\"name\":" + json + "}";
        Api.Response r = login("sales1").post("/api/customers", body);
        assertFieldError(r, errorField, code);
        assertThat(count("SELECT count(*) FROM customer WHERE name = ?", name)).isZero();
    }

    @Test
    void overlongTextIs422NamingTheField() {
        Map<String, Object> body = customer(unique("超长"), mobile());
        body.put("notes", LONG);
        assertFieldError(login("sales1").post("/api/customers", body), "notes", "too-long");
        Map<String, Object> longName = customer(LONG, mobile());
        assertFieldError(login("sales1").post("/api/customers", longName), "name", "too-long");
        Api.Response en = login("sales1").language("en").post("/api/customers", body);
        assertThat(en.json().path("errors").get(0).path("message").asString()).isEqualTo("At most 2,000 characters");
    }

    @ParameterizedTest(name = "PUT /api/customers/'{id}' with {0} = {1} is 422 on {2}, nothing changes")
    @CsvSource(delimiter = '|', value = {
            "version|\"3\"|version|integer",
            "version|1.0|version|integer",
            "notes|\"" + "超长备注" + "\"|notes|too-long",
            "keyAccount|0|keyAccount|boolean",
            "tags|[\"a\", null]|tags[1]|null-element",
            "contacts|[{\"name\": \"王\", \"phone\": \"12345\"}]|contacts[0].phone|phone",
            "city|\"火星\"|city|unknown-city"})
    void customerEdit(String field, String json, String errorField, String code) {
        String before = fileState();
        long version = login("sales1").get("/api/customers/" + customerId).json().path("customer").path("version").asLong();
        String value = json.equals("\"超长备注\"") ? "\"" + "备".repeat(2001) + "\"" : json;
        String body = field.equals("version") ? "{\"version\":" + value + "}" : "{\"version\":" + version + ",\"" + field + "\":" + value + "}";
        assertFieldError(login("sales1").put("/api/customers/" + customerId, body), errorField, code);
        assertThat(fileState()).isEqualTo(before);
    }

    @Test
    void anEditWithoutItsVersionIsRefusedAndOmittedFieldsStay() {
        Api sales1 = login("sales1");
        assertFieldError(sales1.put("/api/customers/" + customerId, Map.of("notes", "无版本")), "version", "required");
        var file = sales1.get("/api/customers/" + customerId).json().path("customer");
        String address = file.path("address").asString();
        String phone = file.path("contacts").get(0).path("phone").asString();
        Api.Response edited = sales1.put("/api/customers/" + customerId, Map.of("notes", "只改备注", "version", file.path("version").asLong()));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.json().path("address").asString()).as("omitted fields are unchanged").isEqualTo(address);
        assertThat(edited.json().path("contacts").get(0).path("phone").asString()).isEqualTo(phone);
        assertThat(edited.json().path("notes").asString()).isEqualTo("只改备注");
        Api.Response contacts = sales1.put("/api/customers/" + customerId, Map.of("contacts",
                List.of(Map.of("name", "新联系人", "phone", phone)), "version", edited.json().path("version").asLong()));
        assertThat(contacts.status()).isEqualTo(200);
        String audit = asSystem(() -> jdbc.sql("""
                SELECT changes::text FROM audit_log WHERE entity_type = 'customer' AND entity_id = :id AND action = 'update'
                ORDER BY id DESC LIMIT 1""").param("id", String.valueOf(customerId)).query(String.class).single());
        assertThat(audit).as("the audit records contacts before and after").contains("王经理", "新联系人", phone);
    }

    @ParameterizedTest(name = "POST follow-up with {0} = {1} is 422 on {2}")
    @CsvSource(delimiter = '|', value = {
            "happenedAt|1750000000000|happenedAt|date-time",
            "happenedAt|\"1750000000000\"|happenedAt|date-time",
            "happenedAt|\"0001-01-01T00:00:00Z\"|happenedAt|out-of-range",
            "nextFollowUpOn|20000|nextFollowUpOn|date",
            "nextFollowUpOn|[2026, 12, 1]|nextFollowUpOn|date",
            "nextFollowUpOn|\"2999-01-01\"|nextFollowUpOn|out-of-range",
            "content|\"" + "超长" + "\"|content|too-long",
            "nextStep|\"" + "超长" + "\"|nextStep|too-long",
            "content|\"a\\u0000\"|content|control-character"})
    void followUp(String field, String json, String errorField, String code) {
        long before = count("SELECT count(*) FROM follow_up WHERE customer_id = ?", customerId);
        String value = json.equals("\"超长\"") ? "\"" + "长".repeat(5000) + "\"" : json;
        String body = "{\"kind\":\"PHONE\",\"content\":\"电话\"," + "\"" + field + "\":" + value + "}";
        assertFieldError(login("sales1").post("/api/customers/" + customerId + "/follow-ups", body), errorField, code);
        assertThat(count("SELECT count(*) FROM follow_up WHERE customer_id = ?", customerId)).isEqualTo(before);
    }

    @ParameterizedTest(name = "POST /api/visits with {0} is 422 on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"customerId\": \"CID\"}|customerId|integer",
            "{\"customerId\": CID.0}|customerId|integer",
            "{\"customerId\": CID, \"visitOn\": 20000}|visitOn|date",
            "{\"customerId\": CID, \"routeId\": 1.5}|routeId|integer",
            "{\"customerId\": CID, \"objective\": \"LONG\"}|objective|Size"})
    void visitCreate(String json, String errorField, String code) {
        long before = count("SELECT count(*) FROM visit WHERE customer_id = ?", customerId);
        String body = json.replace("CID", String.valueOf(customerId)).replace("LONG", "长".repeat(2001));
        assertFieldError(login("sales1").post("/api/visits", body), errorField, code);
        assertThat(count("SELECT count(*) FROM visit WHERE customer_id = ?", customerId)).isEqualTo(before);
    }

    @ParameterizedTest(name = "PUT /api/visits/'{id}' with {0} is 422 on {1}")
    @CsvSource(delimiter = '|', value = {
            "\"stock\": [null]|stock[0]|null-element",
            "\"stock\": [{\"product\": \"烟\", \"safetyStock\": 1e20, \"currentStock\": 1}]|stock[0].safetyStock|Digits",
            "\"stock\": [{\"product\": \"烟\", \"safetyStock\": \"12345678901.5\", \"currentStock\": 1}]|stock[0].safetyStock|Digits",
            "\"returns\": [{\"product\": \"烟\", \"quantity\": -1, \"reason\": \"坏\"}]|returns[0].quantity|Positive",
            "\"nextVisitAt\": 1750000000000|nextVisitAt|date-time",
            "\"outdoorAdsOk\": 1|outdoorAdsOk|boolean",
            "\"result\": \"LONG\"|result|Size"})
    void visitUpdate(String member, String errorField, String code) {
        String body = "{\"version\": " + visitVersion + ", " + member.replace("LONG", "长".repeat(2001)) + "}";
        assertFieldError(login("sales1").put("/api/visits/" + visitId, body), errorField, code);
        assertThat(count("SELECT version FROM visit WHERE id = ?", visitId)).isEqualTo(visitVersion);
    }

    @ParameterizedTest(name = "POST /api/routes with {0} is 422 on {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\": \"R\", \"stops\": [null]}|stops[0]|null-element",
            "{\"name\": \"R\", \"stops\": [{\"customerId\": CID, \"frequency\": 0, \"monthDay\": 1}]}|stops[0].frequency|enum",
            "{\"name\": \"R\", \"stops\": [{\"customerId\": CID, \"frequency\": \"WEEKLY\", \"weekdays\": [null]}]}|stops[0].weekdays[0]|null-element",
            "{\"name\": \"R\", \"stops\": [{\"customerId\": CID, \"frequency\": \"MONTHLY\", \"monthDay\": 1, \"startsOn\": 1}]}|stops[0].startsOn|date",
            "{\"name\": \"LONG\", \"stops\": []}|name|Size"})
    void routeCreate(String json, String errorField, String code) {
        long before = count("SELECT count(*) FROM visit_route WHERE owner_id = ?", userId("sales1"));
        String body = json.replace("CID", String.valueOf(customerId)).replace("LONG", "长".repeat(101));
        assertFieldError(login("sales1").post("/api/routes", body), errorField, code);
        assertThat(count("SELECT count(*) FROM visit_route WHERE owner_id = ?", userId("sales1"))).isEqualTo(before);
    }

    @Test
    void fieldErrorsComeInChineseAndEnglish() {
        String body = "{\"kind\":\"PHONE\",\"content\":\"电话\",\"happenedAt\":1750000000000}";
        Api.Response zh = login("sales1").post("/api/customers/" + customerId + "/follow-ups", body);
        assertThat(zh.json().path("errors").get(0).path("message").asString()).contains("日期时间");
        Api.Response en = login("sales1").language("en").post("/api/customers/" + customerId + "/follow-ups", body);
        assertThat(en.json().path("errors").get(0).path("message").asString()).contains("date-time string");
        assertThat(en.headers().get("content-type")).contains("application/problem+json");
        Api.Response enumByNumber = login("sales1").language("en").post("/api/routes",
                "{\"name\": \"R\", \"stops\": [{\"customerId\": " + customerId + ", \"frequency\": 1}]}");
        assertThat(enumByNumber.json().path("errors").get(0).path("message").asString()).startsWith("Must be one of: WEEKLY");
    }

    private static void assertFieldError(Api.Response r, String field, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.code()).isEqualTo("validation");
        var errors = r.json().path("errors");
        assertThat(errors.size()).as(r.body()).isPositive();
        boolean found = false;
        for (var e : errors) {
            if (e.path("field").asString().equals(field) && e.path("code").asString().equals(code)) found = true;
        }
        assertThat(found).as("field " + field + " code " + code + " in " + errors).isTrue();
        assertThat(r.body()).doesNotContain("Exception", "tools.jackson");
    }

    private String fileState() {
        return asSystem(() -> jdbc.sql("""
                SELECT c.city || '|' || c.notes || '|' || c.key_account || '|' || array_to_string(c.tags, ',') || '|' || c.version
                       || '|' || coalesce((SELECT string_agg(cc.name || cc.phone, ',') FROM customer_contact cc WHERE cc.customer_id = c.id), '')
                FROM customer c WHERE c.id = :id""").param("id", customerId).query(String.class).single());
    }

    private long userId(String username) {
        return asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single());
    }

    private long count(String sql, Object arg) {
        return asSystem(() -> jdbc.sql(sql).param(arg).query(Long.class).single());
    }
}
