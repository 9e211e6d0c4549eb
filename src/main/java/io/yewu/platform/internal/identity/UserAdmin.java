package io.yewu.platform.internal.identity;

import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.internal.security.Passwords;
import io.yewu.platform.internal.security.Revocation;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

@Service
class UserAdmin {

    record Filter(String q, Long departmentId, String role, Boolean active) {}

    record UserRow(long id, String username, String displayName, long departmentId, String departmentName,
                   Set<String> roles, boolean active, String phone, String email, long version) {}

    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.department_id, d.name AS department_name,
                   (SELECT coalesce(string_agg(r.code, ',' ORDER BY r.code), '') FROM user_role ur
                    JOIN role r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS roles,
                   u.active, u.phone, u.email, u.version
            """;
    private static final Map<String, String> SORTS = Map.of("username", "u.username", "displayName", "u.display_name",
            "departmentName", "d.name", "createdAt", "u.created_at");

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final AuditTrail audit;
    private final Revocation revocation;

    UserAdmin(JdbcClient jdbc, PasswordEncoder encoder, AuditTrail audit, Revocation revocation) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.audit = audit;
        this.revocation = revocation;
    }

    Page<UserRow> list(YewuPrincipal me, Filter f, PageQuery page) {
        Map<String, Object> params = new HashMap<>();
        String fromWhere = fromWhere(me, f, params);
        List<UserRow> rows = jdbc.sql(SELECT + fromWhere + " ORDER BY " + page.orderBy(SORTS, "u.id")
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(this::row).list();
        return Page.of(rows, page, Page.cappedCount(jdbc, fromWhere, params));
    }

    void export(YewuPrincipal me, Filter f, Consumer<UserRow> sink) {
        Map<String, Object> params = new HashMap<>();
        try (var rows = jdbc.sql(SELECT + fromWhere(me, f, params) + " ORDER BY u.id").params(params)
                .query(this::row).stream()) {
            rows.forEach(sink);
        }
    }

    @Transactional
    UserRow create(YewuPrincipal me, UserAdminController.NewUser u) {
        Passwords.requireStrong("password", u.password());
        requireGrantable(me, Set.of(), u.roles());
        requireDepartment(me, u.departmentId());
        List<Long> roleIds = roleIds(me, u.roles());
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO app_user (company_id, username, password_hash, display_name, department_id, phone, email)
                    VALUES (:c, :username, :hash, :name, :dept, :phone, :email) RETURNING id""")
                    .param("c", me.companyId()).param("username", u.username().trim())
                    .param("hash", encoder.encode(u.password())).param("name", u.displayName().trim())
                    .param("dept", u.departmentId()).param("phone", u.phone()).param("email", u.email())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw ProblemException.invalid("username", "taken");
        }
        setRoles(me, id, roleIds);
        audit.record("user", id, "create", Changes.of().created("username", u.username())
                .created("displayName", u.displayName()).created("departmentId", u.departmentId())
                .created("roles", new TreeSet<>(u.roles()).toString()));
        return get(me, id);
    }

    @Transactional
    UserRow update(YewuPrincipal me, long id, UserAdminController.UserChange u) {
        UserRow before = get(me, id);
        requireGrantable(me, before.roles(), u.roles());
        requireDepartment(me, u.departmentId());
        List<Long> roleIds = roleIds(me, u.roles());
        Versions.requireUpdated(jdbc.sql("""
                UPDATE app_user SET display_name = :name, department_id = :dept, active = :active, phone = :phone,
                       email = :email, version = version + 1
                WHERE id = :id AND company_id = :c AND version = :v""")
                .param("name", u.displayName().trim()).param("dept", u.departmentId()).param("active", u.active())
                .param("phone", u.phone()).param("email", u.email())
                .param("id", id).param("c", me.companyId()).param("v", u.version()).update());
        setRoles(me, id, roleIds);
        audit.record("user", id, "update", Changes.of()
                .put("displayName", before.displayName(), u.displayName().trim())
                .put("departmentId", before.departmentId(), u.departmentId())
                .put("active", before.active(), u.active())
                .put("phone", before.phone(), u.phone())
                .put("email", before.email(), u.email())
                .put("roles", new TreeSet<>(before.roles()).toString(), new TreeSet<>(u.roles()).toString()));
        boolean deactivated = before.active() && !u.active();
        boolean moved = before.departmentId() != u.departmentId();
        boolean regranted = !before.roles().equals(u.roles());
        if (deactivated || moved || regranted) {
            // what they may see and do changed: every session and token of theirs ends with this transaction
            revocation.endSessionsAndTokens(me.companyId(), id);
        }
        return get(me, id);
    }

    @Transactional
    void resetPassword(YewuPrincipal me, long id, String password) {
        Passwords.requireStrong("newPassword", password);
        UserRow target = get(me, id);
        requireGrantable(me, target.roles(), target.roles());
        jdbc.sql("UPDATE app_user SET password_hash = :h, version = version + 1 WHERE id = :id AND company_id = :c")
                .param("h", encoder.encode(password)).param("id", id).param("c", me.companyId()).update();
        revocation.endSessionsAndTokens(me.companyId(), id);
        audit.record("user", id, "reset-password", Changes.of());
    }

    private UserRow get(YewuPrincipal me, long id) {
        return jdbc.sql(SELECT + " FROM app_user u JOIN department d ON d.id = u.department_id"
                        + " WHERE u.id = :id AND u.company_id = :c")
                .param("id", id).param("c", me.companyId()).query(this::row).optional()
                .orElseThrow(() -> ProblemException.notFound("user " + id));
    }

    private String fromWhere(YewuPrincipal me, Filter f, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" FROM app_user u JOIN department d ON d.id = u.department_id WHERE u.company_id = :c");
        params.put("c", me.companyId());
        if (f.q() != null && !f.q().isBlank()) {
            sql.append(" AND (u.username ILIKE :q OR u.display_name ILIKE :q OR u.phone LIKE :q)");
            params.put("q", "%" + f.q().trim().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.departmentId() != null) {
            sql.append(" AND starts_with(d.path, (SELECT path FROM department WHERE id = :dept AND company_id = :c))");
            params.put("dept", f.departmentId());
        }
        if (f.role() != null && !f.role().isBlank()) {
            sql.append(" AND EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id"
                    + " WHERE ur.user_id = u.id AND r.code = :role)");
            params.put("role", f.role());
        }
        if (f.active() != null) {
            sql.append(" AND u.active = :active");
            params.put("active", f.active());
        }
        return sql.toString();
    }

    private static void requireGrantable(YewuPrincipal me, Set<String> before, Set<String> requested) {
        GrantPolicy.refusal(me.roles(), before, requested).ifPresent(code -> {
            throw ProblemException.forbidden(code);
        });
    }

    private void requireDepartment(YewuPrincipal me, long departmentId) {
        boolean exists = jdbc.sql("SELECT count(*) FROM department WHERE id = :id AND company_id = :c")
                .param("id", departmentId).param("c", me.companyId()).query(Long.class).single() == 1;
        if (!exists) throw ProblemException.invalid("departmentId", "unknown", departmentId);
    }

    private List<Long> roleIds(YewuPrincipal me, Set<String> codes) {
        List<Long> ids = jdbc.sql("SELECT id FROM role WHERE company_id = :c AND code IN (:codes)")
                .param("c", me.companyId()).param("codes", List.copyOf(codes)).query(Long.class).list();
        if (ids.size() != codes.size()) throw ProblemException.invalid("roles", "unknown", String.join(",", codes));
        return ids;
    }

    private void setRoles(YewuPrincipal me, long userId, List<Long> roleIds) {
        jdbc.sql("DELETE FROM user_role WHERE company_id = :c AND user_id = :u")
                .param("c", me.companyId()).param("u", userId).update();
        jdbc.sql("INSERT INTO user_role (company_id, user_id, role_id) SELECT :c, :u, unnest(CAST(:r AS bigint[]))")
                .param("c", me.companyId()).param("u", userId).param("r", roleIds.toArray(Long[]::new)).update();
    }

    private UserRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        String roles = rs.getString("roles");
        return new UserRow(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("department_id"), rs.getString("department_name"),
                roles.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(roles.split(","))),
                rs.getBoolean("active"), rs.getString("phone"), rs.getString("email"), rs.getLong("version"));
    }

    /** The company's role names by code, for exports that show roles in words. */
    java.util.Map<String, io.yewu.platform.transfer.ExcelExport.Words> roleWords(long companyId) {
        java.util.Map<String, io.yewu.platform.transfer.ExcelExport.Words> words = new java.util.HashMap<>();
        jdbc.sql("SELECT code, name_zh, name_en FROM role WHERE company_id = :c").param("c", companyId)
                .query((rs, n) -> words.put(rs.getString("code"),
                        new io.yewu.platform.transfer.ExcelExport.Words(rs.getString("name_zh"), rs.getString("name_en"))))
                .list();
        return words;
    }
}
