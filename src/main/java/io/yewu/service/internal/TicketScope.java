package io.yewu.service.internal;

import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Which tickets a reader sees (PLT-5 for the service desk, decisions 0020 point 18): its own, those assigned to it
 * (also earlier: it keeps reading what it worked on) or now to its department; the desk's supervising roles as their data scope says over the owner; the marketing director
 * the complaints escalated to the marketing level.
 */
record TicketScope(String sql, Map<String, Object> params) {

    /** Roles whose data scope reaches the tickets of others (the owner column). */
    private static final Set<RoleCode> SUPERVISING = EnumSet.of(RoleCode.SHIFT_LEAD, RoleCode.SERVICE_DIRECTOR,
            RoleCode.RETURN_VISIT, RoleCode.QC_INSPECTOR, RoleCode.GENERAL_MANAGER);

    static TicketScope of(YewuPrincipal user, String t) {
        Map<String, Object> params = new HashMap<>();
        params.put("tsCompany", user.companyId());
        params.put("tsMe", user.id());
        params.put("tsDept", user.departmentId());
        StringBuilder sql = new StringBuilder("(" + t + ".company_id = :tsCompany AND (" + t + ".owner_id = :tsMe"
                + " OR EXISTS (SELECT 1 FROM ticket_assignee ta WHERE ta.company_id = " + t + ".company_id AND ta.ticket_id = " + t + ".id"
                + " AND (ta.user_id = :tsMe OR (ta.active AND ta.role = 'ASSIGNEE' AND ta.user_id IS NULL AND ta.department_id = :tsDept)))");
        if (SUPERVISING.stream().anyMatch(user::hasRole)) {
            DataScope.Condition scope = DataScope.of(user, t + ".company_id", t + ".owner_id");
            sql.append(" OR (").append(scope.sql()).append(")");
            params.putAll(scope.params());
        }
        if (user.hasRole(RoleCode.MARKETING_DIRECTOR)) sql.append(" OR ").append(t).append(".escalation_level = 'MARKETING_DIRECTOR'");
        sql.append("))");
        return new TicketScope(sql.toString(), params);
    }

    /** Whether the reader supervises (shift lead, director): may act on any ticket in scope. */
    static boolean supervises(YewuPrincipal user) {
        return user.hasRole(RoleCode.SHIFT_LEAD) || user.hasRole(RoleCode.SERVICE_DIRECTOR);
    }
}
