package io.yewu.platform.internal.security;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends every session and API token of a user at once: when an administrator deactivates them, changes their
 * roles or department, or resets their password. Runs in the caller's transaction, so the change and the
 * logout commit together. Sessions are indexed by login name ({@code spring_session.principal_name}), which is
 * unique in the whole installation (case-insensitively, and sessions carry the name as stored), so the user's own
 * sessions and no one else's end. The caller's transaction runs inside the user's company wall.
 */
@Component
public class Revocation {

    private final JdbcClient jdbc;

    Revocation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return how many sessions and tokens ended */
    @Transactional(propagation = Propagation.MANDATORY)
    public int endSessionsAndTokens(long companyId, long userId) {
        String username = jdbc.sql("SELECT username FROM app_user WHERE id = :u AND company_id = :c")
                .param("u", userId).param("c", companyId).query(String.class).optional().orElse(null);
        if (username == null) return 0;
        int sessions = jdbc.sql("DELETE FROM spring_session WHERE principal_name = :n")
                .param("n", username).update();
        int tokens = jdbc.sql("DELETE FROM api_token WHERE company_id = :c AND user_id = :u")
                .param("c", companyId).param("u", userId).update();
        return sessions + tokens;
    }

    /**
     * A role's data scope changed: the sessions of everyone holding it end, so that nobody keeps the old scope
     * (sessions hold the scope; tokens read it afresh on every request).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int endSessionsOfRole(long companyId, long roleId) {
        return jdbc.sql("""
                DELETE FROM spring_session WHERE principal_name IN (
                  SELECT u.username FROM app_user u JOIN user_role ur ON ur.user_id = u.id AND ur.company_id = u.company_id
                  WHERE ur.company_id = :c AND ur.role_id = :r)""")
                .param("c", companyId).param("r", roleId).update();
    }

    /** After a user changed their own password: their other sessions end, the one they used stays. */
    @Transactional(propagation = Propagation.MANDATORY)
    public int endOtherSessions(String username, String keptSessionId) {
        return jdbc.sql("DELETE FROM spring_session WHERE principal_name = :n AND session_id <> :s")
                .param("n", username).param("s", keptSessionId == null ? "" : keptSessionId).update();
    }
}
