package io.yewu.customer.internal;

import io.yewu.support.IntegrationTest;
import io.yewu.support.Plans;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 speed, V53: CUS-10's ranking counts (leads received this month, open unconverted leads, the last
 * assignment) are read from their partial indexes alone, so a salesperson's growing month does not make every pool
 * page and distribution visit each counted row. Fails when an edit of {@link LeadPool#CANDIDATES} or of the indexes
 * makes the planner unable to prove that an index applies.
 */
class LeadPoolPlanIT extends IntegrationTest {

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    @Test
    void CUS10_theRankingCountsReadTheirPartialIndexesAlone() throws Exception {
        long company = asSystem(() -> jdbc.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single());
        long department = asSystem(() -> jdbc.sql("SELECT min(id) FROM department WHERE company_id = ?").param(company)
                .query(Long.class).single());
        String sql = LeadPool.CANDIDATES
                .replace(":today", "DATE '2026-11-30'")
                .replace(":monthStart", "TIMESTAMPTZ '2026-11-01 00:00+08'")
                .replace(":role", "'SALESPERSON'")
                .replace(":c", String.valueOf(company))
                .replace(":dept", String.valueOf(department));
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                Plans.asApplication(st, company, true);
                String plan = Plans.of(st, "EXPLAIN " + sql);
                assertThat(plan).as(plan)
                        .contains("Index Only Scan using customer_ownership_assigned_idx")
                        .contains("Index Only Scan Backward using customer_ownership_assigned_idx")
                        .contains("Index Only Scan using customer_open_lead_idx");
            } finally {
                c.rollback();
            }
        }
    }
}
