package io.yewu.order.internal.settlement;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.time.LocalDate;
import java.util.Locale;

/** RCV-3 receivables and aging, each list with its xlsx export: sales (a salesperson its own, by data scope) and the finance department. */
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

    /** The aging table as an xlsx, in the reader's scope: a line per salesperson, then the total. */
    @GetMapping("/aging/export")
    ResponseEntity<StreamingResponseBody> agingExport(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today, Locale locale) {
        return receivables.exportAging(CurrentUser.get(), today, locale);
    }

    @GetMapping("/customers")
    Page<Receivables.CustomerAging> customers(@RequestParam(required = false) Long ownerId,
                                              @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                                              PageQuery page) {
        return receivables.customers(CurrentUser.get(), ownerId, today, page);
    }

    @GetMapping("/customers/export")
    ResponseEntity<StreamingResponseBody> customersExport(@RequestParam(required = false) Long ownerId,
                                                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                                                          Locale locale) {
        return receivables.exportCustomers(CurrentUser.get(), ownerId, today, locale);
    }

    @GetMapping("/orders")
    Page<Receivables.OpenReceivable> orders(@RequestParam(required = false) Long customerId,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                                            PageQuery page) {
        return receivables.orders(CurrentUser.get(), customerId, today, page);
    }

    @GetMapping("/orders/export")
    ResponseEntity<StreamingResponseBody> ordersExport(@RequestParam(required = false) Long customerId,
                                                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
                                                       Locale locale) {
        return receivables.exportOrders(CurrentUser.get(), customerId, today, locale);
    }
}
