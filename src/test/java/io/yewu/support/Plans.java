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
}
