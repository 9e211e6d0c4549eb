package io.yewu.platform.demo;

import io.yewu.platform.security.DataScopeLevel;
import io.yewu.platform.security.YewuPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The demo company's users as their logins would load them, and a way to act as one of them, so that what a
 * capability's demo data does through its services is recorded as done by that user (audit rows, approvals,
 * notifications). Call inside the company ({@code CompanyContext.callAs}).
 */
@Component
public class DemoUsers {

    private final JdbcClient jdbc;

    DemoUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The named users of the company with their roles, department path and widest data scope; all must exist. */
    public Map<String, YewuPrincipal> load(long companyId, Collection<String> usernames) {
        Map<String, YewuPrincipal> people = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT u.id, u.username, u.display_name, u.department_id, d.path, u.locale,
                       string_agg(r.code, ',' ORDER BY r.code) AS roles,
                       max(CASE r.data_scope WHEN 'ALL' THEN 3 WHEN 'DEPARTMENT' THEN 2 ELSE 1 END) AS scope
                FROM app_user u JOIN department d ON d.id = u.department_id
                JOIN user_role ur ON ur.company_id = u.company_id AND ur.user_id = u.id JOIN role r ON r.id = ur.role_id
                WHERE u.company_id = :c AND u.username IN (:names)
                GROUP BY u.id, d.path""")
                .param("c", companyId).param("names", List.copyOf(usernames))
                .query(rs -> {
                    people.put(rs.getString("username"), new YewuPrincipal(rs.getLong("id"), companyId, rs.getString("username"),
                            rs.getString("display_name"), rs.getLong("department_id"), rs.getString("path"),
                            Set.copyOf(Arrays.asList(rs.getString("roles").split(","))),
                            DataScopeLevel.values()[rs.getInt("scope") - 1], rs.getString("locale")));
                });
        if (!people.keySet().containsAll(usernames)) throw new IllegalStateException("demo users missing: " + usernames);
        return people;
    }

    /** Runs {@code work} as the user, so audit rows and notifications name who did it. */
    public static <T> T as(YewuPrincipal user, Supplier<T> work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }
}
