package io.yewu.order.internal.settlement;

import io.yewu.order.internal.policy.settlement.InvoiceTypePolicy;
import io.yewu.platform.decision.Decision;
import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.List;
import java.util.Locale;

/** INV-1 / INV-2 invoices: the finance department reads them; finance and its director issue them. */
@RestController
@RequestMapping("/api/invoices")
@Allow(groups = RoleGroup.FINANCE_DEPT)
class InvoiceController {

    private final Invoices invoices;

    InvoiceController(Invoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping
    Page<Invoices.Summary> list(@RequestParam(required = false) Long customerId, PageQuery page) {
        return invoices.list(CurrentUser.get(), customerId, page);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(
            @RequestParam(required = false) Long customerId, Locale locale) {
        return invoices.export(CurrentUser.get(), customerId, locale);
    }

    @GetMapping("/{id}")
    Invoices.Invoice get(@PathVariable long id) {
        return invoices.get(CurrentUser.get(), id);
    }

    /** INV-2: the customer's orders with something left to invoice. */
    @GetMapping("/orders")
    List<Invoices.Invoiceable> invoiceable(@RequestParam(required = false) Long customerId) {
        return invoices.invoiceable(CurrentUser.get(), customerId);
    }

    /** INV-1: the small amounts waiting for a VAT special invoice. */
    @GetMapping("/accumulating")
    List<Invoices.Accumulating> accumulating(@RequestParam(required = false) Long customerId) {
        return invoices.accumulating(CurrentUser.get(), customerId);
    }

    /** INV-1: the type an invoice would get, nothing stored. */
    @Allow({RoleCode.FINANCE, RoleCode.FINANCE_DIRECTOR})
    @PostMapping("/plan")
    Decision<InvoiceTypePolicy.Plan> plan(@RequestBody Invoices.InvoiceInput input) {
        return invoices.plan(CurrentUser.get(), input);
    }

    @Allow({RoleCode.FINANCE, RoleCode.FINANCE_DIRECTOR})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Invoices.Outcome issue(@RequestBody Invoices.InvoiceInput input) {
        return invoices.issue(CurrentUser.get(), input);
    }
}
