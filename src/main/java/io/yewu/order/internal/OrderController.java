package io.yewu.order.internal;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ImportAnswer;
import io.yewu.platform.transfer.ImportJobs;
import io.yewu.platform.transfer.ImportMode;
import io.yewu.platform.transfer.ImportTemplate;
import io.yewu.platform.web.Page;
import io.yewu.platform.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import java.util.Locale;

/**
 * Orders (ORD-1 … ORD-8): sales enter, change and submit orders within their data scope; finance reads all; the
 * general manager releases credit holds. The service desk sees no order prices here (its status view is ORD-8b's).
 */
@RestController
@RequestMapping("/api/orders")
@Allow(groups = RoleGroup.SALES)
class OrderController {

    private final OrderPreviews previews;
    private final Orders orders;
    private final OrderQueries queries;
    private final OrderImport imports;
    private final ImportJobs jobs;

    OrderController(OrderPreviews previews, Orders orders, OrderQueries queries, OrderImport imports, ImportJobs jobs) {
        this.previews = previews;
        this.orders = orders;
        this.queries = queries;
        this.imports = imports;
        this.jobs = jobs;
    }

    /** PLT-10: orders from a spreadsheet, each through the same entry and submission as {@link #create}. */
    @PostMapping("/import")
    ImportAnswer importFile(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                            Locale locale) {
        return jobs.run(file, mode, locale, imports::importFile);
    }

    @PostMapping("/import/jobs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobs.Status importJob(@RequestParam MultipartFile file, @RequestParam(defaultValue = "ALL_OR_NOTHING") ImportMode mode,
                                Locale locale) {
        return jobs.start(file, mode, locale, imports::importFile);
    }

    @GetMapping("/import/template")
    ResponseEntity<StreamingResponseBody> importTemplate(Locale locale) {
        return ImportTemplate.xlsx("orders-import", imports.columns(), locale);
    }


    /** Every decision an order of these lines (or this saved order) would get now; nothing is saved. */
    @PostMapping("/preview")
    OrderPreviews.Preview preview(@RequestBody OrderPreviews.PreviewInput input) {
        return previews.preview(CurrentUser.get(), input);
    }

    @Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
    @GetMapping
    Page<OrderQueries.Summary> list(OrderQueries.Filter filter, PageQuery page) {
        return queries.list(CurrentUser.get(), filter, page);
    }

    @Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(OrderQueries.Filter filter, Locale locale) {
        return queries.export(CurrentUser.get(), filter, locale);
    }

    @Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
    @GetMapping("/{id}")
    OrderQueries.Detail get(@PathVariable long id) {
        return queries.get(CurrentUser.get(), id);
    }

    /** A draft entered directly (ORD-1); {@code submit: true} submits it at once. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrderQueries.Detail create(@RequestBody Orders.OrderInput input) {
        return orders.create(CurrentUser.get(), input);
    }

    /** ORD-1: the accepted quote version becomes an order without re-typing. */
    @PostMapping("/from-quote")
    @ResponseStatus(HttpStatus.CREATED)
    OrderQueries.Detail fromQuote(@RequestBody Orders.FromQuote input) {
        return orders.fromQuote(CurrentUser.get(), input.quoteId(), input.submit());
    }

    @PutMapping("/{id}")
    OrderQueries.Detail edit(@PathVariable long id, @RequestBody Orders.OrderInput input) {
        return orders.edit(CurrentUser.get(), id, input);
    }

    @PostMapping("/{id}/submit")
    OrderQueries.Detail submit(@PathVariable long id, @RequestBody Orders.VersionInput input) {
        return orders.submit(CurrentUser.get(), id, input.version());
    }

    /** A new draft like this order, without its approvals. */
    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    OrderQueries.Detail copy(@PathVariable long id) {
        return orders.copy(CurrentUser.get(), id);
    }

    /** ORD-8: the change was confirmed back to the customer. */
    @PostMapping("/{id}/changes/{changeId}/confirm")
    OrderQueries.Detail confirmChange(@PathVariable long id, @PathVariable long changeId) {
        return orders.confirmChange(CurrentUser.get(), id, changeId);
    }

    @PostMapping("/{id}/cancel")
    OrderQueries.Detail cancel(@PathVariable long id, @RequestBody Orders.ReasonInput input) {
        return orders.cancel(CurrentUser.get(), id, input);
    }

    /** ORD-5c: the general manager releases a credit hold with a reason. */
    @Allow(RoleCode.GENERAL_MANAGER)
    @PostMapping("/{id}/release-hold")
    OrderQueries.Detail releaseHold(@PathVariable long id, @RequestBody Orders.ReasonInput input) {
        return orders.releaseHold(CurrentUser.get(), id, input);
    }
}
