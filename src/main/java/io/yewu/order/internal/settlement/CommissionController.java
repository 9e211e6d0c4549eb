package io.yewu.order.internal.settlement;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Locale;

/**
 * COM-2 monthly commission statements: sales (a salesperson sees only its own, by data scope) and the finance
 * department read them; only the marketing director approves and locks a month.
 */
@RestController
@RequestMapping("/api/commission")
@Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
class CommissionController {

    private final Commissions commissions;

    CommissionController(Commissions commissions) {
        this.commissions = commissions;
    }

    /** {@code month} as 2026-11 (default: this month); {@code salespersonId} narrows to one salesperson. */
    @GetMapping("/statement")
    Commissions.Statement statement(@RequestParam(required = false) String month,
                                    @RequestParam(required = false) Long salespersonId) {
        return commissions.statement(CurrentUser.get(), month, salespersonId);
    }

    /** The statement's accruals as an xlsx: same month, salesperson and scope as the statement. */
    @GetMapping("/statement/export")
    ResponseEntity<StreamingResponseBody> statementExport(@RequestParam(required = false) String month,
                                                          @RequestParam(required = false) Long salespersonId, Locale locale) {
        return commissions.exportStatement(CurrentUser.get(), month, salespersonId, locale);
    }

    @Allow(RoleCode.MARKETING_DIRECTOR)
    @PostMapping("/months/{month}/approve")
    Commissions.MonthApproval approve(@PathVariable String month) {
        return commissions.approve(CurrentUser.get(), month);
    }
}
