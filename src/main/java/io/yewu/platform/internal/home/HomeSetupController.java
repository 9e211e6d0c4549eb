package io.yewu.platform.internal.home;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The administrator's home page figures (docs/decisions/0023-role-home-pages.md). */
@RestController
class HomeSetupController {

    private final SetupHome home;

    HomeSetupController(SetupHome home) {
        this.home = home;
    }

    @GetMapping("/api/home/setup")
    @Allow(groups = RoleGroup.ADMINS)
    SetupHome.View setup() {
        return home.view(CurrentUser.get());
    }
}
