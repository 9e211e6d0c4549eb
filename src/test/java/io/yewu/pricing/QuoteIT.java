package io.yewu.pricing;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.web.ProblemException;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.yewu.pricing.PricingFixture.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PRC-4 … PRC-11 on quotes over real HTTP: live line checks, special prices and approvals, versions, sending, conversion. */
class QuoteIT extends IntegrationTest {

    @Autowired QuoteBook book;

    private PricingFixture fixture;
    private Api sales1;
    private long customer;
    private long product;

    @BeforeEach
    void setUp() {
        fixture = new PricingFixture(login("mktdir"), login("gm"));
        sales1 = login("sales1");
        customer = PricingFixture.customer(sales1, PricingFixture.unique("报价客户"));
        product = fixture.standard("100.00");
    }

    private static Map<String, Object> line(long product, String qty, String price) {
        return new HashMap<>(Map.of("productId", product, "quantity", new BigDecimal(qty), "unitPrice", new BigDecimal(price)));
    }

    private Api.Response create(Api api, long customer, List<Map<String, Object>> lines) {
        return api.post("/api/quotes", Map.of("customerId", customer, "notes", "含运费", "lines", lines));
    }

    private JsonNode created(Api api, List<Map<String, Object>> lines) {
        Api.Response r = create(api, customer, lines);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private Api.Response act(Api api, JsonNode quote, String action) {
        return api.post("/api/quotes/" + quote.path("quote").path("id").asLong() + "/" + action,
                Map.of("version", quote.path("quote").path("version").asLong()));
    }

    private JsonNode ok(Api.Response r) {
        assertThat(r.status()).as(r.body()).isBetween(200, 201);
        return r.json();
    }

    private long count(String table) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }

    private long company() {
        return asSystem(() -> jdbc.sql("SELECT company_id FROM app_user WHERE username = 'sales1'").query(Long.class).single());
    }

    private void decide(Api approver, String subjectId, String action) {
        for (JsonNode a : approver.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if ("quote-line".equals(a.path("subjectType").asString()) && subjectId.equals(a.path("subjectId").asString())) {
                ok(approver.post("/api/approvals/" + a.path("id").asLong() + "/" + action, Map.of("comment", "同意特价")));
                return;
            }
        }
        throw new AssertionError("no pending special price " + subjectId);
    }

    private boolean pendingFor(Api approver, String subjectId) {
        return approver.get("/api/approvals?box=pending&size=200").json().path("items").findValuesAsString("subjectId").contains(subjectId);
    }

