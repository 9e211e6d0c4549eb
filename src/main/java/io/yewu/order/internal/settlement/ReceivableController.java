package io.yewu.order.internal.settlement;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** RCV-3 receivables and aging: sales (a salesperson its own, by data scope) and the finance department. */
@RestController
@RequestMapping("/api/receivables")
@Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
class ReceivableController {

    private final Receivables receivables;

    ReceivableController(Receivables receivables) {
        this.receivables = receivables;
    }

    /** The aging table and chart data: not due, 1–30, 31–60, 61–90, over 90 days, in total and per salesperson. */
    @GetMapping("/aging")
    Receivables.Aging aging(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today) {
        return receivables.aging(CurrentUser.get(), today);
    }

    @GetMapping("/customers")
    Page<Receivables.CustomerAging> customers(@RequestParam(required = false) Long ownerId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                                              PageQuery page) {
        return receivables.customers(CurrentUser.get(), ownerId, today, page);
    }

    @GetMapping("/orders")
    Page<Receivables.OpenReceivable> orders(@RequestParam(required = false) Long customerId,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                                            PageQuery page) {
        return receivables.orders(CurrentUser.get(), customerId, today, page);
    }
}
