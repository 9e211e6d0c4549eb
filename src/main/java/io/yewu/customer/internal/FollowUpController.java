package io.yewu.customer.internal;

import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.security.Allow;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** CUS-13: what is due to be followed up today or overdue. */
@RestController
class FollowUpController {

    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Allow(groups = {RoleGroup.FILERS, RoleGroup.MANAGERS})
    @GetMapping("/api/follow-ups/due")
    List<FollowUps.Due> due(@RequestParam(defaultValue = "mine") String scope) {
        return followUps.due(CurrentUser.get(), "department".equals(scope));
    }
}
