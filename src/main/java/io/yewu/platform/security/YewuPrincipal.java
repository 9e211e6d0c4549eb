package io.yewu.platform.security;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.Set;

/**
 * The logged-in user as every capability sees it. Kept in the database-backed session, hence serializable.
 * {@code departmentPath} is the materialised path ('/1/4/') that department-scoped queries match by prefix.
 */
public record YewuPrincipal(long id, long companyId, String username, String displayName, long departmentId,
                            String departmentPath, Set<String> roles, DataScopeLevel dataScope, String locale)
        implements Serializable, Principal {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The name sessions are indexed by (spring_session.principal_name). */
    @Override
    public String getName() {
        return username;
    }

    public boolean hasRole(RoleCode role) {
        return roles.contains(role.name());
    }
}
