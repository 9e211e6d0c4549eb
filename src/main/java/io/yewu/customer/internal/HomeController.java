package io.yewu.customer.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** The sales side's home pages (docs/decisions/0023-role-home-pages.md). */
@RestController
class HomeController {

    private final HomeQueries home;

    HomeController(HomeQueries home) {
        this.home = home;
    }

    /** A salesperson's (or account manager's) day, own records only. */
    @GetMapping("/api/home/sales")
    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    HomeQueries.Sales sales() {
        return home.sales(CurrentUser.get());
    }

    /** The caller's own activity per day in a period (default: this week so far), at most a year. */
    @GetMapping("/api/home/sales/activity")
    @Allow({RoleCode.SALESPERSON, RoleCode.ACCOUNT_MANAGER})
    HomeQueries.Activity activity(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return home.activity(CurrentUser.get(), from, to);
    }

    /** A manager's team in their data scope. */
    @GetMapping("/api/home/team")
    @Allow(groups = RoleGroup.MANAGERS)
    HomeQueries.Team team() {
        return home.team(CurrentUser.get());
    }
}
