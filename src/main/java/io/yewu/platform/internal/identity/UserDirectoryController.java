package io.yewu.platform.internal.identity;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The colleague directory for everyone. The list applies the caller's data scope (a salesperson sees only
 * themself, a manager their department tree); the picker search finds any active colleague by name, as
 * choosing an approver or delegate needs, and returns only names.
 */
@Allow(anyUser = true)
@RestController
@RequestMapping("/api/users")
class UserDirectoryController {

    record Colleague(long id, String displayName, String departmentName) {}

    private final JdbcClient jdbc;

    UserDirectoryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    Page<Colleague> list(PageQuery page) {
        var scope = DataScope.of(CurrentUser.get(), "u.company_id", "u.id");
        String fromWhere = " FROM app_user u JOIN department d ON d.id = u.department_id WHERE " + scope.sql();
        List<Colleague> rows = jdbc.sql("SELECT u.id, u.display_name, d.name AS department_name" + fromWhere
                        + " ORDER BY u.id LIMIT :limit OFFSET :offset")
                .params(scope.params()).param("limit", page.size()).param("offset", page.offset())
                .query(Colleague.class).list();
        return Page.of(rows, page, Page.cappedCount(jdbc, fromWhere, scope.params()));
    }

    @GetMapping("/search")
    List<Colleague> search(@RequestParam(defaultValue = "") String q) {
        return jdbc.sql("""
                SELECT u.id, u.display_name, d.name AS department_name
                FROM app_user u JOIN department d ON d.id = u.department_id
                WHERE u.company_id = :c AND u.active AND (u.display_name ILIKE :q OR u.username ILIKE :q)
                ORDER BY u.display_name LIMIT 20""")
                .param("c", CurrentUser.get().companyId())
                .param("q", "%" + q.trim().replace("%", "\\%").replace("_", "\\_") + "%")
                .query(Colleague.class).list();
    }
}
