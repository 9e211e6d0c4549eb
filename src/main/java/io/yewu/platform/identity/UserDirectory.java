package io.yewu.platform.identity;

import io.yewu.platform.security.RoleCode;

import java.util.List;
import java.util.Optional;

/** Read-only questions about people, answered within the current company. */
public interface UserDirectory {

    record UserRef(long id, String displayName, long departmentId, String departmentName, boolean active) {}

    Optional<UserRef> find(long userId);

    /** The manager responsible for a user: their department's manager, else the nearest ancestor's; never themselves. */
    Optional<Long> managerOf(long userId);

    /** Active users holding a role, optionally only within a department subtree (null: whole company). */
    List<Long> withRole(RoleCode role, Long departmentId);
}
