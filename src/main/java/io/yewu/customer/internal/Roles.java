package io.yewu.customer.internal;

import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.YewuPrincipal;
import io.yewu.platform.web.ProblemException;

import java.util.Arrays;

/** Who may act: the rulebook names roles per action (filing, entering leads, distributing, deciding). */
final class Roles {

    static final RoleCode[] FILERS = {RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER, RoleCode.ACCOUNT_MANAGER};
    static final RoleCode[] LEAD_ENTRY = {RoleCode.NETWORK_PROMOTER, RoleCode.BUSINESS_MANAGER};
    static final RoleCode[] MANAGERS = {RoleCode.BUSINESS_MANAGER, RoleCode.GENERAL_MANAGER};

    private Roles() {}

    static void require(YewuPrincipal user, RoleCode... roles) {
        if (Arrays.stream(roles).noneMatch(user::hasRole)) throw ProblemException.forbidden("forbidden");
    }

    static boolean any(YewuPrincipal user, RoleCode... roles) {
        return Arrays.stream(roles).anyMatch(user::hasRole);
    }
}
