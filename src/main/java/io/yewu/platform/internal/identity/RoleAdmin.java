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

    record RoleView(long id, String code, String nameZh, String nameEn, DataScopeLevel dataScope, long version) {}

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
        return jdbc.sql("SELECT id, code, name_zh, name_en, data_scope, version FROM role WHERE company_id = :c ORDER BY id")
                .param("c", CurrentUser.get().companyId()).query(RoleView.class).list();
    }

    @PutMapping("/{id}")
    @Transactional
    RoleView update(@PathVariable long id, @Valid @RequestBody ScopeChange in) {
        long company = CurrentUser.get().companyId();
        RoleView before = jdbc.sql("SELECT id, code, name_zh, name_en, data_scope, version FROM role WHERE id = :id AND company_id = :c")
                .param("id", id).param("c", company).query(RoleView.class).optional()
                .orElseThrow(() -> ProblemException.notFound("role " + id));
        Versions.requireUpdated(jdbc.sql("""
                UPDATE role SET data_scope = :s, version = version + 1 WHERE id = :id AND company_id = :c AND version = :v""")
                .param("s", in.dataScope().name()).param("id", id).param("c", company).param("v", in.version()).update());
        if (before.dataScope() != in.dataScope()) revocation.endSessionsOfRole(company, id);
        audit.record("role", before.code(), "update", Changes.of().put("dataScope", before.dataScope(), in.dataScope()));
        return new RoleView(id, before.code(), before.nameZh(), before.nameEn(), in.dataScope(), before.version() + 1);
    }
}
