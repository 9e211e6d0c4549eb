package io.yewu.order.internal.settlement;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Locale;

/** ORD-8 refunds of cancelled prepaid orders: the finance department lists those due and records their payment. */
@RestController
@RequestMapping("/api/refunds")
@Allow(groups = RoleGroup.FINANCE_DEPT)
class RefundController {

    private final Refunds refunds;

    RefundController(Refunds refunds) {
        this.refunds = refunds;
    }

    /** {@code status}: DUE (default), PAID or ALL. */
    @GetMapping
    Page<Refunds.Refund> list(@RequestParam(required = false) String status, PageQuery page) {
        return refunds.list(CurrentUser.get(), status, page);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) String status, Locale locale) {
        return refunds.export(CurrentUser.get(), status, locale);
    }

    @GetMapping("/{id}")
    Refunds.Refund get(@PathVariable long id) {
        return refunds.get(CurrentUser.get(), id);
    }

    @PostMapping("/{id}/pay")
    Refunds.Refund pay(@PathVariable long id, @RequestBody Refunds.Payment payment) {
        return refunds.pay(CurrentUser.get(), id, payment);
    }
}
