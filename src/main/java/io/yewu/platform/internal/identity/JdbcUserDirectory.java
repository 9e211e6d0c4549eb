package io.yewu.platform.internal.identity;

import io.yewu.platform.identity.UserDirectory;
import io.yewu.platform.security.CompanyContext;
import io.yewu.platform.security.RoleCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

@Component
class JdbcUserDirectory implements UserDirectory {

    private final JdbcClient jdbc;

    JdbcUserDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<UserRef> find(long userId) {
        return jdbc.sql("""
                SELECT u.id, u.display_name, u.department_id, d.name AS department_name, u.active
                FROM app_user u JOIN department d ON d.id = u.department_id
                WHERE u.id = :id AND u.company_id = :c""")
                .param("id", userId).param("c", CompanyContext.companyId()).query(UserRef.class).optional();
    }

    @Override
    public Optional<Long> managerOf(long userId) {
        // walk from the user's department to the root; the first manager who is not the user wins
        return jdbc.sql("""
                SELECT a.manager_id FROM app_user u
                JOIN department d ON d.id = u.department_id
                JOIN department a ON a.company_id = u.company_id AND starts_with(d.path, a.path)
                JOIN app_user m ON m.id = a.manager_id AND m.active
                WHERE u.id = :id AND u.company_id = :c AND a.manager_id <> u.id
                ORDER BY length(a.path) DESC LIMIT 1""")
                .param("id", userId).param("c", CompanyContext.companyId()).query(Long.class).optional();
    }

    @Override
    public List<Long> withRole(RoleCode role, Long departmentId) {
        return jdbc.sql("""
                SELECT u.id FROM app_user u
                JOIN user_role ur ON ur.user_id = u.id AND ur.company_id = u.company_id
                JOIN role r ON r.id = ur.role_id AND r.code = :role
                JOIN department d ON d.id = u.department_id
                WHERE u.company_id = :c AND u.active
                  AND (CAST(:dept AS bigint) IS NULL
                       OR starts_with(d.path, (SELECT path FROM department WHERE id = :dept AND company_id = :c)))
                ORDER BY u.id""")
                .param("role", role.name()).param("c", CompanyContext.companyId()).param("dept", departmentId)
                .query(Long.class).list();
    }
}
