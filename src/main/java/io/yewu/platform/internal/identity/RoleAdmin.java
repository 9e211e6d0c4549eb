package io.yewu.platform.internal.identity;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.internal.security.Revocation;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.DataScopeLevel;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Roles are fixed by the rulebook; what an administrator sets is each role's data scope (PLT-5). A changed scope
 * ends the sessions of the role's holders, who log in again with the new one.
 */
@RestController
@RequestMapping("/api/admin/roles")
@Allow(RoleCode.ADMIN)
class RoleAdmin {

    /** A role with how many active users hold it (what a scope change affects, said before it is made). */
    record RoleView(long id, String code, String nameZh, String nameEn, DataScopeLevel dataScope, long version,
                    long userCount) {}

    private static final String SELECT = """
            SELECT r.id, r.code, r.name_zh, r.name_en, r.data_scope, r.version,
                   (SELECT count(*) FROM user_role ur JOIN app_user u ON u.company_id = ur.company_id AND u.id = ur.user_id
                    WHERE ur.company_id = r.company_id AND ur.role_id = r.id AND u.active) AS user_count
            FROM role r WHERE r.company_id = :c""";

    record ScopeChange(@NotNull DataScopeLevel dataScope, long version) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Revocation revocation;

    RoleAdmin(JdbcClient jdbc, AuditTrail audit, Revocation revocation) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.revocation = revocation;
    }

    @GetMapping
    List<RoleView> list() {
        return jdbc.sql(SELECT + " ORDER BY r.id")
                .param("c", CurrentUser.get().companyId()).query(RoleView.class).list();
    }

    @PutMapping("/{id}")
    @Transactional
    RoleView update(@PathVariable long id, @Valid @RequestBody ScopeChange in) {
        long company = CurrentUser.get().companyId();
        RoleView before = jdbc.sql(SELECT + " AND r.id = :id")
                .param("id", id).param("c", company).query(RoleView.class).optional()
                .orElseThrow(() -> ProblemException.notFound("role " + id));
        Versions.requireUpdated(jdbc.sql("""
                UPDATE role SET data_scope = :s, version = version + 1 WHERE id = :id AND company_id = :c AND version = :v""")
                .param("s", in.dataScope().name()).param("id", id).param("c", company).param("v", in.version()).update());
        if (before.dataScope() != in.dataScope()) revocation.endSessionsOfRole(company, id);
        audit.record("role", before.code(), "update", Changes.of().put("dataScope", before.dataScope(), in.dataScope()));
        return new RoleView(id, before.code(), before.nameZh(), before.nameEn(), in.dataScope(), before.version() + 1,
                before.userCount());
    }
}
