package io.yewu.customer.internal;

import io.yewu.platform.security.DataScope;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.YewuPrincipal;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * CUS-16 as SQL for one reader. A file is <em>in scope</em> when its owner is within the reader's data scope
 * (PLT-5), or it sits in the pool and the reader manages that pool or entered the lead. Salespeople also
 * <em>see</em> the pool, but masked. The pool (leads nobody owns yet) is only for those who file or distribute
 * leads ({@link RoleGroup#LEAD_HANDLERS}); for everyone else a pooled lead does not exist. The service desk sees
 * every owned file (a ticket may concern any customer); {@link CustomerFields} decides which columns each reader gets.
 * <p>{@code ownersSql} names the owners whose files may be in the reader's scope, as a {@code bigint[]} expression over
 * {@code params} ({@code NULL}: any owner), the pool's unowned files aside. It only narrows a search made outside the
 * reader's query ({@link NameSearch}); that query still applies {@code inScopeSql}.
 */
public record CustomerAccess(String visibleSql, String inScopeSql, Map<String, Object> params,
                             Set<CustomerFields.Part> hidden, String ownersSql) {

    /** @param c the alias of the customer table in the caller's SQL */
    public static CustomerAccess of(YewuPrincipal user, String c) {
        DataScope.Condition owned = DataScope.of(user, c + ".company_id", c + ".owner_id");
        Map<String, Object> params = new HashMap<>(owned.params());
        params.put("accessUserId", user.id());
        params.put("accessCompanyId", user.companyId());
        Set<CustomerFields.Part> hidden = CustomerFields.hidden(user);
        String company = "(" + c + ".company_id = :accessCompanyId)";
        if (RoleGroup.SERVICE_DESK.roles().stream().anyMatch(user::hasRole)) {
            String desk = "(" + company + " AND " + c + ".owner_id IS NOT NULL)";
            return new CustomerAccess(desk, desk, Map.copyOf(params), hidden, "NULL");
        }
        if (RoleGroup.LEAD_HANDLERS.roles().stream().noneMatch(user::hasRole)) {
            String ownedOnly = "((" + owned.sql() + ") AND " + c + ".owner_id IS NOT NULL)";
            return new CustomerAccess(ownedOnly, ownedOnly, Map.copyOf(params), hidden, owned.owners());
        }
        String pool = switch (user.dataScope()) {
            case ALL -> "TRUE";
            case DEPARTMENT -> {
                params.put("accessDeptPath", user.departmentPath());
                yield c + ".department_id IN (SELECT id FROM department WHERE company_id = :accessCompanyId AND starts_with(path, :accessDeptPath))"
                        + " OR " + c + ".created_by = :accessUserId";
            }
            // the specialist keeps seeing the leads they entered; a salesperson sees pooled files masked
            case OWN -> user.hasRole(RoleCode.NETWORK_PROMOTER) ? c + ".created_by = :accessUserId" : "FALSE";
        };
        String inScope = "(" + owned.sql() + ") OR (" + c + ".company_id = :accessCompanyId AND " + c + ".owner_id IS NULL AND (" + pool + "))";
        String visible = "(" + inScope + ") OR (" + c + ".company_id = :accessCompanyId AND " + c + ".owner_id IS NULL)";
        return new CustomerAccess("(" + visible + ")", "(" + inScope + ")", Map.copyOf(params), hidden, owned.owners());
    }
}