    @Test
    @DisplayName("PRC-10: a quote has a number, tax-inclusive totals, validity; it is sent, accepted and converted once")
    void PRC10_createSendAcceptConvertOnce() {
        JsonNode q = created(sales1, List.of(line(product, "10", "100.00"), line(product, "3", "120.50")));
        long id = q.path("quote").path("id").asLong();
        assertThat(q.path("quote").path("number").asString()).startsWith("QT" + TODAY.toString().replace("-", ""));
        JsonNode v = q.path("current");
        assertThat(v.path("versionNo").asInt()).isEqualTo(1);
        assertThat(v.path("state").asString()).isEqualTo("DRAFT");
        assertThat(v.path("total").decimalValue()).isEqualByComparingTo("1361.50");
        // PLT-8: tax per line, half-up: 115.04 + 41.59
        assertThat(v.path("tax").decimalValue()).isEqualByComparingTo("156.63");
        assertThat(v.path("validUntil").asString()).isEqualTo(TODAY.plusDays(30).toString());
        assertThat(q.path("lines").get(0).path("line").path("verdict").asString()).isEqualTo("OK");
        assertThat(q.path("lines").get(0).path("line").path("guidePrice").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(q.path("lines").get(0).path("why").findValuesAsString("ruleId")).containsExactly("PRC-2", "PRC-4");
        assertThat(q.path("sendCheck").path("outcome").asBoolean()).isTrue();
        assertThat(q.path("decisions").findValuesAsString("kind")).contains("validity");

        // not accepted yet: nothing to convert
        long company = company();
        assertThat(CompanyContext.callAs(company, () -> book.acceptedForConversion(id))).isEmpty();
        JsonNode sent = ok(act(sales1, q, "send"));
        assertThat(sent.path("current").path("state").asString()).isEqualTo("SENT");
        assertThat(act(sales1, sent, "send").status()).isEqualTo(409);
        JsonNode accepted = ok(act(sales1, sent, "accept"));
        assertThat(accepted.path("current").path("state").asString()).isEqualTo("ACCEPTED");

        QuoteBook.AcceptedQuote a = CompanyContext.callAs(company, () -> book.acceptedForConversion(id)).orElseThrow();
        assertThat(a.version()).isEqualTo(1);
        assertThat(a.customerId()).isEqualTo(customer);
        assertThat(a.lines()).hasSize(2);
        assertThat(a.lines().get(0).check().outcome().verdict()).isEqualTo(PriceVerdict.OK);
        assertThat(a.lines().get(0).check().ruleIds()).contains("PRC-4");

        long order = asSystem(() -> jdbc.sql("""
                INSERT INTO sales_order (company_id, number, customer_id, owner_id, vat_invoice, created_by, channel, quote_id, quote_version)
                SELECT :c, :n, :cust, u.id, true, u.id, 'QUOTE', :q, 1 FROM app_user u WHERE u.username = 'sales1' RETURNING id""")
                .param("c", company).param("n", PricingFixture.unique("SO")).param("cust", customer).param("q", id).query(Long.class).single());
        CompanyContext.runAs(company, () -> book.markConverted(id, 1, order));
        assertThatThrownBy(() -> CompanyContext.runAs(company, () -> book.markConverted(id, 1, order)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status().value()).isEqualTo(409));
        assertThat(CompanyContext.callAs(company, () -> book.acceptedForConversion(id))).isEmpty();
        JsonNode converted = sales1.get("/api/quotes/" + id).json();
        assertThat(converted.path("current").path("orderId").asLong()).isEqualTo(order);
        // a converted quote is not revised
        Api.Response revise = sales1.post("/api/quotes/" + id + "/versions", Map.of("version", converted.path("quote").path("version").asLong(),
                "lines", List.of(line(product, "1", "100.00"))));
        assertThat(revise.status()).isEqualTo(409);
    }

    @Test
    @DisplayName("PRC-6/PRC-7: the business manager sees the guide price, the asked price, the floor and the commission cost")
    void PRC6_PRC7_theApproverSeesWhatTheSpecialPriceCosts() {
        JsonNode q = created(sales1, List.of(line(product, "10", "95.00")));
        long id = q.path("quote").path("id").asLong();
        ok(sales1.post("/api/quotes/" + id + "/lines/1/special-price", Map.of("version", q.path("quote").path("version").asLong())));
        JsonNode approval = pendingApproval(login("manager"), "quote-line", id + "-1-1");
        assertThat(approval.path("details").path("link").asString()).isEqualTo("/quotes/" + id);
        assertThat(approval.path("details").path("recordName").asString()).startsWith(q.path("quote").path("number").asString());
        assertThat(fact(approval, "guidePrice").asString()).isEqualTo("100.00");
        assertThat(fact(approval, "askedPrice").asString()).isEqualTo("95.00");
        assertThat(fact(approval, "netPrice").asString()).isEqualTo("95.00");
        assertThat(fact(approval, "floorPrice").asString()).isEqualTo("90.00");
        assertThat(fact(approval, "specialDiscount").asString()).isEqualTo("5.00%");
        assertThat(fact(approval, "commissionReduction").asString()).isEqualTo("0.50%");
        assertThat(fact(approval, "commissionCost").asString()).isEqualTo("4.75"); // 950.00 × 0.5 %
        assertThat(fact(approval, "quantity").asString()).isEqualTo("10");
        assertThat(approval.path("decision").toString()).contains("PRC-6");
    }

    @Test
    @DisplayName("PRC-6/PRC-9: a special price is saved but blocks sending until the business manager approves; no self-approval")
    void PRC6_specialPriceNeedsTheManagersApproval() {
        JsonNode q = created(sales1, List.of(line(product, "10", "95.00")));
        long id = q.path("quote").path("id").asLong();
        JsonNode l = q.path("lines").get(0).path("line");
        assertThat(l.path("verdict").asString()).isEqualTo("SPECIAL_PRICE");
        assertThat(l.path("specialDiscount").decimalValue()).isEqualByComparingTo("0.05");
        assertThat(l.path("commissionReduction").decimalValue()).isEqualByComparingTo("0.005");
        assertThat(q.path("sendCheck").path("outcome").asBoolean()).isFalse();

        Api.Response blocked = act(sales1, q, "send");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.code()).isEqualTo("quote-blocked");
        assertThat(blocked.body()).contains("PRC-9");

        JsonNode applied = ok(sales1.post("/api/quotes/" + id + "/lines/1/special-price", Map.of("version", q.path("quote").path("version").asLong())));
        assertThat(applied.path("lines").get(0).path("line").path("specialStatus").asString()).isEqualTo("PENDING");
        String subject = id + "-1-1";
        assertThat(pendingFor(sales1, subject)).isFalse();
        decide(login("manager"), subject, "approve");
        JsonNode approved = sales1.get("/api/quotes/" + id).json();
        assertThat(approved.path("lines").get(0).path("line").path("specialStatus").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("sendCheck").path("outcome").asBoolean()).isTrue();

        // PLT-3: a revision at the same price keeps the approval, a lower one does not
        JsonNode same = ok(sales1.post("/api/quotes/" + id + "/versions", Map.of("version", approved.path("quote").path("version").asLong(),
                "lines", List.of(line(product, "12", "95.00")))));
        assertThat(same.path("current").path("versionNo").asInt()).isEqualTo(2);
        assertThat(same.path("lines").get(0).path("line").path("specialStatus").asString()).isEqualTo("APPROVED");
        JsonNode lower = ok(sales1.post("/api/quotes/" + id + "/versions", Map.of("version", same.path("quote").path("version").asLong(),
                "lines", List.of(line(product, "12", "94.00")))));
        assertThat(lower.path("lines").get(0).path("line").path("specialStatus").asString()).isEqualTo("NONE");
        assertThat(lower.path("sendCheck").path("outcome").asBoolean()).isFalse();
        long holds = asSystem(() -> jdbc.sql("SELECT count(*) FROM decision_record WHERE subject_type = 'quote-line' AND kind = 'approval-holds' AND subject_id LIKE :k")
                .param("k", id + "-%").query(Long.class).single());
        assertThat(holds).isEqualTo(2);
        // PRC-10: only the newest version is sent
        Api.Response old = sales1.post("/api/quotes/" + id + "/send", Map.of("version", lower.path("quote").path("version").asLong(), "versionNo", 2));
        assertThat(old.status()).isEqualTo(409);
        assertThat(lower.path("versions")).hasSize(3);
        assertThat(lower.path("versions").get(1).path("state").asString()).isEqualTo("SUPERSEDED");

        // copying never copies approvals
        JsonNode copy = ok(sales1.post("/api/quotes/" + id + "/copy", Map.of()));
        JsonNode approvedAgain = ok(sales1.post("/api/quotes/" + copy.path("quote").path("id").asLong() + "/versions",
                Map.of("version", copy.path("quote").path("version").asLong(), "lines", List.of(line(product, "12", "95.00")))));
        assertThat(copy.path("quote").path("copiedFrom").asLong()).isEqualTo(id);
        assertThat(approvedAgain.path("lines").get(0).path("line").path("specialStatus").asString()).isEqualTo("NONE");

        // a manager's own application goes above the manager (no self-approval)
        Api manager = login("manager");
        JsonNode mine = created(manager, List.of(line(product, "1", "95.00")));
        long mineId = mine.path("quote").path("id").asLong();
        ok(manager.post("/api/quotes/" + mineId + "/lines/1/special-price", Map.of("version", mine.path("quote").path("version").asLong())));
        assertThat(pendingFor(manager, mineId + "-1-1")).isFalse();
        assertThat(pendingFor(login("gm"), mineId + "-1-1")).isTrue();
    }

