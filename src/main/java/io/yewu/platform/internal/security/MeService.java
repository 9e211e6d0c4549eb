package io.yewu.platform.internal.security;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.DataScopeLevel;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Set;

/** What a user may do to their own account: read it, change password and language. */
@Service
class MeService {

    record Me(long id, String username, String displayName, long companyId, String companyName, long departmentId,
              String departmentName, Set<String> roles, DataScopeLevel dataScope, String locale) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Revocation revocation;

    MeService(JdbcClient jdbc, PasswordEncoder encoder, Revocation revocation) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.revocation = revocation;
    }

    Me describe(YewuPrincipal p) {
        record Names(String company, String department, String locale) {}
        Names names = CompanyContext.callAs(p.companyId(), () -> jdbc.sql("""
                SELECT c.name AS company, d.name AS department, u.locale FROM app_user u
                JOIN company c ON c.id = u.company_id JOIN department d ON d.id = u.department_id
                WHERE u.id = :id""").param("id", p.id()).query(Names.class).single());
        return new Me(p.id(), p.username(), p.displayName(), p.companyId(), names.company(), p.departmentId(),
                names.department(), p.roles(), p.dataScope(), names.locale());
    }

    /** A new password ends the user's other sessions (where the old one may have been used); this one stays. */
    @Transactional
    void changePassword(YewuPrincipal p, String current, String next, String sessionId) {
        String hash = jdbc.sql("SELECT password_hash FROM app_user WHERE id = :id").param("id", p.id())
                .query(String.class).single();
        if (!encoder.matches(current, hash)) {
            throw ProblemException.invalid("currentPassword", "invalid");
        }
        if (current.equals(next)) {
            throw ProblemException.invalid("newPassword", "password-same");
        }
        Passwords.requireStrong("newPassword", next);
        jdbc.sql("UPDATE app_user SET password_hash = :h, version = version + 1 WHERE id = :id")
                .param("h", encoder.encode(next)).param("id", p.id()).update();
        revocation.endOtherSessions(p.username(), sessionId);
    }

    void changeLocale(YewuPrincipal p, String locale) {
        jdbc.sql("UPDATE app_user SET locale = :l WHERE id = :id").param("l", locale).param("id", p.id()).update();
    }
}
