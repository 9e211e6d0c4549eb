package io.yewu.customer.internal;

import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CUS-16 as SQL for one reader. A file is <em>in scope</em> when its owner is within the reader's data scope
 * (PLT-5), or it sits in the pool and the reader manages that pool or entered the lead. Salespeople also
 * <em>see</em> the pool, but masked. The service desk sees every file (a ticket may concern any customer) but
 * never credit terms.
 */
public record CustomerAccess(String visibleSql, String inScopeSql, Map<String, Object> params, boolean showsCredit) {

    private static final Set<String> SERVICE_DESK = Set.of(RoleCode.SERVICE_AGENT.name(), RoleCode.SHIFT_LEAD.name(),
            RoleCode.RETURN_VISIT.name(), RoleCode.QC_INSPECTOR.name(), RoleCode.SERVICE_DIRECTOR.name(),
            RoleCode.KNOWLEDGE_EDITOR.name());

    /** @param c the alias of the customer table in the caller's SQL */
    public static CustomerAccess of(YewuPrincipal user, String c) {
        DataScope.Condition owned = DataScope.of(user, c + ".company_id", c + ".owner_id");
        Map<String, Object> params = new HashMap<>(owned.params());
        params.put("accessUserId", user.id());
        params.put("accessCompanyId", user.companyId());
        String pool = switch (user.dataScope()) {
            case ALL -> "TRUE";
            case DEPARTMENT -> {
                params.put("accessDeptPath", user.departmentPath() + "%");
                yield c + ".department_id IN (SELECT id FROM department WHERE company_id = :accessCompanyId AND path LIKE :accessDeptPath)"
                        + " OR " + c + ".created_by = :accessUserId";
            }
            // the specialist keeps seeing the leads they entered; a salesperson sees pooled files masked
            case OWN -> user.hasRole(RoleCode.NETWORK_PROMOTER) ? c + ".created_by = :accessUserId" : "FALSE";
        };
        String inScope = "(" + owned.sql() + ") OR (" + c + ".company_id = :accessCompanyId AND " + c + ".owner_id IS NULL AND (" + pool + "))";
        if (user.roles().stream().anyMatch(SERVICE_DESK::contains)) {
            String company = "(" + c + ".company_id = :accessCompanyId)";
            return new CustomerAccess(company, company, Map.copyOf(params), false);
        }
        String visible = "(" + inScope + ") OR (" + c + ".company_id = :accessCompanyId AND " + c + ".owner_id IS NULL)";
        return new CustomerAccess("(" + visible + ")", "(" + inScope + ")", Map.copyOf(params), true);
    }
}