    @Test
    @DisplayName("PRC-7/PRC-9: a line under the hard floor is 422 on its price with the rule's words in zh and en; nothing saved")
    void PRC7_refusedLinesAreNotSaved() {
        long quotes = count("quote");
        Api.Response zh = create(sales1, customer, List.of(line(product, "1", "100.00"), line(product, "1", "89.99")));
        assertThat(zh.status()).isEqualTo(422);
        JsonNode error = zh.json().path("errors").get(0);
        assertThat(error.path("field").asString()).isEqualTo("lines[1].unitPrice");
        assertThat(error.path("code").asString()).isEqualTo("price-below-floor");
        assertThat(error.path("message").asString()).contains("89.99", "90.00", "PRC-7");
        Api.Response en = create(login("sales1").language("en"), customer, List.of(line(product, "1", "89.99")));
        assertThat(en.json().path("errors").get(0).path("message").asString()).contains("below the floor", "PRC-7");
        assertThat(count("quote")).isEqualTo(quotes);
    }

    @Test
    @DisplayName("PRC-3/PRC-9: a non-standard line awaits its guide price; once finance answers, the revision can be sent")
    void PRC3_awaitingGuidePriceUntilTheRequestIsAnswered() {
        long custom = fixture.product("CUSTOM");
        JsonNode q = created(sales1, List.of(line(custom, "5", "300.00")));
        assertThat(q.path("lines").get(0).path("line").path("verdict").asString()).isEqualTo("AWAITING_GUIDE_PRICE");
        Api.Response blocked = act(sales1, q, "send");
        assertThat(blocked.status()).isEqualTo(409);
        assertThat(blocked.body()).contains("PRC-3");

        JsonNode request = ok(sales1.post("/api/quote-requests", Map.of("customerId", customer, "productId", custom, "quantity", 5)));
        long requestId = request.path("request").path("id").asLong();
        ok(login("finance").post("/api/quote-requests/" + requestId + "/answer", Map.of("guidePrice", new BigDecimal("290.00"), "version", 0)));
        Map<String, Object> priced = line(custom, "5", "300.00");
        priced.put("quoteRequestId", requestId);
        JsonNode revised = ok(sales1.post("/api/quotes/" + q.path("quote").path("id").asLong() + "/versions",
                Map.of("version", q.path("quote").path("version").asLong(), "lines", List.of(priced))));
        JsonNode l = revised.path("lines").get(0).path("line");
        assertThat(l.path("verdict").asString()).isEqualTo("OK");
        assertThat(l.path("guidePrice").decimalValue()).isEqualByComparingTo("290.00");
        assertThat(revised.path("lines").get(0).path("why").findValuesAsString("ruleId")).containsExactly("PRC-3", "PRC-4");
        ok(act(sales1, revised, "send"));
        // another salesperson cannot use sales1's request
        Api sales2 = login("sales2");
        long theirs = PricingFixture.customer(sales2, PricingFixture.unique("别人的客户"));
        Api.Response foreign = create(sales2, theirs, List.of(priced));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().path("errors").get(0).path("field").asString()).isEqualTo("lines[0].quoteRequestId");
    }

    @Test
    @DisplayName("PRC-8: a fee share grosses up; the fee per unit and the deal's expense are on the line")
    void PRC8_feeGrossUp() {
        Map<String, Object> fee = line(product, "10", "105.27");
        fee.put("feeShare", new BigDecimal("0.05"));
        JsonNode q = created(sales1, List.of(fee));
        JsonNode l = q.path("lines").get(0).path("line");
        assertThat(l.path("verdict").asString()).isEqualTo("OK");
        assertThat(l.path("netPrice").decimalValue()).isEqualByComparingTo("100.01");
        assertThat(l.path("feePerUnit").decimalValue()).isEqualByComparingTo("5.26");
        assertThat(q.path("current").path("feeExpense").decimalValue()).isEqualByComparingTo("52.60");
    }

    @Test
    @DisplayName("PRC-9: bad input (quantity, decimals, unknown/inactive product, fee share) is 422 on its field in zh and en; nothing changes")
    void PRC9_badInput() {
        long inactive = fixture.standard("10.00");
        assertThat(login("mktdir").post("/api/products/" + inactive + "/deactivate", Map.of("version", 0)).status()).isEqualTo(200);
        long quotes = count("quote");
        long lines = count("quote_line");
        record Bad(String key, Object value, String field, String code) {}
        for (Bad bad : List.of(
                new Bad("quantity", BigDecimal.ZERO, "lines[0].quantity", "quantity-positive"),
                new Bad("quantity", new BigDecimal("-1"), "lines[0].quantity", "quantity-positive"),
                new Bad("unitPrice", new BigDecimal("99.999"), "lines[0].unitPrice", "money-decimals"),
                new Bad("unitPrice", BigDecimal.ZERO, "lines[0].unitPrice", "price-positive"),
                new Bad("productId", 987654321L, "lines[0].productId", "unknown"),
                new Bad("productId", inactive, "lines[0].productId", "product-inactive"),
                new Bad("feeShare", BigDecimal.ONE, "lines[0].feeShare", "fee-share-range"))) {
            Map<String, Object> l = line(product, "1", "100.00");
            l.put(bad.key(), bad.value());
            Api.Response zh = create(sales1, customer, List.of(l));
            assertThat(zh.status()).as(bad.toString()).isEqualTo(422);
            JsonNode e = zh.json().path("errors").get(0);
            assertThat(e.path("field").asString()).as(bad.toString()).isEqualTo(bad.field());
            assertThat(e.path("code").asString()).as(bad.toString()).isEqualTo(bad.code());
            Api.Response en = create(login("sales1").language("en"), customer, List.of(l));
            assertThat(en.json().path("errors").get(0).path("message").asString()).isNotEqualTo(e.path("message").asString());
        }
        assertThat(create(sales1, customer, List.of()).status()).isEqualTo(422);
        assertThat(sales1.post("/api/quotes", Map.of()).status()).isEqualTo(422);
        // a revision with bad input changes nothing either
        JsonNode q = created(sales1, List.of(line(product, "1", "100.00")));
        Api.Response bad = sales1.post("/api/quotes/" + q.path("quote").path("id").asLong() + "/versions",
                Map.of("version", q.path("quote").path("version").asLong(), "lines", List.of(line(product, "0", "100.00"))));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(sales1.get("/api/quotes/" + q.path("quote").path("id").asLong()).json().path("quote").path("newestVersion").asInt()).isEqualTo(1);
        assertThat(count("quote")).isEqualTo(quotes + 1);
        assertThat(count("quote_line")).isEqualTo(lines + 1);
    }

    @Test
    @DisplayName("PLT-5: a salesperson sees its own quotes, the manager the department's, finance all; lists filter and export")
    void PLT5_dataScopeListAndExport() {
        JsonNode q = created(sales1, List.of(line(product, "2", "100.00")));
        long id = q.path("quote").path("id").asLong();
        String number = q.path("quote").path("number").asString();
        assertThat(login("sales2").get("/api/quotes/" + id).status()).isEqualTo(404);
        assertThat(login("sales2").post("/api/quotes/" + id + "/send", Map.of("version", 0)).status()).isEqualTo(404);
        assertThat(login("sales3").get("/api/quotes?q=" + number).json().path("items")).isEmpty();
        assertThat(login("manager").get("/api/quotes/" + id).status()).isEqualTo(200);
        assertThat(login("finance").get("/api/quotes?q=" + number).json().path("items")).hasSize(1);
        assertThat(login("agent1").get("/api/quotes").status()).isEqualTo(403);
        // another salesperson's customer cannot be quoted
        long theirs = PricingFixture.customer(login("sales3"), PricingFixture.unique("三组客户"));
        Api.Response foreign = create(sales1, theirs, List.of(line(product, "1", "100.00")));
        assertThat(foreign.status()).isEqualTo(422);
        assertThat(foreign.json().path("errors").get(0).path("field").asString()).isEqualTo("customerId");

        JsonNode mine = sales1.get("/api/quotes?state=DRAFT&customerId=" + customer + "&size=200").json();
        assertThat(mine.path("items").findValuesAsString("number")).contains(number);
        assertThat(sales1.get("/api/quotes?state=NOPE").status()).isEqualTo(422);
        List<List<String>> rows = Xlsx.download(port, sales1, "/api/quotes/export?q=" + number, "zh");
        assertThat(rows.get(0)).contains("报价单号", "含税合计");
        assertThat(rows.get(1)).contains(number, "草稿");
    }

    @Test
    @DisplayName("PRC-10: past its validity a quote is expired: it is listed as such and cannot be sent or converted")
    void PRC10_expiry() {
        JsonNode q = created(sales1, List.of(line(product, "2", "100.00")));
        long id = q.path("quote").path("id").asLong();
        asSystem(() -> jdbc.sql("UPDATE quote_version SET issued_on = issued_on - 31, valid_until = valid_until - 31 WHERE quote_id = :q")
                .param("q", id).update());
        JsonNode expired = sales1.get("/api/quotes/" + id).json();
        assertThat(expired.path("expired").asBoolean()).isTrue();
        Api.Response send = act(sales1, expired, "send");
        assertThat(send.status()).isEqualTo(409);
        assertThat(send.code()).isEqualTo("quote-expired");
        assertThat(sales1.get("/api/quotes?state=EXPIRED&size=200").json().path("items").findValuesAsString("number"))
                .contains(q.path("quote").path("number").asString());
        asSystem(() -> jdbc.sql("UPDATE quote_version SET state = 'ACCEPTED' WHERE quote_id = :q").param("q", id).update());
        assertThat(CompanyContext.callAs(company(), () -> book.acceptedForConversion(id))).isEmpty();
    }

    @Test
    @DisplayName("PRC-10: the quote prints as a PDF in Chinese with the customer's name and the total")
    void PRC10_pdfInChinese() throws Exception {
        String name = PricingFixture.unique("广州华南电气贸易有限公司");
        long buyer = PricingFixture.customer(sales1, name);
        Api.Response made = create(sales1, buyer, List.of(line(product, "10", "100.00"), line(product, "3", "120.50")));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        JsonNode q = made.json();
        long id = q.path("quote").path("id").asLong();
        java.net.http.HttpResponse<byte[]> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/quotes/" + id + "/pdf"))
                        .header("Cookie", "SESSION=" + sales1.sessionCookie()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(r.body())) {
            // PDFBox maps some shared glyphs back to Kangxi radicals (户 as ⼾); NFKC folds them to the characters written
            String text = java.text.Normalizer.normalize(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf),
                    java.text.Normalizer.Form.NFKC);
            assertThat(text).contains("报价单", name, q.path("quote").path("number").asString(), "含税合计", "1,361.50", "156.63");
        }
        // outside the scope it does not exist
        assertThat(login("sales2").get("/api/quotes/" + id + "/pdf").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("PRC-9: the builder's live check explains every line, refused ones included, and saves nothing")
    void PRC9_liveCheckOfTheBuilder() {
        long quotes = count("quote");
        Map<String, Object> fee = line(product, "10", "105.27");
        fee.put("feeShare", new BigDecimal("0.05"));
        Api.Response r = sales1.post("/api/quotes/check", Map.of("customerId", customer, "lines", List.of(
                line(product, "10", "95.00"), line(product, "1", "89.99"), fee, line(product, "0", "100.00"))));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode lines = r.json().path("lines");
        assertThat(lines.get(0).path("checked").path("check").path("outcome").path("verdict").asString()).isEqualTo("SPECIAL_PRICE");
        assertThat(lines.get(0).path("checked").path("check").path("outcome").path("commissionReduction").decimalValue()).isEqualByComparingTo("0.005");
        assertThat(lines.get(1).path("checked").path("check").path("outcome").path("verdict").asString()).isEqualTo("REFUSED");
        assertThat(lines.get(1).path("floorPrice").decimalValue()).isEqualByComparingTo("90.00");
        assertThat(lines.get(1).path("checked").path("check").path("hits").findValuesAsString("ruleId")).contains("PRC-7");
        assertThat(lines.get(2).path("checked").path("check").path("outcome").path("feeExpense").decimalValue()).isEqualByComparingTo("52.60");
        assertThat(lines.get(3).path("problems").get(0).path("code").asString()).isEqualTo("quantity-positive");
        assertThat(count("quote")).isEqualTo(quotes);
        assertThat(login("sales2").post("/api/quotes/check", Map.of("customerId", customer, "lines", List.of())).status()).isEqualTo(422);
    }

    @Test
    @DisplayName("CUS-8: open quotes follow a transferred customer to its new salesperson")
    void CUS8_openQuotesFollowTheCustomer() {
        JsonNode q = created(sales1, List.of(line(product, "1", "100.00")));
        long id = q.path("quote").path("id").asLong();
        long sales3 = asSystem(() -> jdbc.sql("SELECT id FROM app_user WHERE username = 'sales3'").query(Long.class).single());
        Api.Response moved = login("manager").post("/api/customers/" + customer + "/transfer", Map.of("toUserId", sales3, "reason", "片区调整"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(login("sales3").get("/api/quotes/" + id).status()).isEqualTo(200);
        assertThat(sales1.get("/api/quotes/" + id).status()).isEqualTo(404);
    }
}
