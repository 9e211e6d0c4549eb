package io.yewu.platform.internal.security;

import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.DataScopeLevel;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Reads a user with roles, department path and widest data scope; crosses companies as login must. */
@Component
class PrincipalLoader {

    record Login(YewuPrincipal principal, String passwordHash, boolean active) {}

    private final JdbcClient jdbc;

    PrincipalLoader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Login> byUsername(String username) {
        return load("lower(u.username) = lower(:key)", username);
    }

    Optional<Login> byId(long id) {
        return load("u.id = :key", id);
    }

    private Optional<Login> load(String where, Object key) {
        return CompanyContext.callAsSystem(() -> jdbc.sql("""
                SELECT u.id, u.company_id, u.username, u.display_name, u.department_id, d.path, u.password_hash,
                       u.active, u.locale,
                       coalesce(string_agg(r.code, ',' ORDER BY r.code), '') AS roles,
                       coalesce(max(CASE r.data_scope WHEN 'ALL' THEN 3 WHEN 'DEPARTMENT' THEN 2 ELSE 1 END), 1) AS scope
                FROM app_user u
                JOIN department d ON d.id = u.department_id
                LEFT JOIN user_role ur ON ur.user_id = u.id AND ur.company_id = u.company_id
                LEFT JOIN role r ON r.id = ur.role_id
                WHERE %s
                GROUP BY u.id, d.path
                """.formatted(where))
                .param("key", key)
                .query((rs, n) -> {
                    Set<String> roles = new LinkedHashSet<>();
                    Arrays.stream(rs.getString("roles").split(",")).filter(s -> !s.isEmpty()).forEach(roles::add);
                    DataScopeLevel scope = DataScopeLevel.values()[rs.getInt("scope") - 1];
                    YewuPrincipal p = new YewuPrincipal(rs.getLong("id"), rs.getLong("company_id"),
                            rs.getString("username"), rs.getString("display_name"), rs.getLong("department_id"),
                            rs.getString("path"), Set.copyOf(roles), scope, rs.getString("locale"));
                    return new Login(p, rs.getString("password_hash"), rs.getBoolean("active"));
                })
                .optional());
    }
}
