package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.audit.AuditTrail;
import io.yewu.platform.audit.Changes;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;
import io.yewu.platform.web.Versions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** What each salesperson knows (product categories) and when they are away: inputs to CUS-10. */
@RestController
class SalesProfiles {

    record Profile(long userId, String name, String departmentName, List<String> skills, LocalDate absentFrom,
                   LocalDate absentTo, long version) {}

    record ProfileChange(List<String> skills, LocalDate absentFrom, LocalDate absentTo, long version) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    SalesProfiles(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Allow(groups = RoleGroup.MANAGERS)
    @GetMapping("/api/sales-profiles")
    List<Profile> list() {
        var scope = DataScope.of(CurrentUser.get(), "u.company_id", "u.id");
        return jdbc.sql("""
                SELECT u.id AS user_id, u.display_name AS name, d.name AS department_name, coalesce(p.skills, '{}') AS skills,
                       p.absent_from, p.absent_to, coalesce(p.version, 0) AS version
                FROM app_user u JOIN department d ON d.id = u.department_id
                JOIN user_role ur ON ur.company_id = u.company_id AND ur.user_id = u.id
                JOIN role r ON r.id = ur.role_id AND r.code = 'SALESPERSON'
                LEFT JOIN sales_profile p ON p.company_id = u.company_id AND p.user_id = u.id
                WHERE u.active AND %s ORDER BY d.path, u.display_name""".formatted(scope.sql()))
                .params(scope.params())
                .query((rs, n) -> new Profile(rs.getLong("user_id"), rs.getString("name"), rs.getString("department_name"),
                        Arrays.asList((String[]) rs.getArray("skills").getArray()), rs.getObject("absent_from", LocalDate.class),
                        rs.getObject("absent_to", LocalDate.class), rs.getLong("version")))
                .list();
    }

    @Allow(groups = RoleGroup.MANAGERS)
    @PutMapping("/api/sales-profiles/{userId}")
    @Transactional
    Profile update(@PathVariable long userId, @RequestBody ProfileChange in) {
        YewuPrincipal manager = CurrentUser.get();
        Profile before = list().stream().filter(p -> p.userId() == userId).findFirst()
                .orElseThrow(() -> ProblemException.notFound("sales profile " + userId));
        List<String> skills = in.skills() == null ? List.of() : in.skills().stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
        if (skills.size() > 20) throw ProblemException.invalid("skills", "too-many", 20);
        if ((in.absentFrom() == null) != (in.absentTo() == null)) throw ProblemException.invalid("absentTo", "required");
        if (in.absentFrom() != null && in.absentTo().isBefore(in.absentFrom())) throw ProblemException.invalid("absentTo", "date-order");
        int rows = jdbc.sql("""
                INSERT INTO sales_profile (company_id, user_id, skills, absent_from, absent_to) VALUES (:c, :u, :s, :f, :t)
                ON CONFLICT (company_id, user_id) DO UPDATE SET skills = :s, absent_from = :f, absent_to = :t,
                       version = sales_profile.version + 1
                WHERE sales_profile.version = :v""")
                .param("c", manager.companyId()).param("u", userId).param("s", skills.toArray(String[]::new))
                .param("f", in.absentFrom()).param("t", in.absentTo()).param("v", in.version()).update();
        Versions.requireUpdated(rows);
        audit.record("sales-profile", userId, "update", Changes.of().put("skills", before.skills(), skills)
                .put("absentFrom", before.absentFrom(), in.absentFrom()).put("absentTo", before.absentTo(), in.absentTo()));
        return list().stream().filter(p -> p.userId() == userId).findFirst().orElseThrow();
    }
}
