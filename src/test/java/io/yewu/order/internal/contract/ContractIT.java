package io.yewu.order.internal.contract;

import io.yewu.order.OrderFixture;
import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** ORD-9: contracts (购销合同), their versioned records with files, the orders that reference them, data scope. */
class ContractIT extends IntegrationTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] DOCX = {'P', 'K', 3, 4, 20, 0, 6, 0, 8, 0, 0, 0, 33, 0, 1, 2, 3};

    OrderFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new OrderFixture(jdbc);
    }

    static Map<String, Object> contract(long customerId, String amount) {
        return Map.of("number", "HT-" + UUID.randomUUID().toString().substring(0, 8), "customerId", customerId,
                "title", "电缆购销合同", "amount", amount, "signedOn", "2026-11-20");
    }

    /** A multipart upload with the part's own name and content type, as a browser sends it. */
    static Api.Response upload(Api api, String path, String fileName, String contentType, byte[] content) {
        String boundary = "----yewu" + System.nanoTime();
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return api.header("Content-Type", "multipart/form-data; boundary=" + boundary).send("POST", path, body.toByteArray());
    }

    static Api.Response record(Api api, long contractId, String kind, String fileName, String type, byte[] content) {
        return upload(api, "/api/contracts/" + contractId + "/records?kind=" + kind + "&note=%E7%AD%BE%E5%AD%97%E7%89%88",
                fileName, type, content);
    }

    @Test
    @DisplayName("ORD-9: signing, change and supplement records are versions, each with its file to download")
    void recordsAreVersionsWithTheirFiles() {
        Api sales = login("sales1");
        long customer = fixture.customer("sales1", "合同客户", null);
        Api.Response created = sales.post("/api/contracts", contract(customer, "100000.00"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().path("id").asLong();
        assertThat(created.json().path("ownerId").asLong()).isEqualTo(fixture.userId("sales1"));

        Api.Response signing = record(sales, id, "SIGNING", "合同正本.pdf", "application/pdf", PDF);
        assertThat(signing.status()).as(signing.body()).isEqualTo(201);
        assertThat(signing.json().path("version").asInt()).isEqualTo(1);
        assertThat(signing.json().path("note").asString()).isEqualTo("签字版");
        Api.Response change = record(sales, id, "CHANGE", "变更协议.docx", "application/octet-stream", DOCX);
        assertThat(change.status()).as(change.body()).isEqualTo(201);
        assertThat(change.json().path("version").asInt()).isEqualTo(2);
        assertThat(change.json().path("contentType").asString()).contains("wordprocessingml");
        assertThat(record(sales, id, "SUPPLEMENT", "补充.jpg", "image/jpeg", new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1})
                .json().path("version").asInt()).isEqualTo(3);

        Api.Response detail = sales.get("/api/contracts/" + id);
        assertThat(detail.status()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        detail.json().path("records").forEach(r -> kinds.add(r.path("version").asInt() + r.path("kind").asString()));
        assertThat(kinds).containsExactly("1SIGNING", "2CHANGE", "3SUPPLEMENT");

        long first = signing.json().path("id").asLong();
        Api.Response file = sales.get("/api/contracts/" + id + "/records/" + first + "/file");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.headers().get("content-type")).startsWith("application/pdf");
        assertThat(file.headers().get("content-disposition")).startsWith("attachment").contains(".pdf");
        assertThat(file.body()).isEqualTo(new String(PDF, StandardCharsets.US_ASCII));

        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM decision_record WHERE subject_type = 'contract' AND subject_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single())).isEqualTo(3L);
        assertThat(asSystem(() -> jdbc.sql("SELECT string_agg(action, ',' ORDER BY id) FROM audit_log WHERE entity_type = 'contract' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(String.class).single())).isEqualTo("CREATE,RECORD,RECORD,RECORD");
    }

    @Test
    @DisplayName("ORD-9: signing comes first and once; every record has its file, of an accepted type and size")
    void recordRules() {
        Api sales = login("sales1");
        long id = sales.post("/api/contracts", contract(fixture.customer("sales1", "规则客户", null), "5000.00")).json().path("id").asLong();
        Api.Response executionFirst = record(sales, id, "EXECUTION", "执行.pdf", "application/pdf", PDF);
        assertThat(executionFirst.status()).isEqualTo(409);
        assertThat(executionFirst.code()).isEqualTo("contract-signing-first");
        Api.Response noFile = upload(sales, "/api/contracts/" + id + "/records?kind=SIGNING", "x.pdf", "application/pdf", new byte[0]);
        assertThat(noFile.status()).isEqualTo(422);
        assertThat(noFile.body()).contains("contract-file-required");
        Api.Response exe = record(sales, id, "SIGNING", "合同.pdf", "application/pdf", "MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(exe.status()).isEqualTo(422);
        assertThat(exe.body()).contains("contract-file-type");
        Api.Response renamed = record(sales, id, "SIGNING", "合同.html", "text/html", PDF);
        assertThat(renamed.status()).isEqualTo(422);
        Api.Response mismatched = record(sales, id, "SIGNING", "合同.pdf", "image/png", PDF);
        assertThat(mismatched.status()).isEqualTo(422);
        Api.Response badKind = record(sales, id, "DRAFT", "合同.pdf", "application/pdf", PDF);
        assertThat(badKind.status()).isEqualTo(422);
        byte[] big = new byte[(int) ContractFiles.MAX_BYTES + 1];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Api.Response tooLarge = record(sales, id, "SIGNING", "大.pdf", "application/pdf", big);
        assertThat(tooLarge.status()).isEqualTo(422);
        assertThat(tooLarge.body()).contains("contract-file-too-large");
        assertThat(record(sales, id, "SIGNING", "合同.pdf", "application/pdf", PDF).status()).isEqualTo(201);
        Api.Response again = record(sales, id, "SIGNING", "合同2.pdf", "application/pdf", PDF);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("contract-already-signed");
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM contract_record WHERE contract_id = :id").param("id", id)
                .query(Long.class).single())).isEqualTo(1L);
    }

    @Test
    @DisplayName("ORD-9: data scope — salesperson own, manager department, finance and general manager all; outside is 404")
    void dataScope() {
        long groupOne = asSystem(() -> jdbc.sql("SELECT department_id FROM app_user WHERE username = 'sales1'").query(Long.class).single());
        long company = asSystem(() -> jdbc.sql("SELECT company_id FROM app_user WHERE username = 'sales1'").query(Long.class).single());
        String groupManager = "ord9-mgr-" + UUID.randomUUID().toString().substring(0, 6);
        addUser(company, groupManager, RoleCode.BUSINESS_MANAGER, "一组经理", groupOne);
        Api sales3 = login("sales3");
        long theirs = sales3.post("/api/contracts", contract(fixture.customer("sales3", "二组客户", null), "800.00")).json().path("id").asLong();
        Api sales1 = login("sales1");
        long mine = sales1.post("/api/contracts", contract(fixture.customer("sales1", "一组客户", null), "900.00")).json().path("id").asLong();

        assertThat(sales1.get("/api/contracts/" + theirs).status()).isEqualTo(404);
        assertThat(login("sales2").get("/api/contracts/" + mine).status()).isEqualTo(404);
        assertThat(ids(sales1.get("/api/contracts?size=200"))).contains(mine).doesNotContain(theirs);
        Api manager = login(groupManager);
        assertThat(manager.get("/api/contracts/" + mine).status()).isEqualTo(200);
        assertThat(manager.get("/api/contracts/" + theirs).status()).isEqualTo(404);
        for (String all : List.of("finance", "gm")) {
            assertThat(ids(login(all).get("/api/contracts?size=200"))).as(all).contains(mine, theirs);
        }
        assertThat(login("finance").post("/api/contracts", contract(fixture.customer("sales1", "财务", null), "1.00")).status())
                .as("finance reads contracts, keeps none").isEqualTo(403);
        Api.Response otherCustomer = sales1.post("/api/contracts", contract(fixture.customer("sales3", "别人的客户", null), "1.00"));
        assertThat(otherCustomer.status()).isEqualTo(422);
        assertThat(otherCustomer.body()).contains("customerId");
        String other = userOfNewCompany("ORD9", RoleCode.FINANCE, "外地财务");
        assertThat(login(other).get("/api/contracts/" + mine).status()).as("company wall").isEqualTo(404);
    }

    @Test
    @DisplayName("ORD-9: an order of the same customer references the contract; ordered and paid totals show beside the amount")
    void ordersReferenceTheContract() {
        Api sales = login("sales1");
        long customer = fixture.customer("sales1", "下单客户", null);
        long id = sales.post("/api/contracts", contract(customer, "10000.00")).json().path("id").asLong();
        var first = fixture.order(customer, "RELEASED", "PRINTED", "6000.00", "");
        var second = fixture.order(customer, "DELIVERED", "SHIPPED", "5000.00", "");
        fixture.paid(second.id(), "5000.00");
        var cancelled = fixture.order(customer, "CANCELLED", "NOT_PRINTED", "100.00", "");
        var otherCustomers = fixture.order(fixture.customer("sales1", "另一客户", null), "RELEASED", "NOT_PRINTED", "10.00", "");
        var outOfScope = fixture.order(fixture.customer("sales3", "二组", null), "RELEASED", "NOT_PRINTED", "10.00", "");

        assertThat(sales.post("/api/contracts/" + id + "/orders", Map.of("orderId", first.id())).status()).isEqualTo(200);
        Api.Response linked = sales.post("/api/contracts/" + id + "/orders", Map.of("orderId", second.id()));
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().path("orderedTotal").decimalValue()).isEqualByComparingTo("11000.00");
        assertThat(linked.json().path("paidTotal").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(linked.json().path("orderedOverAmount").asBoolean()).isTrue();

        Api.Response wrongCustomer = sales.post("/api/contracts/" + id + "/orders", Map.of("orderId", otherCustomers.id()));
        assertThat(wrongCustomer.status()).isEqualTo(422);
        assertThat(wrongCustomer.body()).contains("contract-other-customer");
        assertThat(sales.post("/api/contracts/" + id + "/orders", Map.of("orderId", outOfScope.id())).status()).isEqualTo(404);
        assertThat(sales.post("/api/contracts/" + id + "/orders", Map.of("orderId", cancelled.id())).status()).isEqualTo(409);
        assertThat(login("sales3").post("/api/contracts/" + id + "/orders", Map.of("orderId", outOfScope.id())).status())
                .as("the contract is outside sales3's scope").isEqualTo(404);

        Api.Response detail = sales.get("/api/contracts/" + id);
        List<String> numbers = new ArrayList<>();
        detail.json().path("orders").forEach(o -> numbers.add(o.path("number").asString()));
        assertThat(numbers).containsExactly(first.number(), second.number());
        Api.Response unlinked = sales.delete("/api/contracts/" + id + "/orders/" + first.id());
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(unlinked.json().path("orderedTotal").decimalValue()).isEqualByComparingTo("5000.00");
        assertThat(asSystem(() -> jdbc.sql("SELECT count(*) FROM sales_order_change WHERE order_id = :o AND kind = 'CONTRACT'")
                .param("o", first.id()).query(Long.class).single())).isEqualTo(2L);
        assertThat(asSystem(() -> jdbc.sql("SELECT contract_id FROM sales_order WHERE id = :o").param("o", second.id())
                .query(Long.class).single())).isEqualTo(id);
    }

    @Test
    @DisplayName("ORD-9: number unique, amount exact, head edited with its version; list filters and exports")
    void headListAndExport() {
        Api sales = login("sales1");
        long customer = fixture.customer("sales1", "导出客户", null);
        Map<String, Object> body = new java.util.HashMap<>(contract(customer, "1234.50"));
        Api.Response created = sales.post("/api/contracts", body);
        long id = created.json().path("id").asLong();
        Api.Response duplicate = sales.post("/api/contracts", body);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.code()).isEqualTo("contract-number-taken");
        body.put("number", "HT-X-" + UUID.randomUUID());
        body.put("amount", "12.345");
        assertThat(sales.post("/api/contracts", body).status()).isEqualTo(422);
        body.put("amount", "0");
        assertThat(sales.post("/api/contracts", body).status()).isEqualTo(422);

        Api.Response edited = sales.put("/api/contracts/" + id, Map.of("title", "改名合同", "amount", "2000.00",
                "signedOn", "2026-11-21", "version", 0));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("version").asLong()).isEqualTo(1);
        assertThat(sales.put("/api/contracts/" + id, Map.of("title", "旧版本", "amount", "1.00", "signedOn", "2026-11-21",
                "version", 0)).status()).isEqualTo(409);

        assertThat(ids(sales.get("/api/contracts?q=" + created.json().path("number").asString()))).containsExactly(id);
        assertThat(ids(sales.get("/api/contracts?customerId=" + customer + "&from=2026-11-21&to=2026-11-21"))).containsExactly(id);
        assertThat(ids(sales.get("/api/contracts?customerId=" + customer + "&from=2026-11-22"))).isEmpty();
        Api.Response export = sales.get("/api/contracts/export?customerId=" + customer);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.headers().get("content-type")).contains("spreadsheetml");
    }

    private static List<Long> ids(Api.Response page) {
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        page.json().path("items").forEach(n -> ids.add(n.path("id").asLong()));
        return ids;
    }
}
