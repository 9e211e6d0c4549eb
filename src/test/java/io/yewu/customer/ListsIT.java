package io.yewu.customer;

import io.yewu.support.Api;
import io.yewu.support.IntegrationTest;
import io.yewu.support.Xlsx;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lists are never cut silently: disputes (once 200), overdue leads and follow-ups due (once 500) and the claims
 * export (once one page of 200) are paged past the old cut, and every list exports all its rows with words.
 */
class ListsIT extends IntegrationTest {

    private long customerOwnedBy(String owner, String name) {
        return asSystem(() -> jdbc.sql("""
                INSERT INTO customer (company_id, name, city, source, stage, owner_id)
                SELECT company_id, :name, '广州', 'SELF', 'INTENTION', id FROM app_user WHERE username = :u RETURNING id""")
                .param("name", name + " " + UUID.randomUUID().toString().substring(0, 8)).param("u", owner)
                .query(Long.class).single());
    }

    private static void assertPagedBeyond(Api api, String path, int oldCut) {
        JsonNode first = api.get(path + (path.contains("?") ? "&" : "?") + "size=200&page=0").json();
        assertThat(first.path("total").asLong()).as(path + " total").isGreaterThan(oldCut);
        int pageBeyond = oldCut / 200;
        JsonNode beyond = api.get(path + (path.contains("?") ? "&" : "?") + "size=200&page=" + pageBeyond).json();
        assertThat(beyond.path("items").size()).as(path + " page " + pageBeyond).isGreaterThanOrEqualTo(oldCut % 200 + 1);
        assertThat(beyond.path("page").asInt()).isEqualTo(pageBeyond);
    }

    @Test
    void CUS13_followUpsDueArePagedPastFiveHundredAndExported() {
        long customer = customerOwnedBy("sales3", "待跟进很多");
        asSystem(() -> jdbc.sql("""
                INSERT INTO follow_up (company_id, customer_id, author_id, kind, happened_at, content, next_follow_up_on)
                SELECT c.company_id, c.id, u.id, 'PHONE', now() - interval '10 days', '第 ' || g || ' 次', current_date - 1
                FROM customer c JOIN app_user u ON u.company_id = c.company_id AND u.username = 'sales3', generate_series(1, 501) g
                WHERE c.id = :c""").param("c", customer).update());
        try {
            Api author = login("sales3");
            assertPagedBeyond(author, "/api/follow-ups/due", 500);

            List<List<String>> rows = Xlsx.download(port, author, "/api/follow-ups/due/export");
            assertThat(rows.getFirst()).contains("客户", "方式", "已逾期");
            assertThat(rows).hasSizeGreaterThanOrEqualTo(502);
            assertThat(rows.get(1)).contains("电话", "是").doesNotContain("PHONE", "true");
        } finally {
            remove(List.of(customer));
        }
    }

    /** The bulk rows would skew other tests' rankings and lists: they go once checked. */
    private void remove(List<Long> customers) {
        asSystem(() -> {
            jdbc.sql("DELETE FROM ownership_dispute WHERE customer_id IN (:ids)").param("ids", customers).update();
            return jdbc.sql("DELETE FROM customer WHERE id IN (:ids)").param("ids", customers).update();
        });
    }

    @Test
    void CUS12_overdueLeadsArePagedPastFiveHundredAndExported() {
        List<Long> late = asSystem(() -> jdbc.sql("""
                INSERT INTO customer (company_id, name, city, source, stage, owner_id, assigned_at, first_contact_due, overdue_flagged_at)
                SELECT company_id, '逾期很多 ' || g || ' ' || :tag, '广州', 'ONLINE', 'INTENTION', id, now() - interval '9 days',
                       now() - interval '2 days', now()
                FROM app_user, generate_series(1, 501) g WHERE username = 'sales3' RETURNING id""")
                .param("tag", UUID.randomUUID().toString().substring(0, 8)).query(Long.class).list());
        try {
            Api sales3 = login("sales3");
            assertPagedBeyond(sales3, "/api/leads/overdue", 500);

            List<List<String>> rows = Xlsx.download(port, login("manager"), "/api/leads/overdue/export");
            assertThat(rows.getFirst()).containsExactly("线索", "业务员", "分配时间", "首次联系期限");
            assertThat(rows.stream().filter(r -> r.getFirst().startsWith("逾期很多"))).hasSizeGreaterThanOrEqualTo(501);
        } finally {
            remove(late);
        }
    }

    @Test
    void CUS6_CUS7_disputesArePagedPastTwoHundredAndTheyAndAllClaimsExport() {
        long customer = customerOwnedBy("sales4", "争议很多");
        asSystem(() -> jdbc.sql("""
                WITH claims AS (
                    INSERT INTO customer_claim (company_id, customer_id, claimant_id, owner_id, attempted_name, matched_on, status)
                    SELECT c.company_id, c.id, u.id, c.owner_id, c.name || ' ' || g, 'PHONE', 'DISPUTED'
                    FROM customer c JOIN app_user u ON u.company_id = c.company_id AND u.username = 'sales3', generate_series(1, 201) g
                    WHERE c.id = :c RETURNING company_id, id, customer_id, claimant_id)
                INSERT INTO ownership_dispute (company_id, claim_id, customer_id, opened_by)
                SELECT company_id, id, customer_id, claimant_id FROM claims""").param("c", customer).update());
        try {
            disputesAndClaims();
        } finally {
            remove(List.of(customer));
        }
    }

    private void disputesAndClaims() {
        Api sales3 = login("sales3");
        assertPagedBeyond(sales3, "/api/disputes", 200);

        List<List<String>> disputes = Xlsx.download(port, sales3, "/api/disputes/export");
        assertThat(disputes.getFirst()).contains("客户", "申诉人", "状态", "裁决结果");
        assertThat(disputes.stream().filter(r -> r.getFirst().startsWith("争议很多"))).hasSize(201);
        assertThat(disputes.get(1)).contains("协商中").doesNotContain("OPEN");

        List<List<String>> claims = Xlsx.download(port, sales3, "/api/claims/export");
        assertThat(claims.stream().filter(r -> r.getFirst().startsWith("争议很多"))).as("every claim, not one page").hasSize(201);
        List<String> claim = claims.stream().filter(r -> r.getFirst().startsWith("争议很多")).findFirst().orElseThrow();
        assertThat(claim).contains("电话", "申诉中").doesNotContain("PHONE", "DISPUTED");
        List<List<String>> english = Xlsx.download(port, sales3, "/api/claims/export", "en");
        assertThat(english.stream().filter(r -> r.getFirst().startsWith("争议很多")).findFirst().orElseThrow()).contains("Phone", "Disputed");
    }
}
