package io.yewu.platform.internal.db;

import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * After the migration, as the owner: makes sure the application's login role exists, may log in, is a member of
 * {@code yewu_app} and carries the configured (or derived) password; then refuses to start unless that login is
 * safe for the company wall (no superuser, no BYPASSRLS, owns no table, is not the owner) and actually logs in.
 * Where the owner may not manage roles (no CREATEROLE), the DBA creates the login once (docs/operations.md) and only
 * the checks run.
 */
final class AppLogin {

    private static final Logger log = LoggerFactory.getLogger(AppLogin.class);

    private AppLogin() {
    }

    static void provision(DataSource owner, DatabaseLogins logins) {
        String user = logins.appUser();
        if (user.equals(logins.ownerUser())) {
            throw new IllegalStateException("The application's database login (" + user + ") must not be the owner "
                    + "that migrates the schema: set YEWU_DB_APP_USER to another role (docs/operations.md)");
        }
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("SELECT pg_advisory_xact_lock(hashtext('yewu application login'))"); // nodes start together
            }
            try {
                manage(c, user, logins.appPassword());
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                if (!"42501".equals(e.getSQLState())) throw e; // insufficient privilege: the DBA manages the role
                log.warn("The owner {} may not manage the role {} ({}); expecting it to exist as docs/operations.md "
                        + "describes", logins.ownerUser(), user, e.getMessage());
            }
            c.setAutoCommit(true);
            check(c, user);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the application's database login " + user, e);
        }
        try (Connection app = DriverManager.getConnection(logins.url(), user, logins.appPassword())) {
            log.info("The application logs in to the database as {}", user);
        } catch (SQLException e) {
            throw new IllegalStateException("The application's database login " + user + " cannot log in (" + e.getMessage()
                    + "): check YEWU_DB_APP_USER / YEWU_DB_APP_PASSWORD (docs/operations.md)", e);
        }
    }

    private static void manage(Connection c, String user, String password) throws SQLException {
        String role = quote(c, user);
        Boolean canLogin = null;
        try (PreparedStatement st = c.prepareStatement("SELECT rolcanlogin FROM pg_roles WHERE rolname = ?")) {
            st.setString(1, user);
            try (ResultSet rs = st.executeQuery()) {
                if (rs.next()) canLogin = rs.getBoolean(1);
            }
        }
        try (Statement st = c.createStatement()) {
            if (canLogin == null) {
                st.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE");
                log.info("Created the application's database login {}", user);
            } else if (!canLogin) {
                st.execute("ALTER ROLE " + role + " LOGIN");
            }
            if (!user.equals(DatabaseLogins.DEFAULT_APP_USER)) st.execute("GRANT yewu_app TO " + role);
        }
        if (!password.isEmpty()) {
            // the verifier is computed here, so the password itself never reaches the server's statement log
            c.unwrap(PGConnection.class).alterUserPassword(user, password.toCharArray(), "scram-sha-256");
        }
    }

    private static void check(Connection c, String user) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT r.rolsuper, r.rolbypassrls, pg_has_role(r.oid, 'yewu_app', 'MEMBER'),
                       (SELECT count(*) FROM pg_class t WHERE t.relowner = r.oid
                          AND t.relnamespace = current_schema()::regnamespace)
                FROM pg_roles r WHERE r.rolname = ?""")) {
            st.setString(1, user);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("The application's database login " + user + " does not exist: "
                            + "create it as docs/operations.md describes, or let the owner have CREATEROLE");
                }
                if (rs.getBoolean(1) || rs.getBoolean(2)) {
                    throw new IllegalStateException("The application's database login " + user + " is a superuser or "
                            + "may bypass row-level security: the company wall would not hold. Use a plain login role");
                }
                if (!rs.getBoolean(3)) {
                    throw new IllegalStateException("The application's database login " + user + " is not a member "
                            + "of yewu_app: GRANT yewu_app TO " + user);
                }
                if (rs.getLong(4) > 0) {
                    throw new IllegalStateException("The application's database login " + user + " owns tables, so "
                            + "row-level security does not bind it: use a login that owns nothing");
                }
            }
        }
    }

    private static String quote(Connection c, String identifier) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("SELECT quote_ident(?)")) {
            st.setString(1, identifier);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
