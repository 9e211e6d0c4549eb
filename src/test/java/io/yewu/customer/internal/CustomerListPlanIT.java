package io.yewu.customer.internal;

import io.yewu.support.IntegrationTest;
import io.yewu.support.Plans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 speed, decision 0045: a page of the customer list looks up each row's first phone and owner for the rows it
 * shows, not for every row its offset skips. Measured by running the list's own statement ({@link
 * CustomerQueries#walkedPageSql}, decision 0052: page and count from one walk) under EXPLAIN ANALYZE on fourteen files
 * of the demo company: page 3 of 4 rows skips 8 and shows 4, the contact look-up runs 4 times (12 before, when it sat
 * in the walk past the offset), and every row carries the walk's count of all fourteen.
 */
class CustomerListPlanIT extends IntegrationTest {

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    @Test
    void theListLooksUpPhonesForTheRowsItShowsOnly() throws Exception {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        String where = " WHERE c.company_id = " + company + " AND c.name LIKE 'PlanIT%'";
        String sql = CustomerQueries.walkedPageSql("TRUE", " FROM customer c" + where, "c.name ASC, c.id DESC")
                .replace(":walk", "1001").replace(":first", "8").replace(":last", "12");
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // fourteen files with a phone each, two names shared (ties the id breaks), taken back at the end
                st.execute("""
                        WITH made AS (INSERT INTO customer (company_id, name, city, source, stage)
                            SELECT %d, 'PlanIT' || (n / 2), '广州市', 'SELF', 'INTENTION' FROM generate_series(1, 14) n
                            RETURNING id)
                        INSERT INTO customer_contact (company_id, customer_id, name, phone)
                        SELECT %d, id, '联系人', '1380000' || lpad(id::text, 4, '0') FROM made""".formatted(company, company));
                Plans.asApplication(st, company, false);
                String plan = Plans.of(st, "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql);
                Matcher contact = Pattern.compile("on customer_contact cc.*\\(actual rows=\\d+ loops=(\\d+)\\)").matcher(plan);
                assertThat(contact.find()).as(plan).isTrue();
                assertThat(Integer.parseInt(contact.group(1))).as(plan).isEqualTo(4);
                // the same four rows, in the same order, as the plain statement shows, each with the walk's count
                String ids = Plans.of(st, "SELECT string_agg(id::text, ',') FROM (" + sql.replace("SELECT c.id, c.name,",
                        "SELECT c.id AS id, c.name,") + ") page");
                assertThat(Plans.of(st, "SELECT string_agg(DISTINCT walked_count::text, ',') FROM (" + sql + ") page"))
                        .isEqualTo("14");
                String plain = Plans.of(st, "SELECT string_agg(id::text, ',') FROM (SELECT c.id FROM customer c"
                        + where + " ORDER BY c.name ASC, c.id DESC LIMIT 4 OFFSET 8) page");
                assertThat(ids).isEqualTo(plain);
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * V54: a business manager's list by stage, and its capped count, filter the stage index's entries by the manager's
     * scope (owner in the department tree, or an unowned file of it) without fetching a file. Scans other than by
     * index are turned off: on a test database's few rows they would win on cost whatever applies.
     */
    @Test
    void aManagersStageListAndCountReadTheStageIndexAlone() throws Exception {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        var manager = new io.yewu.platform.security.YewuPrincipal(3, company, "manager", "经理", 2, "/1/2/",
                java.util.Set.of("BUSINESS_MANAGER"), io.yewu.platform.security.DataScopeLevel.DEPARTMENT, "zh-CN");
        CustomerAccess access = CustomerAccess.of(manager, "c");
        String fromWhere = " FROM customer c WHERE " + access.inScopeSql() + " AND c.stage = 'INTENTION'";
        String page = CustomerQueries.walkedPageSql("TRUE", fromWhere, "c.id DESC").replace(":walk", "1001")
                .replace(":first", "40").replace(":last", "60");
        String count = io.yewu.platform.web.Page.cappedCountSql(fromWhere);
        var keys = new java.util.ArrayList<>(access.params().keySet());
        keys.sort(java.util.Comparator.comparing(String::length).reversed());
        for (String k : keys) {
            Object v = access.params().get(k);
            String literal = v instanceof Number ? v + "::bigint" : "'" + v + "'";
            page = page.replace(":" + k, literal);
            count = count.replace(":" + k, literal);
        }
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                Plans.asApplication(st, company, true);
                for (String sql : java.util.List.of(page, count)) {
                    String plan = Plans.of(st, "EXPLAIN " + sql);
                    assertThat(plan).as(plan).contains("Index Only Scan using customer_stage_idx on customer c");
                }
            } finally {
                c.rollback();
            }
        }
    }
}
