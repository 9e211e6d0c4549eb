package io.yewu.pricing.internal.quote;

import io.yewu.platform.security.Allow;
import io.yewu.platform.security.CurrentUser;
import io.yewu.platform.security.RoleCode;
import io.yewu.platform.security.RoleGroup;
import io.yewu.platform.transfer.ExcelExport;
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

/**
 * PRC-10 quotes. Sales and finance read within their data scope; salespeople and business managers write (create,
 * revise, copy, apply for a special price, send, record the customer's answer). Special prices are approved in the
 * approvals inbox (PLT-3).
 */
@RestController
@RequestMapping("/api/quotes")
@Allow(groups = {RoleGroup.SALES, RoleGroup.FINANCE_DEPT})
class QuoteController {

    private final Quotes quotes;
    private final QuoteViews views;
    private final QuotePdf pdf;

    QuoteController(Quotes quotes, QuoteViews views, QuotePdf pdf) {
        this.quotes = quotes;
        this.views = views;
        this.pdf = pdf;
    }

    @GetMapping
    Page<QuoteViews.Summary> list(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
                                  @RequestParam(required = false) Long customerId, PageQuery page) {
        return views.list(CurrentUser.get(), new QuoteViews.Filter(q, state, customerId), page);
    }

    @GetMapping("/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String q, @RequestParam(required = false) String state,
                                                 @RequestParam(required = false) Long customerId, Locale locale) {
        var me = CurrentUser.get();
        var filter = new QuoteViews.Filter(q, state, customerId);
        views.list(me, filter, new PageQuery(0, 1, null)); // validates the filter before the download starts
        List<ExcelExport.Column<QuoteViews.Summary>> columns = List.of(
                new ExcelExport.Column<>("报价单号", "Number", QuoteViews.Summary::number),
                new ExcelExport.Column<>("客户", "Customer", QuoteViews.Summary::customerName),
                new ExcelExport.Column<>("业务员", "Salesperson", QuoteViews.Summary::ownerName),
                new ExcelExport.Column<>("版本", "Version", QuoteViews.Summary::newestVersion),
                new ExcelExport.Column<>("状态", "State", s -> QuoteWords.state(s.state(), s.expired(), locale)),
                new ExcelExport.Column<>("含税合计", "Total (tax incl.)", QuoteViews.Summary::total),
                new ExcelExport.Column<>("报价日期", "Issued on", QuoteViews.Summary::issuedOn),
                new ExcelExport.Column<>("有效期至", "Valid until", QuoteViews.Summary::validUntil));
        return ExcelExport.response(locale.getLanguage().equals("en") ? "quotes" : "报价单", locale, columns,
                sink -> views.each(me, filter, sink));
    }

    @GetMapping("/{id}")
    Quotes.Detail get(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return quotes.get(CurrentUser.get(), id, version);
    }

    /** The quote in Chinese as a PDF, for printing and sending (PRC-10); the newest version unless one is named. */
    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(required = false) Integer version) {
        return pdf.response(quotes.get(CurrentUser.get(), id, version));
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Quotes.Detail create(@RequestBody Quotes.Draft draft) {
        return quotes.create(CurrentUser.get(), draft);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    Quotes.Detail revise(@PathVariable long id, @RequestBody Quotes.Draft draft) {
        return quotes.revise(CurrentUser.get(), id, draft);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/{id}/copy")
    @ResponseStatus(HttpStatus.CREATED)
    Quotes.Detail copy(@PathVariable long id) {
        return quotes.copy(CurrentUser.get(), id);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/{id}/lines/{lineNo}/special-price")
    Quotes.Detail applySpecialPrice(@PathVariable long id, @PathVariable int lineNo, @RequestBody Quotes.Action action) {
        return quotes.applySpecialPrice(CurrentUser.get(), id, lineNo, action);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/{id}/send")
    Quotes.Detail send(@PathVariable long id, @RequestBody Quotes.Action action) {
        return quotes.send(CurrentUser.get(), id, action);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/{id}/accept")
    Quotes.Detail accept(@PathVariable long id, @RequestBody Quotes.Action action) {
        return quotes.accept(CurrentUser.get(), id, action);
    }

    @Allow({RoleCode.SALESPERSON, RoleCode.BUSINESS_MANAGER})
    @PostMapping("/{id}/reject")
    Quotes.Detail reject(@PathVariable long id, @RequestBody Quotes.Action action) {
        return quotes.reject(CurrentUser.get(), id, action);
    }
}
