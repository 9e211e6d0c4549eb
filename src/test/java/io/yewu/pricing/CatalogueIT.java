package io.yewu.pricing;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PRC-1 products and PRC-2 guide price lists over real HTTP, with the demo company's marketing director and GM. */
class CatalogueIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    private static String code() {
        return "P" + System.nanoTime() % 10_000_000;
    }

    private long product(Api api, String code, String kind) {
        Api.Response created = api.post("/api/products", Map.of("code", code, "name", "电缆 " + code, "kind", kind, "unit", "米"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    private long draft(Api api, LocalDate from, long productId, String price) {
        Api.Response created = api.post("/api/price-lists", Map.of("name", "指导价 " + from, "effectiveFrom", from.toString(),
                "lines", List.of(Map.of("productId", productId, "guidePrice", new BigDecimal(price)))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("list").path("id").asLong();
    }

    private JsonNode submit(Api api, long listId) {
        long version = api.get("/api/price-lists/" + listId).json().path("list").path("version").asLong();
        Api.Response submitted = api.post("/api/price-lists/" + listId + "/submit", Map.of("version", version));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        return submitted.json();
    }

    private void approve(Api approver, long listId) {
        decide(approver, listId, "approve");
    }

    private void decide(Api approver, long listId, String action) {
        for (JsonNode a : approver.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if ("price-list".equals(a.path("subjectType").asString()) && String.valueOf(listId).equals(a.path("subjectId").asString())) {
                Api.Response approved = approver.post("/api/approvals/" + a.path("id").asLong() + "/" + action,
                        Map.of("comment", "reject".equals(action) ? "价格需再议" : "同意"));
                assertThat(approved.status()).as(approved.body()).isEqualTo(200);
                return;
            }
        }
        throw new AssertionError("no pending price list " + listId + " for this approver");
    }

    private JsonNode priceOn(Api api, long productId, LocalDate on) {
        Api.Response r = api.get("/api/products/" + productId + "/guide-price?on=" + on);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    private static String field(Api.Response r) {
        return r.json().path("errors").get(0).path("field").asString();
    }

    private long count(String table) {
        return asSystem(() -> jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
    }

    @Test
    void PRC1_theMarketingDirectorCreatesEditsAndDeactivatesAProduct() {
        Api mktdir = login("mktdir");
        String code = code();
        long id = product(mktdir, code, "STANDARD");

        JsonNode found = mktdir.get("/api/products?q=" + code.toLowerCase() + "&kind=STANDARD&active=true").json();
        assertThat(found.path("items")).hasSize(1);
        assertThat(found.path("items").get(0).path("code").asString()).isEqualTo(code);
        // sales read the catalogue
        assertThat(login("sales1").get("/api/products/" + id).json().path("name").asString()).isEqualTo("电缆 " + code);

        Map<String, Object> edit = Map.of("code", code, "name", "铜芯电缆", "kind", "HARNESS", "unit", "根", "version", 0);
        Api.Response edited = mktdir.put("/api/products/" + id, edit);
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().path("kind").asString()).isEqualTo("HARNESS");
        assertThat(edited.json().path("version").asLong()).isEqualTo(1);
        Api.Response stale = mktdir.put("/api/products/" + id, edit);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.code()).isEqualTo("version-conflict");

        Api.Response off = mktdir.post("/api/products/" + id + "/deactivate", Map.of("version", 1));
        assertThat(off.status()).as(off.body()).isEqualTo(200);
        assertThat(off.json().path("active").asBoolean()).isFalse();
        assertThat(mktdir.get("/api/products?q=" + code + "&active=true").json().path("items")).isEmpty();
        assertThat(mktdir.get("/api/products?q=" + code + "&active=false").json().path("items")).hasSize(1);
        // the general manager may also write the catalogue
        product(login("gm"), code(), "CUSTOM");
        long audited = asSystem(() -> jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'product' AND entity_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single());
        assertThat(audited).isEqualTo(3);
    }

    @Test
    void PRC1_badInputIs422WithItsFieldAndChangesNothing() {
        Api mktdir = login("mktdir");
        String code = code();
        long id = product(mktdir, code, "STANDARD");
        long custom = product(mktdir, code(), "CUSTOM");
        long products = count("product");
        long lists = count("price_list");

        Api.Response duplicate = mktdir.post("/api/products", Map.of("code", code, "name", "重复", "kind", "STANDARD", "unit", "米"));
        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(field(duplicate)).isEqualTo("code");
        assertThat(duplicate.json().path("errors").get(0).path("code").asString()).isEqualTo("taken");
        Api.Response badKind = mktdir.post("/api/products", Map.of("code", code(), "name", "x", "kind", "CABLE", "unit", "米"));
        assertThat(badKind.status()).isEqualTo(422);
        assertThat(field(badKind)).isEqualTo("kind");
        assertThat(mktdir.post("/api/products", Map.of()).status()).isEqualTo(422);
        Api.Response noVersion = mktdir.put("/api/products/" + id, Map.of("code", code, "name", "x", "kind", "STANDARD", "unit", "米"));
        assertThat(noVersion.status()).isEqualTo(422);
        assertThat(field(noVersion)).isEqualTo("version");

        for (String price : List.of("0", "-5.00", "12.345")) {
            Api.Response bad = mktdir.post("/api/price-lists", Map.of("name", "坏价格", "effectiveFrom", TODAY.toString(),
                    "lines", List.of(Map.of("productId", id, "guidePrice", new BigDecimal(price)))));
            assertThat(bad.status()).as(price).isEqualTo(422);
            assertThat(field(bad)).isEqualTo("lines[0].guidePrice");
        }
        Api.Response unknown = mktdir.post("/api/price-lists", Map.of("name", "未知产品", "effectiveFrom", TODAY.toString(),
                "lines", List.of(Map.of("productId", 987654321L, "guidePrice", new BigDecimal("10.00")))));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(field(unknown)).isEqualTo("lines[0].productId");
        // PRC-1: a non-standard item has no guide price
        Api.Response nonStandard = mktdir.post("/api/price-lists", Map.of("name", "定制", "effectiveFrom", TODAY.toString(),
                "lines", List.of(Map.of("productId", custom, "guidePrice", new BigDecimal("10.00")))));
        assertThat(nonStandard.status()).isEqualTo(422);
        assertThat(nonStandard.json().path("errors").get(0).path("code").asString()).isEqualTo("product-not-standard");
        Api.Response past = mktdir.post("/api/price-lists", Map.of("name", "过去", "effectiveFrom", TODAY.minusDays(1).toString(),
                "lines", List.of(Map.of("productId", id, "guidePrice", new BigDecimal("10.00")))));
        assertThat(past.status()).isEqualTo(422);
        assertThat(field(past)).isEqualTo("effectiveFrom");

        assertThat(count("product")).isEqualTo(products);
        assertThat(count("price_list")).isEqualTo(lists);
        assertThat(mktdir.get("/api/products/" + id).json().path("version").asLong()).isZero();
    }

    @Test
    void PRC2_theGeneralManagerSeesEachProductsOldAndNewGuidePrice() {
        Api mktdir = login("mktdir");
        Api gm = login("gm");
        long kept = product(mktdir, code(), "STANDARD");
        long added = product(mktdir, code(), "STANDARD");
        long first = draft(mktdir, TODAY, kept, "100.00");
        submit(mktdir, first);
        approve(gm, first);
        LocalDate from = TODAY.plusDays(7);
        Api.Response created = mktdir.post("/api/price-lists", Map.of("name", "调价 " + from, "effectiveFrom", from.toString(),
                "lines", List.of(Map.of("productId", kept, "guidePrice", new BigDecimal("110.50")),
                        Map.of("productId", added, "guidePrice", new BigDecimal("50.00")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long list = created.json().path("list").path("id").asLong();
        submit(mktdir, list);

        JsonNode approval = pendingApproval(gm, "price-list", String.valueOf(list));
        JsonNode details = approval.path("details");
        assertThat(details.path("recordName").asString()).isEqualTo("调价 " + from);
        assertThat(fact(approval, "effectiveFrom").asString()).isEqualTo(from.toString());
        assertThat(fact(approval, "lineCount").asInt()).isEqualTo(2);
        assertThat(fact(approval, "changeCount").asInt()).isEqualTo(2);
        assertThat(details.path("lines").path("columns").toString()).contains("product", "oldGuidePrice", "newGuidePrice");
        Map<String, JsonNode> byName = new java.util.HashMap<>();
        for (JsonNode row : details.path("lines").path("rows")) byName.put(row.get(1).asString(), row);
        JsonNode keptRow = byName.values().stream().filter(r -> r.get(3).asString().equals("110.50")).findFirst().orElseThrow();
        assertThat(keptRow.get(2).asString()).isEqualTo("100.00");
        JsonNode addedRow = byName.values().stream().filter(r -> r.get(3).asString().equals("50.00")).findFirst().orElseThrow();
        assertThat(addedRow.get(2).isNull()).isTrue();
        assertThat(approval.path("decision").toString()).contains("PRC-2");
    }

    @Test
    void PRC2_anApprovedListAppliesFromItsEffectiveDateAndExplainsItself() {
        Api mktdir = login("mktdir");
        Api gm = login("gm");
        long id = product(mktdir, code(), "STANDARD");
        long now = draft(mktdir, TODAY, id, "100.00");
        long later = draft(mktdir, TODAY.plusDays(30), id, "110.50");

        // a draft and a list awaiting approval set no price
        JsonNode none = priceOn(mktdir, id, TODAY);
        assertThat(none.path("guidePrice").isNull()).isTrue();
        assertThat(none.path("decision").path("hits").get(0).path("ruleId").asString()).isEqualTo("PRC-1");
        assertThat(submit(mktdir, now).path("list").path("status").asString()).isEqualTo("PENDING");
        assertThat(priceOn(mktdir, id, TODAY).path("guidePrice").isNull()).isTrue();

        approve(gm, now);
        submit(mktdir, later);
        approve(gm, later);
        assertThat(mktdir.get("/api/price-lists/" + now).json().path("list").path("status").asString()).isEqualTo("APPROVED");
        assertThat(mktdir.get("/api/price-lists/" + later).json().path("list").path("status").asString()).isEqualTo("APPROVED");

        Api sales1 = login("sales1");
        JsonNode today = priceOn(sales1, id, TODAY);
        assertThat(today.path("guidePrice").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(today.path("priceListId").asLong()).isEqualTo(now);
        JsonNode why = today.path("decision").path("hits").get(0);
        assertThat(why.path("ruleId").asString()).isEqualTo("PRC-2");
        assertThat(why.path("inputs").path("priceListId").asLong()).isEqualTo(now);
        // the later list does not apply before its date, and does from it
        assertThat(priceOn(sales1, id, TODAY.plusDays(29)).path("guidePrice").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode then = priceOn(sales1, id, TODAY.plusDays(30));
        assertThat(then.path("guidePrice").decimalValue()).isEqualByComparingTo("110.50");
        assertThat(then.path("priceListId").asLong()).isEqualTo(later);
        // before the first list there was no guide price
        assertThat(priceOn(sales1, id, TODAY.minusDays(1)).path("decision").path("hits").get(0).path("ruleId").asString())
                .isEqualTo("PRC-1");

        // the chain the PRC-2 policy chose is stored beside the list (PLT-1)
        long stored = asSystem(() -> jdbc.sql("SELECT count(*) FROM decision_record WHERE subject_type = 'price-list' AND subject_id = :id")
                .param("id", String.valueOf(now)).query(Long.class).single());
        assertThat(stored).isEqualTo(1);
        // an approved list cannot be submitted again
        long version = mktdir.get("/api/price-lists/" + now).json().path("list").path("version").asLong();
        assertThat(mktdir.post("/api/price-lists/" + now + "/submit", Map.of("version", version)).status()).isEqualTo(409);
    }

    @Test
    void PRC2_aRejectedListSetsNoPriceAndMayBeSubmittedAgain() {
        Api mktdir = login("mktdir");
        Api gm = login("gm");
        long id = product(mktdir, code(), "STANDARD");
        long list = draft(mktdir, TODAY, id, "70.00");
        submit(mktdir, list);
        decide(gm, list, "reject");
        assertThat(mktdir.get("/api/price-lists/" + list).json().path("list").path("status").asString()).isEqualTo("REJECTED");
        assertThat(priceOn(mktdir, id, TODAY).path("guidePrice").isNull()).isTrue();

        assertThat(submit(mktdir, list).path("list").path("status").asString()).isEqualTo("PENDING");
        approve(gm, list);
        assertThat(priceOn(mktdir, id, TODAY).path("guidePrice").decimalValue()).isEqualByComparingTo("70.00");
    }

    @Test
    void PRC1_onlyMarketingAndTheGeneralManagerWriteTheCatalogue() {
        Api sales1 = login("sales1");
        assertThat(sales1.post("/api/products", Map.of("code", code(), "name", "x", "kind", "STANDARD", "unit", "米")).status())
                .isEqualTo(403);
        assertThat(sales1.post("/api/price-lists", Map.of("name", "x")).status()).isEqualTo(403);
        assertThat(sales1.get("/api/products").status()).isEqualTo(200);
        assertThat(sales1.get("/api/price-lists").status()).isEqualTo(200);
        // the service desk has no business with guide prices
        assertThat(login("agent1").get("/api/products").status()).isEqualTo(403);
        // the general manager approves, the marketing director submits
        long id = product(login("mktdir"), code(), "STANDARD");
        long list = draft(login("gm"), TODAY, id, "50.00");
        assertThat(login("gm").post("/api/price-lists/" + list + "/submit", Map.of("version", 0)).status()).isEqualTo(403);
    }

    @Test
    void PLT11_anotherCompanySeesNothing() {
        Api mktdir = login("mktdir");
        String code = code();
        long id = product(mktdir, code, "STANDARD");
        long list = draft(mktdir, TODAY, id, "80.00");

        Api other = Api.at(port).login(otherCompanyMarketingDirector(), "Yewu@2026");
        assertThat(other.get("/api/products/" + id).status()).isEqualTo(404);
        assertThat(other.get("/api/products/" + id + "/guide-price").status()).isEqualTo(404);
        assertThat(other.get("/api/products?q=" + code).json().path("items")).isEmpty();
        assertThat(other.get("/api/price-lists/" + list).status()).isEqualTo(404);
        assertThat(other.get("/api/price-lists?size=200").body()).doesNotContain("\"id\":" + list + ",");
        assertThat(other.put("/api/products/" + id, Map.of("code", code, "name", "x", "kind", "STANDARD", "unit", "米", "version", 0))
                .status()).isEqualTo(404);
        // another company's line cannot name our product
        Api.Response foreign = other.post("/api/price-lists", Map.of("name", "x", "effectiveFrom", TODAY.toString(),
                "lines", List.of(Map.of("productId", id, "guidePrice", new BigDecimal("1.00")))));
        assertThat(foreign.status()).isEqualTo(422);
        // codes are unique per company, not across companies
        assertThat(other.post("/api/products", Map.of("code", code, "name", "同号", "kind", "STANDARD", "unit", "米")).status())
                .isEqualTo(201);
        assertThat(mktdir.get("/api/products/" + id).json().path("name").asString()).isEqualTo("电缆 " + code);
    }

    /** A marketing director of a second company, password Yewu@2026. */
    private String otherCompanyMarketingDirector() {
        return userOfNewCompany("PC", io.yewu.platform.security.RoleCode.MARKETING_DIRECTOR, "外司营销总监");
    }
}
