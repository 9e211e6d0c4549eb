package io.yewu.customer;

import io.yewu.platform.security.RoleCode;
import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Decision 0045: the customer list's pages and totals are the same whichever statement answers them — a search's
 * single statement (its matches found once, counted and paged), the ordered walk when a search matches more than the
 * count's cap, the page that ends a list without a count. One salesperson of a new company owns 1,005 files named
 * 长风甲乙… and 25 named 长风丙丁…, so every page can be checked against the ids in their order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomerListPagesIT extends IntegrationTest {

    Api seller;
    long company;
    long sellerId;

    @BeforeAll
    void files() {
        String username = userOfNewCompany("Pg", RoleCode.SALESPERSON, "分页业务员");
        seller = login(username);
        asSystem(() -> {
            sellerId = jdbc.sql("SELECT id FROM app_user WHERE username = ?").param(username).query(Long.class).single();
            company = jdbc.sql("SELECT company_id FROM app_user WHERE id = ?").param(sellerId).query(Long.class).single();
            // names repeat in tens, so a sort by name has ties that the id breaks
            return jdbc.sql("""
                    INSERT INTO customer (company_id, name, city, source, stage, owner_id)
                    SELECT :c, CASE WHEN n <= 1005 THEN '长风甲乙' || lpad((n / 10)::text, 4, '0')
                                    ELSE '长风丙丁' || lpad((n / 10)::text, 4, '0') END,
                           '广州市', 'SELF', 'INTENTION', :u
                    FROM generate_series(1, 1030) n""").param("c", company).param("u", sellerId).update();
        });
    }

    private List<Long> expected(String piece, String order) {
        return asSystem(() -> jdbc.sql("SELECT id FROM customer WHERE company_id = ? AND name LIKE ? ORDER BY " + order)
                .param(company).param("%" + piece + "%").query(Long.class).list());
    }

    private static List<Long> ids(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(i -> ids.add(i.path("id").asLong()));
        return ids;
    }

    private JsonNode page(String query) {
        Api.Response r = seller.get("/api/customers?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    /** The page asked for shows these ids in this order, with this total ("1000+" when not exact). */
    private JsonNode assertPage(String query, List<Long> ids, long total, boolean exact) {
        JsonNode p = page(query);
        assertThat(ids(p)).as(query).isEqualTo(ids);
        assertThat(p.path("total").asLong()).as(query).isEqualTo(total);
        assertThat(p.path("totalExact").asBoolean()).as(query).isEqualTo(exact);
        return p;
    }

    private static final String BING_DING = "q=%E4%B8%99%E4%B8%81", JIA_YI = "q=%E7%94%B2%E4%B9%99";

    @Test
    void aSearchWithinTheCapIsPagedAndCountedFromItsMatches() {
        List<Long> all = expected("丙丁", "name ASC, id DESC");
        assertThat(all).hasSize(25);
        assertPage(BING_DING + "&sort=name,asc&size=20&page=0", all.subList(0, 20), 25, true);
        assertPage(BING_DING + "&sort=name,asc&size=20&page=1", all.subList(20, 25), 25, true);
        assertPage(BING_DING + "&sort=name,asc&size=20&page=4", List.of(), 25, true);
        assertPage("q=%E6%97%A0%E6%AD%A4&size=20&page=0", List.of(), 0, true);
    }

    @Test
    void aSearchPastTheCapIsPagedFromTheOrderedWalk() {
        List<Long> all = expected("甲乙", "id DESC");
        assertThat(all).hasSize(1005);
        assertPage(JIA_YI + "&size=20&page=1", all.subList(20, 40), 1000, false);
        List<Long> byName = expected("甲乙", "name DESC, id DESC");
        assertPage(JIA_YI + "&sort=name,desc&size=50&page=3", byName.subList(150, 200), 1000, false);
        // the last page ends the list: its total is exact without a count
        assertPage(JIA_YI + "&size=20&page=50", all.subList(1000, 1005), 1005, true);
    }

    @Test
    void theListIsPagedFromTheOrderedWalk() {
        List<Long> all = expected("长风", "name ASC, id DESC");
        assertThat(all).hasSize(1030);
        JsonNode deep = assertPage("stage=INTENTION&sort=name,asc&size=20&page=30", all.subList(600, 620), 1000, false);
        assertThat(deep.path("items").get(0).path("ownerName").asText()).isEqualTo("分页业务员");
        // decision 0052: page and count from one walk, to the page's end or one past the cap, whichever is further
        assertPage("stage=INTENTION&sort=name,asc&size=20&page=0", all.subList(0, 20), 1000, false);
        assertPage("stage=INTENTION&sort=name,asc&size=20&page=49", all.subList(980, 1000), 1000, false);
        assertPage("stage=INTENTION&sort=name,asc&size=20&page=50", all.subList(1000, 1020), 1000, false);
        assertPage("stage=INTENTION&sort=name,asc&size=20&page=51", all.subList(1020, 1030), 1030, true);
        assertPage("stage=INTENTION&sort=name,asc&size=20&page=52", List.of(), 1000, false);
        List<Long> byId = expected("长风", "id DESC");
        assertPage("size=50&page=2", byId.subList(100, 150), 1000, false);
    }

    /**
     * A page number whose offset would overflow an int (2,147,483,647 × 200) is a page past the end, not a negative
     * OFFSET that the database refuses: the customer list (its walk), a list read by {@code ListQuery} (orders) and
     * one with its own count (notifications) answer 200 with no items.
     */
    @Test
    void aHugePageNumberIsAnEmptyPageNotAnError() {
        assertPage("size=200&page=2147483647", List.of(), 1000, false);
        Api sales1 = login("sales1");
        for (String list : List.of("/api/orders", "/api/notifications", "/api/customers")) {
            Api.Response r = sales1.get(list + "?size=200&page=2147483647");
            assertThat(r.status()).as(list + ": " + r.body()).isEqualTo(200);
            assertThat(r.json().path("items").size()).as(list).isZero();
        }
    }
}
