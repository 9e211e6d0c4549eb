package io.yewu.platform.internal.db;

import io.yewu.platform.security.CompanyContext;
import org.springframework.jdbc.datasource.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.postgresql.PGConnection;

/**
 * Hands out connections that carry the current company into PostgreSQL, where the row-level-security policy
 * {@code company_wall} reads it. A connection taken with no company in context sees no walled rows at all.
 */
final class CompanyWallDataSource extends DelegatingDataSource implements AutoCloseable {

    CompanyWallDataSource(DataSource target) {
        super(target);
    }

    /** Closes the pool before the embedded server stops (Spring calls it on shutdown). */
    @Override
    public void close() throws Exception {
        if (getTargetDataSource() instanceof AutoCloseable pool) pool.close();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return ValueSensitivePlans.wrap(mark(super.getConnection()));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return ValueSensitivePlans.wrap(mark(super.getConnection(username, password)));
    }

    /**
     * What each physical connection was last marked with (weakly held: a connection the pool closed drops out). The
     * marks are session settings, committed at once (they run before any transaction begins), and nothing else in
     * the application sets them, so a connection that already carries the current company is handed out as it is:
     * the wall costs one statement only when the company changes, not one per checkout.
     */
    private static final Map<Connection, String> MARKS = Collections.synchronizedMap(new WeakHashMap<>());

    private static Connection mark(Connection connection) throws SQLException {
        CompanyContext.Scope scope = CompanyContext.current();
        String company = scope == null || scope.companyId() == null ? "" : scope.companyId().toString();
        String all = scope != null && scope.allCompanies() ? "on" : "";
        Connection physical = connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) instanceof Connection c ? c : null : null;
        String mark = company + "|" + all;
        if (physical != null && mark.equals(MARKS.get(physical))) return connection;
        if (physical != null) MARKS.remove(physical); // unknown until the statement below succeeded
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT set_config('yewu.company_id', ?, false), set_config('yewu.all_companies', ?, false)")) {
            st.setString(1, company);
            st.setString(2, all);
            st.execute();
            if (physical != null) MARKS.put(physical, mark);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
