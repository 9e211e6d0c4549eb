package io.yewu.customer.internal;

import io.yewu.platform.calendar.WorkCalendar;
import io.yewu.platform.security.RoleCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Reads what {@link LeadRanking} needs about a department's salespeople, in one query (CUS-10). */
@Component
class LeadPool {

    private final JdbcClient jdbc;

    /**
     * One row per salesperson of the department's subtree. The counts read the partial indexes of V53 alone
     * ({@code LeadPoolPlanIT} fails when a predicate here stops matching them).
     */
    static final String CANDIDATES = """
            SELECT u.id, u.display_name, u.active,
                   coalesce(p.skills, '{}') AS skills,
                   coalesce(:today BETWEEN p.absent_from AND p.absent_to, false) AS absent,
                   (SELECT count(*) FROM customer_ownership o WHERE o.company_id = u.company_id AND o.owner_id = u.id
                      AND o.reason = 'ASSIGNED' AND o.valid_from >= :monthStart) AS received,
                   (SELECT count(*) FROM customer c WHERE c.company_id = u.company_id AND c.owner_id = u.id
                      AND c.assigned_at IS NOT NULL AND c.stage IN ('LEAD', 'INTENTION')) AS open_leads,
                   (SELECT max(o.valid_from) FROM customer_ownership o WHERE o.company_id = u.company_id
                      AND o.owner_id = u.id AND o.reason = 'ASSIGNED') AS last_assigned
            FROM app_user u
            JOIN department d ON d.id = u.department_id
            JOIN user_role ur ON ur.company_id = u.company_id AND ur.user_id = u.id
            JOIN role r ON r.id = ur.role_id AND r.code = :role
            LEFT JOIN sales_profile p ON p.company_id = u.company_id AND p.user_id = u.id
            WHERE u.company_id = :c
              AND starts_with(d.path, (SELECT path FROM department WHERE company_id = :c AND id = :dept))
            ORDER BY u.id""";

    LeadPool(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Salespeople of the department subtree with their counts; inactive and absent ones flagged, not dropped. */
    List<LeadRanking.Candidate> candidates(long companyId, long departmentId, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, WorkCalendar.ZONE);
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(WorkCalendar.ZONE).toInstant();
        return jdbc.sql(CANDIDATES)
                .param("c", companyId).param("dept", departmentId).param("role", RoleCode.SALESPERSON.name())
                .param("today", today).param("monthStart", monthStart.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, n) -> new LeadRanking.Candidate(rs.getLong("id"), rs.getString("display_name"),
                        Set.copyOf(Arrays.asList((String[]) rs.getArray("skills").getArray())), rs.getBoolean("active"),
                        rs.getBoolean("absent"), rs.getInt("received"), rs.getInt("open_leads"),
                        rs.getObject("last_assigned", java.time.OffsetDateTime.class) == null ? null : rs.getObject("last_assigned", java.time.OffsetDateTime.class).toInstant()))
                .list();
    }
}
