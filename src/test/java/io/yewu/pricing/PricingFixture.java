package io.yewu.pricing;

import io.yewu.support.Api;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Products, approved guide prices and customers made over HTTP as the demo company's marketing director, general
 * manager and salespeople would make them (PRC-1, PRC-2, CUS-1), for the quote and line-pricing tests.
 */
public final class PricingFixture {

    public static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    private static final AtomicInteger SEQ = new AtomicInteger(ThreadLocalRandom.current().nextInt(1_000_000));

    private final Api mktdir;
    private final Api gm;

    public PricingFixture(Api mktdir, Api gm) {
        this.mktdir = mktdir;
        this.gm = gm;
    }

    public static String unique(String prefix) {
        return prefix + SEQ.incrementAndGet();
    }

    public long product(String kind) {
        String code = unique("Q");
        Api.Response created = mktdir.post("/api/products", Map.of("code", code, "name", "电缆" + code, "kind", kind, "unit", "米"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }

    /** A standard product with an approved guide price in force from today. */
    public long standard(String guidePrice) {
        long id = product("STANDARD");
        approvedList(TODAY, Map.of(id, guidePrice));
        return id;
    }

    public long approvedList(LocalDate from, Map<Long, String> prices) {
        List<Map<String, Object>> lines = prices.entrySet().stream()
                .map(e -> Map.<String, Object>of("productId", e.getKey(), "guidePrice", new BigDecimal(e.getValue()))).toList();
        Api.Response created = mktdir.post("/api/price-lists", Map.of("name", "指导价" + from, "effectiveFrom", from.toString(), "lines", lines));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long list = created.json().path("list").path("id").asLong();
        long version = created.json().path("list").path("version").asLong();
        Api.Response submitted = mktdir.post("/api/price-lists/" + list + "/submit", Map.of("version", version));
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
        for (JsonNode a : gm.get("/api/approvals?box=pending&size=200").json().path("items")) {
            if ("price-list".equals(a.path("subjectType").asString()) && String.valueOf(list).equals(a.path("subjectId").asString())) {
                Api.Response approved = gm.post("/api/approvals/" + a.path("id").asLong() + "/approve", Map.of("comment", "同意"));
                assertThat(approved.status()).as(approved.body()).isEqualTo(200);
                return list;
            }
        }
        throw new AssertionError("no pending price list " + list);
    }

    /** A customer filed (and so owned) by the salesperson behind {@code sales}. */
    public static long customer(Api sales, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("city", "广州市");
        body.put("address", "天河路 1 号");
        body.put("contacts", List.of(Map.of("name", "王经理", "phone", "138" + String.format("%08d", SEQ.incrementAndGet() % 100_000_000), "position", "采购")));
        Api.Response created = sales.post("/api/customers", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asLong();
    }
}
