package io.yewu.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Query plans (and single answers) read as text, for the tests that check which index a query uses. */
public final class Plans {

    private Plans() {
    }

    /** Every line the statement answers (an EXPLAIN's plan), joined by new lines. */
    public static String of(Statement st, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) out.append(rs.getString(1)).append('\n');
        }
        return out.toString().strip();
    }

    /**
     * Puts the statement's transaction behind the company wall as the application: the company set, the role
     * {@code yewu_app}; with {@code indexesOnly}, sequential and bitmap scans off (on a test database's few rows they
     * would win on cost whatever index applies). The caller's connection must not be in auto-commit.
     */
    public static void asApplication(Statement st, long company, boolean indexesOnly) throws SQLException {
        st.execute("SELECT set_config('yewu.company_id', '" + company + "', true)");
        if (indexesOnly) {
            st.execute("SET LOCAL enable_seqscan = off");
            st.execute("SET LOCAL enable_bitmapscan = off");
        }
        st.execute("SET LOCAL ROLE yewu_app");
    }
}
