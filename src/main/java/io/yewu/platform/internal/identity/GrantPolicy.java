package io.yewu.platform.internal.identity;

import java.util.Optional;
import java.util.Set;

/**
 * Who may hand out the group administrator's role (PLT-11): only a group administrator. A company's administrator
 * can neither grant GROUP_ADMIN nor touch an account that holds it (change, deactivate or reset its password),
 * else they could take over the group. Spring-free, tested by table.
 */
final class GrantPolicy {

    static final String GROUP_ADMIN = "GROUP_ADMIN";

    /** The problem code that refuses the change, if any. */
    static Optional<String> refusal(Set<String> callerRoles, Set<String> targetRolesBefore, Set<String> requestedRoles) {
        if (callerRoles.contains(GROUP_ADMIN)) return Optional.empty();
        if (targetRolesBefore.contains(GROUP_ADMIN) || requestedRoles.contains(GROUP_ADMIN)) {
            return Optional.of("group-admin-only");
        }
        return Optional.empty();
    }

    private GrantPolicy() {}
}
