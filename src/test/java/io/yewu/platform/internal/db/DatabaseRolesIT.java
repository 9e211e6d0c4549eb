package io.yewu.platform.internal.db;

import io.yewu.platform.security.CompanyContext;
import io.yewu.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The application's database login cannot lift the company wall (on the embedded server and on an external one):
 * it is no superuser, cannot bypass row-level security, and RESET ROLE leaves it behind the wall. The audit log is
 * append-only for it, and every table with a {@code company_id} is behind a forced wall.
 */
class DatabaseRolesIT extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    @Qualifier("migrationDataSource")
    DataSource owner;

    long demo;
    long other;

    @BeforeEach
    void twoCompanies() throws SQLException {
        JdbcClient asOwner = JdbcClient.create(owner);
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            // the owner is behind the forced wall too unless it crosses companies explicitly
            st.execute("SELECT set_config('yewu.all_companies', 'on', false)");
            st.execute("""
                    INSERT INTO company (code, name) VALUES ('WALL-OTHER', '隔壁公司') ON CONFLICT (code) DO NOTHING;
                    INSERT INTO department (company_id, name)
                      SELECT id, '隔壁部门' FROM company WHERE code = 'WALL-OTHER'
                      ON CONFLICT DO NOTHING""");
        }
        demo = asOwner.sql("SELECT id FROM company WHERE code = 'DEMO'").query(Long.class).single();
        other = asOwner.sql("SELECT id FROM company WHERE code = 'WALL-OTHER'").query(Long.class).single();
    }

    @Test
    void theApplicationLogsInAsAPlainRoleThatCannotBypassTheWall() {
        var role = jdbc.sql("""
                SELECT session_user AS login, current_user AS role, r.rolsuper, r.rolbypassrls
                FROM pg_roles r WHERE r.rolname = session_user""").query().singleRow();
        assertThat(role.get("login")).isEqualTo("yewu_app");
        assertThat(role.get("role")).isEqualTo("yewu_app");
        assertThat(role.get("rolsuper")).isEqualTo(false);
        assertThat(role.get("rolbypassrls")).isEqualTo(false);
        assertThat(jdbc.sql("SELECT count(*) FROM pg_class WHERE relowner = session_user::regrole")
                .query(Long.class).single()).isZero();
    }

    @Test
    void resetRoleDoesNotLiftTheCompanyWall() throws SQLException {
        assertThat(JdbcClient.create(owner).sql(
                "SELECT count(*) FROM department WHERE company_id = " + other).query(Long.class).single())
                .as("the owner (bypassing as superuser, or under yewu.all_companies) sees the other company").isPositive();
        CompanyContext.runAs(demo, () -> {
            try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
                st.execute("RESET ROLE");
                st.execute("SET ROLE NONE");
                assertThat(single(st, "SELECT current_user")).isEqualTo("yewu_app");
                assertThat(single(st, "SELECT count(*) FROM department WHERE company_id = " + other)).isEqualTo("0");
                assertThat(single(st, "SELECT count(*) FROM department")).isNotEqualTo("0"); // its own company's
                assertThatThrownBy(() -> st.execute("SET ROLE " + quotedOwner(c)))
                        .as("the login cannot become the owner").isInstanceOf(SQLException.class);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void theAuditLogIsAppendOnlyForTheApplication() {
        CompanyContext.runAs(demo, () -> {
            jdbc.sql("""
                    INSERT INTO audit_log (company_id, actor_name, entity_type, entity_id, action)
                    VALUES (:c, 'test', 'wall-test', '1', 'CREATE')""").param("c", demo).update();
            for (String change : List.of("UPDATE audit_log SET action = 'FORGED' WHERE entity_type = 'wall-test'",
                    "DELETE FROM audit_log WHERE entity_type = 'wall-test'", "TRUNCATE audit_log")) {
                assertThatThrownBy(() -> jdbc.sql(change).update()).as(change)
                        .hasRootCauseInstanceOf(SQLException.class)
                        .rootCause().hasMessageContaining("permission denied");
            }
            assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'wall-test'")
                    .query(String.class).list()).containsOnly("CREATE");
        });
    }

    @Test
    void everyTableWithACompanyIdIsBehindAForcedCompanyWall() {
        // the owner sees every table in information_schema (the application role only those granted to it)
        List<String> tables = JdbcClient.create(owner).sql("""
                SELECT col.table_name FROM information_schema.columns col
                JOIN information_schema.tables t USING (table_schema, table_name)
                WHERE col.table_schema = current_schema() AND col.column_name = 'company_id'
                  AND t.table_type = 'BASE TABLE'
                ORDER BY 1""").query(String.class).list();
        assertThat(tables).contains("customer", "audit_log", "app_user");
        List<String> unwalled = new ArrayList<>();
        for (String table : tables) {
            var wall = JdbcClient.create(owner).sql("""
                    SELECT c.relrowsecurity AS enabled, c.relforcerowsecurity AS forced,
                           (SELECT count(*) FROM pg_policy p WHERE p.polrelid = c.oid AND p.polcmd = '*'
                              AND p.polqual IS NOT NULL) AS policies
                    FROM pg_class c WHERE c.oid = to_regclass(:t)""").param("t", table).query().singleRow();
            if (!(Boolean) wall.get("enabled") || !(Boolean) wall.get("forced") || ((Number) wall.get("policies")).longValue() == 0) {
                unwalled.add(table + wall);
            }
        }
        assertThat(unwalled).as("tables with company_id lacking ENABLE + FORCE row level security and a policy").isEmpty();
    }

    /**
     * Decision 0052: every wall reads the company once per statement (a scalar sub-select, an InitPlan), so a scan
     * compares two values per row instead of calling {@code current_setting()} twice per row. Checked on every
     * policy, and on a plan as the application's login runs it.
     */
    @Test
    void everyCompanyWallReadsTheCompanyOncePerStatementNotOncePerRow() {
        String once = "(( SELECT yewu_all_companies() AS yewu_all_companies) OR (company_id = ( SELECT yewu_company() AS yewu_company)))";
        List<String> perRow = JdbcClient.create(owner).sql("""
                SELECT polrelid::regclass || ': ' || pg_get_expr(polqual, polrelid) || ' / ' || pg_get_expr(polwithcheck, polrelid)
                FROM pg_policy WHERE polname = 'company_wall'
                  AND NOT (pg_get_expr(polqual, polrelid) = :once AND pg_get_expr(polwithcheck, polrelid) = :once)""")
                .param("once", once).query(String.class).list();
        assertThat(perRow).as("company walls not in the once-per-statement form").isEmpty();
        assertThat(JdbcClient.create(owner).sql("SELECT count(*) FROM pg_policy WHERE polname = 'company_wall'")
                .query(Long.class).single()).isGreaterThan(80);

        String plan = CompanyContext.callAs(demo, () -> String.join("\n", JdbcClient.create(dataSource)
                .sql("EXPLAIN (COSTS OFF) SELECT id FROM customer WHERE name <> ''").query(String.class).list()));
        assertThat(plan).contains("InitPlan").doesNotContain("current_setting");
    }

    private String quotedOwner(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            return single(st, "SELECT quote_ident(tableowner) FROM pg_tables WHERE tablename = 'company'");
        }
    }

    private static String single(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
